"""A Tornado wiki: handlers read the page name from the route or the query and write HTML."""
import tornado.escape
import tornado.web

from tornado_wiki.pages import read_page, read_page_safely, title_bar, title_bar_escaped


class PageHandler(tornado.web.RequestHandler):
    def get(self, title):
        text = read_page(title)
        # expect: py-xss
        self.write(title_bar(title))
        self.write("<pre>%s</pre>" % tornado.escape.xhtml_escape(text))

    def head(self, title):
        read_page_safely(title)
        # ok: py-xss
        self.finish(title_bar_escaped(title))


class SearchHandler(tornado.web.RequestHandler):
    def get(self):
        term = self.get_query_argument("q", "")
        # expect: py-xss
        self.finish(title_bar("Search: " + term))

    def post(self):
        term = self.get_body_argument("q", "")
        # ok: py-xss
        self.write({"results": [], "query": term})


class UploadHandler(tornado.web.RequestHandler):
    def post(self):
        upload = self.request.files["page"][0]
        # expect: py-path-traversal
        with open(upload["filename"], "wb") as out:
            out.write(upload["body"])
        # ok: py-xss
        self.write(title_bar_escaped(upload["filename"]))


def make_app():
    return tornado.web.Application([
        (r"/wiki/(\w+)", PageHandler),
        (r"/search", SearchHandler),
        (r"/upload", UploadHandler),
    ])
