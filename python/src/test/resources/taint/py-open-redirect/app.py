"""Login flow of a Flask application."""
import urllib.parse

from flask import Flask, redirect, request, url_for

from models import Book

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


@app.route("/books/<book_id>/convert", methods=["POST"])
def convert(book_id):
    # ok: py-open-redirect
    return redirect(url_for("show_book", book_id=book_id))


@app.route("/shelf/add", methods=["POST"])
def add_to_shelf():
    # ok: py-open-redirect
    return redirect(request.referrer or "/")


@app.route("/books/<book_id>/next")
def next_of_book(book_id):
    book = Book.query_db().filter(Book.id == book_id).first()
    # ok: py-open-redirect
    return redirect(book.link)


@app.route("/items/<item_id>/move", methods=["POST"])
def move_item(item_id):
    # ok: py-open-redirect
    return redirect(f"/items/{item_id}")


@app.route("/jump/<path:rest>")
def jump(rest):
    # "/" + "/evil.example" is a protocol-relative URL to another host.
    # expect: py-open-redirect
    return redirect("/" + rest)
