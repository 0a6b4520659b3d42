"""A Flask catalogue served from an XML file."""
from flask import Flask, request
from lxml import etree

from catalogue import title_query, find_by_author

app = Flask(__name__)


def load():
    return etree.parse("/srv/catalogue.xml")


@app.route("/book")
def book():
    isbn = request.args.get("isbn", "")
    tree = etree.parse("/srv/catalogue.xml")
    # expect: py-xpath-injection
    nodes = tree.xpath("//book[@isbn='" + isbn + "']")
    # ok: py-xpath-injection
    safe = tree.xpath("//book[@isbn=$isbn]", isbn=isbn)
    return {"n": len(nodes) + len(safe)}


@app.route("/title")
def title():
    tree = etree.parse("/srv/catalogue.xml")
    # expect: py-xpath-injection
    nodes = tree.xpath(title_query(request.args["t"]))
    return {"n": len(nodes)}


@app.route("/author")
def author():
    return {"n": len(find_by_author(request.args["a"]))}


@app.route("/search", methods=["POST"])
def search():
    crit = {"lang": request.form.get("lang"), "kind": "book"}
    tree = etree.parse("/srv/catalogue.xml")
    # expect: py-xpath-injection
    a = tree.xpath(f"//{crit['kind']}[@lang='{crit['lang']}']")
    # ok: py-xpath-injection
    b = tree.xpath("//%s" % crit["kind"])
    return {"n": len(a) + len(b)}


@app.route("/page")
def page():
    tree = etree.parse("/srv/catalogue.xml")
    year = request.args.get("year", "")
    if year.isdigit():
        # ok: py-xpath-injection
        tree.xpath("//book[@year=" + year + "]")
    shelf = request.args.get("shelf", "")
    if shelf in ("a", "b"):
        # ok: py-xpath-injection
        tree.xpath("//shelf[@id='%s']" % shelf)
    n = int(request.args.get("n", "1"))
    # ok: py-xpath-injection
    tree.xpath("//book[%d]" % n)
    if 7 * 3 > 100:
        # ok: py-xpath-injection
        tree.xpath(shelf)
    shelf = "//book"
    # ok: py-xpath-injection
    tree.xpath(shelf)
    return "ok"


@app.route("/authors")
def authors():
    import xml.etree.ElementTree as ET

    import elementpath

    root = ET.parse("/srv/catalogue.xml")
    name = request.args.get("name", "")
    # expect: py-xpath-injection
    elementpath.select(root, f"//author[@name='{name}']")
    # ok: py-xpath-injection
    elementpath.select(root, f"//author[@name='{name.replace("'", '&apos;')}']")
    quoted = name.replace("'", "&apos;")
    # ok: py-xpath-injection
    elementpath.select(root, f"//author[@name='{quoted}']")
    # expect: py-xpath-injection
    elementpath.select(root, f"//author[@name='{name.replace('a', 'b')}']")
    return "ok"
