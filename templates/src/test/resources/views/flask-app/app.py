from flask import Flask, render_template, request, url_for
from flask_babel import Babel
from markupsafe import escape

from .store import find, load_bio

app = Flask(__name__)
babel = Babel(app)
BANNER = "<b>Welcome back</b>"


@app.route("/search")
def search():
    q = request.args.get("q", "")
    return render_template("search.html", query=q, banner=BANNER, results=find(q))


@app.route("/u/<name>")
def profile(name):
    bio = load_bio(name)
    context = {"bio": bio, "safe_bio": escape(bio)}
    return render_template("profile.html", name=name, home=url_for("search"), **context)


@app.route("/go")
def go():
    return render_template("go.html", dest=request.args.get("url", "/"), back=url_for("search"))
