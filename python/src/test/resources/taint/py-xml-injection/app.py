"""A Flask service that builds XML documents from request data: by hand (injectable) and through an XML API."""
import xml.etree.ElementTree as ET
from xml.dom import minidom
from xml.sax.saxutils import escape, quoteattr

import requests
from flask import Flask, Response, request
from lxml import etree

from documents import order_document, order_document_escaped

app = Flask(__name__)

BILLING_URL = "https://billing.example.com/soap"


@app.route("/user", methods=["POST"])
def create_user():
    name = request.form["name"]
    # expect: py-xml-injection
    doc = ET.fromstring("<user><name>%s</name><role>member</role></user>" % name)
    return doc.findtext("role")


@app.route("/user-format", methods=["POST"])
def create_user_format():
    name = request.form["name"]
    text = "<user><name>{}</name></user>".format(name)
    # expect: py-xml-injection
    return etree.fromstring(text).tag


@app.route("/user-fstring", methods=["POST"])
def create_user_fstring():
    email = request.json["email"]
    # expect: py-xml-injection
    dom = minidom.parseString(f"<user email='{email}'/>")
    return dom.documentElement.getAttribute("email")


@app.route("/user-joined", methods=["POST"])
def create_user_joined():
    parts = ["<user>", "<name>", request.form["name"], "</name>", "</user>"]
    # expect: py-xml-injection
    return etree.XML("".join(parts)).tag


@app.route("/user-escaped", methods=["POST"])
def create_user_escaped():
    name = escape(request.form["name"])
    # ok: py-xml-injection
    doc = ET.fromstring("<user><name>%s</name></user>" % name)
    return doc.tag


@app.route("/user-attribute-quoted", methods=["POST"])
def create_user_attribute_quoted():
    # ok: py-xml-injection
    doc = ET.fromstring("<user email=%s/>" % quoteattr(request.form["email"]))
    return doc.tag


@app.route("/user-built", methods=["POST"])
def create_user_built():
    root = ET.Element("user")
    ET.SubElement(root, "name").text = request.form["name"]
    root.set("email", request.form["email"])
    # ok: py-xml-injection
    return Response(ET.tostring(root), mimetype="application/xml")


@app.route("/upload", methods=["POST"])
def upload():
    # A document the client sends whole is parsed as it wrote it: nothing is injected into it (XXE is another rule's).
    # ok: py-xml-injection
    doc = ET.fromstring(request.get_data())
    return doc.tag


@app.route("/greeting")
def greeting():
    # Text with no markup around the data is not XML built by hand.
    # ok: py-xml-injection
    return ET.fromstring("Hello " + request.args["name"]).tag


@app.route("/order", methods=["POST"])
def order():
    body = order_document(request.form["item"], int(request.form["quantity"]))
    # expect: py-xml-injection
    reply = requests.post(BILLING_URL, data=body, headers={"Content-Type": "text/xml"})
    return reply.text


@app.route("/order-escaped", methods=["POST"])
def order_escaped():
    body = order_document_escaped(request.form["item"])
    # ok: py-xml-injection
    reply = requests.post(BILLING_URL, data=body, headers={"Content-Type": "text/xml"})
    return reply.text


@app.route("/feed")
def feed():
    title = request.args.get("title", "")
    # expect: py-xml-injection
    return Response("<feed><title>" + title + "</title></feed>", mimetype="application/xml")


@app.route("/feed-number")
def feed_number():
    count = int(request.args.get("count", "10"))
    # ok: py-xml-injection
    return Response("<feed><count>%d</count></feed>" % count, mimetype="application/xml")
