"""Serves files whose names are checked for parent-directory steps."""
from flask import Flask, request

app = Flask(__name__)


@app.route("/files/<name>")
def read_checked(name):
    if '..' in name:
        raise ValueError("bad name")
    # ok: py-path-traversal
    with open("/srv/files/" + name) as f:
        return f.read()


@app.route("/files2/<name>")
def read_returned(name):
    if '..' in name:
        return "bad name", 400
    # ok: py-path-traversal
    with open("/srv/files/" + name) as f:
        return f.read()


@app.route("/files3/<name>")
def read_unchecked(name):
    # expect: py-path-traversal
    with open("/srv/files/" + name) as f:
        return f.read()


BASE = "/srv/files"


@app.route("/resolved")
def resolved():
    import os

    from flask import abort

    name = request.args.get("name", "")
    full = os.path.realpath(os.path.join(BASE, name))
    if not full.startswith(BASE + os.sep):
        abort(404)
    # ok: py-path-traversal
    with open(full, "rb") as fh:
        data = fh.read()
    # expect: py-path-traversal
    with open(os.path.join(BASE, name), "rb") as fh:
        data += fh.read()
    return data


@app.route("/unresolved")
def unresolved():
    import os

    name = request.args.get("name", "")
    full = os.path.join(BASE, name)
    if not full.startswith(BASE):
        return "no"
    # A prefix test without resolving `..` proves nothing.
    # expect: py-path-traversal
    return open(full, "rb").read()
