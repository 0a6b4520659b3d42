"""Uploads saved by the name the client gave them, and by names the server chooses."""
import os
import uuid

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/attachments", methods=["POST"])
def attach():
    upload = request.files["attachment"]
    # expect: py-path-traversal
    upload.save(os.path.join(UPLOADS, upload.filename))
    return "", 204


@app.route("/avatars", methods=["POST"])
def avatar():
    upload = request.files.get("avatar")
    # expect: py-path-traversal
    upload.save(dst=UPLOADS + "/" + upload.filename)
    return "", 204


@app.route("/attachments/safe", methods=["POST"])
def attach_safe():
    upload = request.files["attachment"]
    # ok: py-path-traversal
    upload.save(os.path.join(UPLOADS, secure_filename(upload.filename)))
    return "", 204


@app.route("/attachments/renamed", methods=["POST"])
def attach_renamed():
    upload = request.files["attachment"]
    # ok: py-path-traversal
    upload.save(os.path.join(UPLOADS, uuid.uuid4().hex))
    return "", 204
