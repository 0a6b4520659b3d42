"""Tornado handlers: what they write is a page, unless it is a dict (sent as JSON)."""
import tornado.escape
import tornado.web


class GreetHandler(tornado.web.RequestHandler):
    def get(self):
        name = self.get_argument("name", "world")
        # expect: py-xss
        self.write("<h1>Hello, %s</h1>" % name)

    def post(self):
        name = self.get_body_argument("name")
        # ok: py-xss
        self.write("<h1>Hello, %s</h1>" % tornado.escape.xhtml_escape(name))


class LookupHandler(tornado.web.RequestHandler):
    def get(self, item_id):
        # ok: py-xss
        self.write({"id": item_id, "query": self.get_argument("q", "")})

    def delete(self, item_id):
        # expect: py-xss
        self.finish("<p>Deleted " + item_id + "</p>")


class HealthHandler(tornado.web.RequestHandler):
    def get(self):
        # ok: py-xss
        self.write("<p>ok</p>")
