"""A Bottle application that redirects."""
from urllib.parse import quote

import bottle
from bottle import redirect, request


@bottle.route("/login")
def login():
    # expect: py-open-redirect
    redirect(request.query.get("next", "/"))


@bottle.route("/simple/<name>")
def simple(name):
    # ok: py-open-redirect
    redirect("/simple/%s/" % quote(name))
