"""Flask login views sending the user on to the `next` URL, with and without the site's own URL check."""
from urllib.parse import urljoin, urlparse

from flask import Flask, redirect, request

app = Flask(__name__)


def is_safe_redirect_url(target):
    host_url = urlparse(request.host_url)
    redirect_url = urlparse(urljoin(request.host_url, target))
    return redirect_url.scheme in ("http", "https") and host_url.netloc == redirect_url.netloc


def url_allowed(target):
    return bool(target)


@app.route("/login", methods=["POST"])
def login():
    next_url = request.args.get("next")
    if next_url and is_safe_redirect_url(next_url):
        # ok: py-open-redirect
        return redirect(next_url)
    return redirect("/")


@app.route("/signin", methods=["POST"])
def signin():
    next_url = request.args.get("next")
    # expect: py-open-redirect
    return redirect(next_url or "/")


@app.route("/sso", methods=["POST"])
def sso():
    next_url = request.args.get("next")
    if url_allowed(next_url):
        # A check not named for what it vouches for proves nothing here.
        # expect: py-open-redirect
        return redirect(next_url)
    return redirect("/")


def safe_for_redirect(url):
    return url.startswith("/") and not url.startswith("//")


@app.route("/logout", methods=["POST"])
def logout():
    target = request.form.get("next", "/")
    if not safe_for_redirect(target):
        target = "/"
    # ok: py-open-redirect
    return redirect(target)
