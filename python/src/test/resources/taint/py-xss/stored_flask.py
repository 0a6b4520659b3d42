"""A Flask-SQLAlchemy application that marks stored notes as markup."""
import sqlite3

from flask import Flask, jsonify, render_template, send_file
from markupsafe import Markup, escape

from notes.models import Note, db

app = Flask(__name__)


@app.template_filter("note_title")
def note_title(note_id):
    found = Note.query.get(note_id)
    # expect: py-xss
    return Markup("<h1>" + found.title + "</h1>")


@app.route("/note/<int:note_id>/summary")
def note_summary(note_id):
    found = Note.query.filter_by(id=note_id, public=True).first()
    # expect: py-xss
    return render_template("summary.html", summary=Markup("<b>%s</b>" % found.summary))


@app.route("/legacy/<int:note_id>")
def legacy_note(note_id):
    row = sqlite3.connect("notes.db").cursor().fetchone()
    # expect: py-xss
    return render_template("legacy.html", body=Markup("<pre>{}</pre>".format(row[0])))


@app.route("/note/<int:note_id>/escaped")
def note_escaped(note_id):
    found = Note.query.get_or_404(note_id)
    # ok: py-xss
    return render_template("note.html", title=Markup("<h1>%s</h1>" % escape(found.title)))


@app.route("/note/<int:note_id>.json")
def note_json(note_id):
    found = db.session.query(Note).filter_by(id=note_id).one()
    # ok: py-xss
    return jsonify(title=found.title)


@app.route("/note/<int:note_id>/attachment")
def note_attachment(note_id):
    found = Note.query.get_or_404(note_id)
    # ok: py-xss
    return send_file(found.attachment_path)


@app.route("/note/<int:note_id>/raw")
def note_raw(note_id):
    found = Note.query.get_or_404(note_id)
    # A route's return is not where the code declares markup: stored data counts where it is marked safe.
    # ok: py-xss
    return found.body
