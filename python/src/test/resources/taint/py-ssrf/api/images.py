"""An image-import API: the caller names a URL to copy an image from."""
import requests

from api import wsgi

MIRROR = "https://mirror.example.com/images/"


class ImagesController(wsgi.Controller):

    def create(self, req, body):
        url = body["image"]["source_url"]
        # expect: py-ssrf
        resp = requests.get(url, timeout=30, stream=True)
        return {"size": resp.headers.get("Content-Length")}

    def show(self, req, id):
        # ok: py-ssrf
        resp = requests.get(MIRROR + "index.json", timeout=30)
        return {"id": id, "known": id in resp.json()}

    @wsgi.action("os-mirror")
    def _mirror(self, req, id, body):
        host = req.params.get("mirror_host")
        # expect: py-ssrf
        requests.post("https://%s/images/%s" % (host, id), timeout=30)

    def _fetch_index(self, name):
        # ok: py-ssrf
        return requests.get(MIRROR + "index.json", timeout=30).json().get(name)


class Helper(object):
    """Not a controller: its methods are not called by the router."""

    def create(self, req, body):
        # ok: py-ssrf
        return requests.get(body["image"]["source_url"], timeout=30)
