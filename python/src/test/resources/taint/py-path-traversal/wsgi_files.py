"""A WSGI middleware that serves static files beside the application it wraps."""
import os

STATIC_ROOT = "/srv/static"


class StaticFiles(object):

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/static/"):
            # expect: py-path-traversal
            with open(STATIC_ROOT + path[len("/static"):], "rb") as f:
                body = f.read()
            start_response("200 OK", [("Content-Type", "application/octet-stream")])
            return [body]
        return self.app(environ, start_response)


class StaticFile(object):
    """The same middleware serving one file by its base name only."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        name = os.path.basename(environ.get("PATH_INFO", ""))
        # ok: py-path-traversal
        with open(os.path.join(STATIC_ROOT, name), "rb") as f:
            body = f.read()
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return [body]


class Report(object):
    """A callable that is not a WSGI application: its argument is the caller's, not a request's."""

    def __call__(self, name):
        # ok: py-path-traversal
        with open(os.path.join(STATIC_ROOT, name), "rb") as f:
            return f.read()
