"""A small notes service: search, show, export and delete notes."""
import sqlite3
import subprocess

from flask import Flask, abort, request, send_file, session
from markupsafe import escape

app = Flask(__name__)
app.secret_key = "notes-dev-key"
DATABASE = "/var/lib/notes/notes.db"
EXPORT_DIR = "/var/lib/notes/exports"


def connect():
    return sqlite3.connect(DATABASE)


def current_user():
    return session.get("user_id")


def owns(db, note_id):
    row = db.execute("SELECT owner FROM notes WHERE id = ?", (note_id,)).fetchone()
    return row is not None and row[0] == current_user()


@app.route("/notes/search")
def search():
    term = request.args.get("q", "")
    db = connect()
    rows = db.execute("SELECT id, title FROM notes WHERE title LIKE '%" + term + "%'").fetchall()
    return {"notes": [{"id": r[0], "title": r[1]} for r in rows]}


@app.route("/notes/<int:note_id>")
def show(note_id):
    db = connect()
    if not owns(db, note_id):
        abort(403)
    row = db.execute("SELECT title, body FROM notes WHERE id = ?", (note_id,)).fetchone()
    return "<h1>" + escape(row[0]) + "</h1><p>" + escape(row[1]) + "</p>"


@app.route("/greet")
def greet():
    name = request.args.get("name", "stranger")
    return "<p>Hello " + name + "</p>"


@app.route("/notes/export")
def export():
    fmt = request.args.get("format", "csv")
    subprocess.run("notes-export --format " + fmt + " --out " + EXPORT_DIR, shell=True, check=True)
    return send_file(EXPORT_DIR + "/notes." + fmt)


@app.route("/notes/<int:note_id>", methods=["DELETE"])
def delete(note_id):
    db = connect()
    db.execute("DELETE FROM notes WHERE id = ?", (note_id,))
    db.commit()
    return "", 204


@app.route("/attachments/<name>")
def attachment(name):
    return send_file(EXPORT_DIR + "/" + name)
