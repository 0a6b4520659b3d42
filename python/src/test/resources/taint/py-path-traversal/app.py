"""A Flask file-sharing service."""
import os

from flask import Flask, request, send_file, send_from_directory
from sqlalchemy.orm import Session
from werkzeug.utils import secure_filename

from storage import archive, upload_path, delete_upload

app = Flask(__name__)
BASE = "/srv/uploads"


@app.route("/download")
def download():
    name = request.args.get("name", "")
    # expect: py-path-traversal
    with open(os.path.join(BASE, name), "rb") as fh:
        return fh.read()


@app.route("/download/safe")
def download_safe():
    name = os.path.basename(request.args.get("name", ""))
    # ok: py-path-traversal
    with open(os.path.join(BASE, name), "rb") as fh:
        return fh.read()


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["file"]
    # expect: py-path-traversal
    f.save(open(BASE + "/" + f.filename, "wb"))
    # ok: py-path-traversal
    target = open(os.path.join(BASE, secure_filename(f.filename)), "wb")
    target.close()
    return "ok"


@app.route("/avatar/<user>")
def avatar(user):
    # expect: py-path-traversal
    return send_file(f"/srv/avatars/{user}.png")


@app.route("/report")
def report():
    path = upload_path(request.args["report"])
    # expect: py-path-traversal
    os.remove(path)
    return "removed"


@app.route("/report/delete")
def report_delete():
    delete_upload(request.args["report"])
    return "removed"


@app.route("/bulk", methods=["POST"])
def bulk():
    names = request.get_json()
    # expect: py-path-traversal
    os.unlink(os.path.join(BASE, names["first"]))
    parts = [BASE, "archive", request.form["year"]]
    # expect: py-path-traversal
    os.makedirs("/".join(parts))
    return "ok"


@app.route("/day")
def day():
    day = request.args.get("day", "")
    if day.isdigit():
        # ok: py-path-traversal
        return open("/srv/logs/day-%s.log" % day).read()
    if day in ("mon", "tue", "wed"):
        # ok: py-path-traversal
        return open("/srv/logs/" + day + ".log").read()
    return "bad"


@app.route("/legacy")
def legacy():
    name = request.args.get("name", "")
    if 7 * 3 > 100:
        # ok: py-path-traversal
        os.remove(name)
    name = "/srv/uploads/tmp.bin"
    # ok: py-path-traversal
    os.remove(name)
    return "ok"


@app.route("/static/<name>")
def static_asset(name):
    # ok: py-path-traversal
    return send_from_directory("/srv/static", name)


@app.route("/themes/<theme>/<name>")
def theme_asset(theme, name):
    # expect: py-path-traversal
    return send_from_directory(os.path.join("/srv/themes", theme), name)


@app.route("/notes/<int:note_id>")
def note(note_id):
    note_row = Note.query_db().filter(Note.id == note_id).one()
    # ok: py-path-traversal
    with open(os.path.join(BASE, note_row.file_name), "rb") as fh:
        return fh.read()


class Note:
    id = None
    file_name = None

    @classmethod
    def query_db(cls):
        return Session().query(cls)


@app.route("/archive/delete", methods=["POST"])
def archive_delete():
    archive.remove(request.form["report"])
    archive.remove_safe(request.form["report"])
    return "deleted"


@app.route("/watches/<uuid>/latest")
def latest_snapshot(uuid):
    # The id chooses a stored watch; its folder is the one the application created for it.
    watch = app.config["WATCHES"].get(uuid)
    # ok: py-path-traversal
    with open(os.path.join(watch.data_dir, "latest.html"), "rb") as fh:
        return fh.read()
