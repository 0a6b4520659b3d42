"""Notes kept in folders under one root; folder names come from the request and are checked in several ways."""
import os
import shutil
from pathlib import Path

from flask import Flask, abort, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
ROOT = Path("/srv/notes")


def is_relative_to(path, base):
    """pathlib's Path.is_relative_to for Pythons before 3.9."""
    try:
        path.resolve().relative_to(base)
        return True
    except ValueError:
        return False


@app.route("/folders", methods=["POST"])
def make_folder():
    folder = ROOT / request.form["folder"]
    if not is_relative_to(folder, ROOT):
        abort(400)
    # ok: py-path-traversal
    folder.mkdir(parents=True, exist_ok=True)
    return "made"


@app.route("/folders/remove", methods=["POST"])
def remove_folder():
    folder = ROOT / request.form["folder"]
    if is_relative_to(folder, ROOT) and folder != ROOT:
        # ok: py-path-traversal
        shutil.rmtree(folder)
    # expect: py-path-traversal
    shutil.rmtree(ROOT / request.form["other"])
    return "removed"


@app.route("/notes", methods=["POST"])
def save_note():
    folder = request.form.get("folder", "")
    if not is_relative_to(ROOT / folder, ROOT):
        folder = ""
    # The whole joined path was checked: the folder joined to the same root stays under it.
    # ok: py-path-traversal
    with open(ROOT / folder / "note.md", "w") as out:
        out.write(request.form["text"])
    return "saved"


@app.route("/notes/unchecked", methods=["POST"])
def save_note_unchecked():
    folder = request.form.get("folder", "")
    if not is_relative_to(ROOT, ROOT):
        folder = ""
    # Only the root was checked, not the folder joined to it.
    # expect: py-path-traversal
    with open(ROOT / folder / "note.md", "w") as out:
        out.write(request.form["text"])
    return "saved"


@app.route("/export", methods=["POST"])
def export():
    name = request.form["name"]
    if name != secure_filename(name):
        abort(400)
    # A name its sanitiser leaves unchanged is already a plain file name.
    # ok: py-path-traversal
    with open(os.path.join("/srv/exports", name), "w") as out:
        out.write("report")
    return "exported"


@app.route("/export/basename", methods=["POST"])
def export_basename():
    name = request.form["name"]
    if name == os.path.basename(name):
        # ok: py-path-traversal
        return open(os.path.join("/srv/exports", name)).read()
    # expect: py-path-traversal
    return open(os.path.join("/srv/exports", name, "index")).read()


@app.route("/export/other", methods=["POST"])
def export_compared_to_other():
    name = request.form["name"]
    other = request.form["other"]
    if name != secure_filename(other):
        abort(400)
    # Equal to another value's sanitised form: the comparison says nothing of `other`.
    # expect: py-path-traversal
    return open(os.path.join("/srv/exports", other)).read()
