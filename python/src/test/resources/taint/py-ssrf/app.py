"""A Flask link-preview service."""
import urllib.parse
import urllib.request

import requests
from flask import Flask, request

from fetcher import api_url, fetch_json

app = Flask(__name__)


@app.route("/preview")
def preview():
    url = request.args.get("url", "")
    # expect: py-ssrf
    resp = requests.get(url, timeout=5)
    return {"status": resp.status_code}


@app.route("/preview/fixed")
def preview_fixed():
    page = request.args.get("page", "")
    # ok: py-ssrf
    resp = requests.get("https://wiki.example.com/view/" + urllib.parse.quote(page), timeout=5)
    return {"status": resp.status_code}


@app.route("/avatar/<host>")
def avatar(host):
    # expect: py-ssrf
    data = urllib.request.urlopen(f"http://{host}/avatar.png", timeout=5).read()
    return {"size": len(data)}


@app.route("/user")
def user():
    # expect: py-ssrf
    resp = requests.get(api_url(request.args["region"]), timeout=5)
    return {"status": resp.status_code}


@app.route("/user/helper")
def user_helper():
    return fetch_json(request.args["endpoint"])


@app.route("/webhook", methods=["POST"])
def webhook():
    hook = request.get_json()
    targets = [hook["callback"], "https://audit.example.com/hook"]
    # expect: py-ssrf
    requests.post(targets[0], json={"ok": True}, timeout=5)
    # expect: py-ssrf
    requests.post("%s/notify" % hook.get("base"), timeout=5)
    return "ok"


@app.route("/mirror")
def mirror():
    region = request.args.get("region", "")
    if region in ("eu", "us"):
        # ok: py-ssrf
        requests.get("https://" + region + ".mirror.example.com/", timeout=5)
    port = request.args.get("port", "")
    if port.isdigit():
        # ok: py-ssrf
        requests.get("http://localhost:" + port + "/health", timeout=5)
    return "ok"


@app.route("/legacy")
def legacy():
    url = request.args.get("url", "")
    if 7 * 3 > 100:
        # ok: py-ssrf
        requests.get(url, timeout=5)
    url = "https://status.example.com/"
    # ok: py-ssrf
    requests.get(url, timeout=5)
    return "ok"


def fetch_template(url, allowed_schemes=("http", "https")):
    parts = urllib.parse.urlparse(url)
    if parts.scheme not in allowed_schemes:
        raise ValueError(parts.scheme)
    if parts.scheme == "file":
        # A file: URL reads a local file; no request leaves the server.
        # ok: py-ssrf
        return urllib.request.urlopen(url, timeout=5).read()
    if parts.scheme in ("http", "https"):
        # Checking the scheme says nothing about which host is asked.
        # expect: py-ssrf
        return urllib.request.urlopen(url, timeout=5).read()
    return None


@app.route("/templates")
def templates():
    return fetch_template(request.args["template_url"])
