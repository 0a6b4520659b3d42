"""The notes service's storage: one query built as text, its twin with placeholders."""
import sqlite3

DATABASE = "/var/lib/notes/notes.db"


def get_db():
    return sqlite3.connect(DATABASE)


def notes_tagged(db, tag):
    # expect: py-sql-injection
    return db.execute("SELECT id, body FROM notes WHERE tag = '%s'" % tag).fetchall()


def notes_tagged_safely(db, tag):
    # ok: py-sql-injection
    return db.execute("SELECT id, body FROM notes WHERE tag = ?", (tag,)).fetchall()


def note_count(db):
    # ok: py-sql-injection
    return db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
