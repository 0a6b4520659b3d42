"""Redirects to hosts on an allow-list."""
from urllib.parse import urlparse

from flask import Flask, redirect, request

app = Flask(__name__)

ALLOWED = ("example.com", "www.example.com")


@app.route("/continue")
def continue_to():
    u = request.args.get("next", "/")
    if urlparse(u).netloc in ALLOWED:
        # ok: py-open-redirect
        return redirect(u)
    return redirect("/")


@app.route("/continue/unchecked")
def continue_unchecked():
    u = request.args.get("next", "/")
    # expect: py-open-redirect
    return redirect(u)
