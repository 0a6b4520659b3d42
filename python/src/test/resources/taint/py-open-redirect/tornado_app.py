"""Tornado handlers that redirect."""
import tornado.web


class LegacyPath(tornado.web.RequestHandler):
    """Strips a trailing slash and sends the browser on."""

    def get(self):
        # expect: py-open-redirect
        self.redirect(self.request.uri.rstrip("/"))


class Next(tornado.web.RequestHandler):

    def get(self):
        target = self.get_argument("next", "/")
        # expect: py-open-redirect
        self.redirect(target)

    def post(self):
        # ok: py-open-redirect
        self.redirect(self.reverse_url("home"))


class Bounce(tornado.web.RequestHandler):

    def get(self, page):
        # expect: py-open-redirect
        self.redirect(page)
