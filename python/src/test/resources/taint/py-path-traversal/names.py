"""Serves files whose names are checked for parent-directory steps."""
from flask import Flask

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
