"""A file server on the standard library's HTTP server: the handler reads the path from itself."""
import shutil
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, unquote, urlparse

from stdlib_files.listing import contained_path, listing_page, listing_page_escaped, local_path


class FileHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        path = unquote(url.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.end_headers()
        if parse_qs(url.query).get("raw"):
            # expect: py-path-traversal
            with open(local_path(path), "rb") as f:
                shutil.copyfileobj(f, self.wfile)
            return
        safe = contained_path(path)
        if safe is None:
            return
        # ok: py-path-traversal
        with open(safe, "rb") as f:
            shutil.copyfileobj(f, self.wfile)

    def do_POST(self):
        folder = self.headers.get("X-Folder", "/")
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        # expect: py-xss
        self.wfile.write(listing_page(folder, ["a.txt", "b.txt"]))
        # ok: py-xss
        self.wfile.write(listing_page_escaped(folder, ["a.txt", "b.txt"]))


def main():
    HTTPServer(("127.0.0.1", 8000), FileHandler).serve_forever()
