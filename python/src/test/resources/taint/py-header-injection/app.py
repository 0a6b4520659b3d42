"""A bare WSGI application and a standard-library HTTP handler: neither checks header values."""
import urllib.parse
from http.server import BaseHTTPRequestHandler

import webob

from tags import language_tag

LANGUAGES = ("en", "fr", "de")


def application(environ, start_response):
    req = webob.Request(environ)
    lang = req.params.get("lang", "en")
    if req.path == "/download":
        name = req.params["name"]
        # expect: py-header-injection
        start_response("200 OK", [("Content-Disposition", "attachment; filename=" + name)])
        return [b""]
    if req.path == "/quoted":
        name = req.params["name"]
        # ok: py-header-injection
        start_response("200 OK", [("Content-Disposition", "attachment; filename*=UTF-8''" + urllib.parse.quote(name))])
        return [b""]
    if req.path == "/tag":
        # expect: py-header-injection
        start_response("200 OK", [("Content-Language", language_tag(lang))])
        return [b""]
    if lang in LANGUAGES:
        # ok: py-header-injection
        start_response("200 OK", [("Content-Language", lang)])
        return [b""]
    # ok: py-header-injection
    start_response("200 OK", [("Content-Language", "en")])
    return [b""]


class Redirector(BaseHTTPRequestHandler):
    def forward(self, target):
        self.send_response(302)
        # expect: py-header-injection
        self.send_header("Location", target)
        self.end_headers()


def redirect_from_request(handler: Redirector, environ):
    req = webob.Request(environ)
    handler.forward(req.params["next"])


def redirect_home(handler: Redirector):
    handler.forward("/")
