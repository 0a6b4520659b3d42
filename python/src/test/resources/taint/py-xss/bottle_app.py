"""A Bottle application whose routes return pages."""
import bottle
from bottle import HTTPError, request, template


@bottle.route("/hello")
def hello():
    # expect: py-xss
    return "<h1>Hello %s</h1>" % request.query.get("name", "")


@bottle.route("/hello/template")
def hello_template():
    # ok: py-xss
    return template("hello", name=request.query.get("name", ""))


@bottle.route("/package/<name>")
def package(name):
    # ok: py-xss
    return HTTPError(404, "Not Found (%s does not exist)" % name)
