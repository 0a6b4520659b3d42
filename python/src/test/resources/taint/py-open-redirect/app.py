"""Login flow of a Flask application."""
import urllib.parse

from flask import Flask, redirect, request

from links import next_url, bounce

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    target = request.args.get("next", "/")
    # expect: py-open-redirect
    return redirect(target)


@app.route("/login/relative", methods=["POST"])
def login_relative():
    target = request.args.get("next", "")
    # ok: py-open-redirect
    return redirect("/home?from=" + urllib.parse.quote(target))


@app.route("/go/<path:dest>")
def go(dest):
    # expect: py-open-redirect
    return redirect(f"https://{dest}")


@app.route("/continue")
def cont():
    # expect: py-open-redirect
    return redirect(next_url(request.args))


@app.route("/bounce")
def bounce_view():
    return bounce(request.args["to"])


@app.route("/sso", methods=["POST"])
def sso():
    state = {"return_to": request.form.get("return_to"), "home": "/"}
    # expect: py-open-redirect
    return redirect(state["return_to"])


@app.route("/sso/home", methods=["POST"])
def sso_home():
    state = {"return_to": request.form.get("return_to"), "home": "/"}
    # ok: py-open-redirect
    return redirect(state["home"])


@app.route("/lang")
def lang():
    code = request.args.get("lang", "en")
    if code in ("en", "de", "fr"):
        # ok: py-open-redirect
        return redirect("/" + code + "/")
    page = request.args.get("page", "1")
    if page.isdigit():
        # ok: py-open-redirect
        return redirect("/list?page=%s" % page)
    return redirect("/")


@app.route("/legacy")
def legacy():
    target = request.args.get("next", "/")
    if 7 * 3 > 100:
        # ok: py-open-redirect
        return redirect(target)
    target = "/dashboard"
    # ok: py-open-redirect
    return redirect(target)
