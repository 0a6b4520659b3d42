"""Imports YAML documents posted by clients."""
import yaml

from flask import Flask, request

import manifest_format

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_safe():
    data = request.get_data()
    # ok: py-tainted-deserialization
    doc = yaml.load(data, Loader=yaml.SafeLoader)
    return str(len(doc))


@app.route("/import/full", methods=["POST"])
def import_full():
    data = request.get_data()
    # expect: py-tainted-deserialization
    doc = yaml.load(data, Loader=yaml.Loader)
    return str(len(doc))


@app.route("/import/manifest", methods=["POST"])
def import_manifest():
    text = request.get_data(as_text=True)
    doc = manifest_format.parse_manifest(text)
    strict = manifest_format.parse_strict(text)
    fallback = manifest_format.parse_fallback(text)
    plugins = manifest_format.parse_plugin_manifest(text)
    return str(len(doc) + len(strict) + len(fallback) + len(plugins))
