"""The guestbook's entries in SQLite."""
import sqlite3

GUESTBOOK_DB = "/var/lib/guestbook/entries.db"


def entries_by(author):
    conn = sqlite3.connect(GUESTBOOK_DB)
    # expect: py-sql-injection
    return conn.execute("SELECT message FROM entries WHERE author = '" + author + "'").fetchall()


def entries_by_safely(author):
    conn = sqlite3.connect(GUESTBOOK_DB)
    # ok: py-sql-injection
    return conn.execute("SELECT message FROM entries WHERE author = ?", (author,)).fetchall()


def signature(author):
    return "<footer>Signed: %s</footer>" % author
