"""A Flask download service that sets custom headers."""
import urllib.parse

from flask import Flask, make_response, request

from headers import disposition, tag_response

app = Flask(__name__)


@app.route("/file")
def file():
    name = request.args.get("name", "report.pdf")
    resp = make_response(b"%PDF-1.4")
    # expect: py-header-injection
    resp.headers["Content-Disposition"] = "attachment; filename=" + name
    # ok: py-header-injection
    resp.headers["X-File-Name"] = urllib.parse.quote(name)
    return resp


@app.route("/trace/<trace_id>")
def trace(trace_id):
    resp = make_response("ok")
    # expect: py-header-injection
    resp.headers["X-Trace"] = f"trace={trace_id}"
    # expect: py-header-injection
    resp.headers["Content-Disposition"] = disposition(request.args["n"])
    return resp


@app.route("/tag")
def tag():
    resp = make_response("ok")
    tag_response(resp, request.args["tag"])
    return resp


@app.route("/lang")
def lang():
    prefs = {"lang": request.args.get("lang"), "cache": "no-store"}
    resp = make_response("ok")
    # expect: py-header-injection
    resp.headers["Content-Language"] = prefs["lang"]
    # ok: py-header-injection
    resp.headers["Cache-Control"] = prefs["cache"]
    ver = request.args.get("v", "")
    if ver.isdigit():
        # ok: py-header-injection
        resp.headers["X-Api-Version"] = ver
    region = request.args.get("region", "")
    if region in ("eu", "us"):
        # ok: py-header-injection
        resp.headers["X-Region"] = region
    if 7 * 3 > 100:
        # ok: py-header-injection
        resp.headers["X-Debug"] = region
    region = "global"
    # ok: py-header-injection
    resp.headers["X-Region"] = region
    return resp
