import subprocess

from flask import Flask, make_response, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/echo")
def echo():
    # expect: py-xss
    return "<pre>" + request.args.get("text", "") + "</pre>"


@app.route("/echo/safe")
def echo_safe():
    # ok: py-xss
    return make_response("<pre>%s</pre>" % escape(request.args.get("text", "")))


@app.route("/ping")
def ping():
    host = request.args.get("host", "")
    status = subprocess.call(["ping", "-c", "1", host])
    # ok: py-xss
    return "<p>exit status %s</p>" % status



@app.route("/shelf/<int:shelf_id>/add/<int:book_id>", methods=["POST"])
def add_to_shelf(shelf_id, book_id):
    # Werkzeug's int converter hands the view a number.
    # ok: py-xss
    return "<p>%s is not a book id</p>" % book_id, 400


@app.route("/shelf/<name>/add", methods=["POST"])
def add_to_named_shelf(name):
    # expect: py-xss
    return "<p>%s is not a shelf</p>" % name, 400
