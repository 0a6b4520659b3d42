"""The message board's storage."""
import sqlite3

BOARD_DB = "/var/lib/board/board.db"


def posts_matching(term):
    conn = sqlite3.connect(BOARD_DB)
    # expect: py-sql-injection
    return conn.execute("SELECT author, body FROM posts WHERE body LIKE '%%%s%%'" % term).fetchall()


def posts_in(thread_id):
    conn = sqlite3.connect(BOARD_DB)
    # ok: py-sql-injection
    return conn.execute("SELECT author, body FROM posts WHERE thread = ?", (thread_id,)).fetchall()
