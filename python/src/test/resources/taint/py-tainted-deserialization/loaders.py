"""Imports YAML documents posted by clients."""
import yaml

from flask import Flask, request

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
