"""A small status server on the standard library's HTTP server: the handler reads the request from itself."""
import html
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


def page(title, body):
    return ("<html><head><title>%s</title></head><body>%s</body></html>" % (title, body)).encode()


class StatusHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        params = parse_qs(urlparse(self.path).query)
        name = params.get("name", ["world"])[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        if urlparse(self.path).path == "/hello":
            # expect: py-xss
            self.wfile.write(page("hello", "<p>Hello, " + name + "</p>"))
        else:
            # ok: py-xss
            self.wfile.write(page("hello", "<p>Hello, " + html.escape(name) + "</p>"))

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        note = self.rfile.read(length).decode("utf-8", "replace")
        self.send_response(200)
        self.end_headers()
        # expect: py-xss
        self.wfile.write(("<p>Saved: %s</p>" % note).encode())

    def do_HEAD(self):
        self.send_response(200)
        self.end_headers()
        # ok: py-xss
        self.wfile.write(page("status", "<p>%d workers</p>" % len(self.server.workers)))


class Report(object):
    """Not a request handler: its `path` and `wfile` are the program's own."""

    def __init__(self, path, out):
        self.path = path
        self.wfile = out

    def write(self):
        # ok: py-xss
        self.wfile.write(page("report", "<p>%s</p>" % self.path))


def serve(port):
    ThreadingHTTPServer(("127.0.0.1", port), StatusHandler).serve_forever()


def dump(handler_state, out):
    # ok: py-xss
    out.write(json.dumps(handler_state).encode())
