"""A Bottle guestbook: routes return the page as a string."""
import html

import bottle
from bottle import request, template

from bottle_guestbook.entries import entries_by, entries_by_safely, signature

app = bottle.Bottle()


@app.route("/by")
def by_author():
    author = request.query.get("author", "")
    count = len(entries_by(author))
    # expect: py-xss
    return "<p>%d entries</p>" % count + signature(author)


@app.route("/by/escaped")
def by_author_escaped():
    author = request.query.get("author", "")
    count = len(entries_by_safely(author))
    # ok: py-xss
    return "<p>%d entries</p>" % count + signature(html.escape(author))


@app.route("/by/template")
def by_author_template():
    author = request.params.get("author", "")
    # ok: py-xss
    return template("<p>Entries by {{author}}</p>", author=author)


@app.route("/sign", method="POST")
def sign():
    name = request.forms.get("name", "")
    entries_by_safely(name)
    # expect: py-xss
    return signature(name)


@bottle.post("/preview")
def preview():
    # expect: py-xss
    return signature(request.forms.get("name", ""))
