"""Report storage for the Falcon API: rows in SQLite, rendered files on disk."""
import os
import sqlite3

REPORTS_DB = "/var/lib/reports/reports.db"
REPORTS_DIR = "/var/lib/reports/files"


def reports_since(day):
    conn = sqlite3.connect(REPORTS_DB)
    # expect: py-sql-injection
    return conn.execute("SELECT id, name FROM reports WHERE day >= '%s'" % day).fetchall()


def reports_since_safely(day):
    conn = sqlite3.connect(REPORTS_DB)
    # ok: py-sql-injection
    return conn.execute("SELECT id, name FROM reports WHERE day >= ?", (day,)).fetchall()


def report_file(name):
    # expect: py-path-traversal
    return open(os.path.join(REPORTS_DIR, name), "rb")


def report_file_by_id(report_id):
    # ok: py-path-traversal
    return open(os.path.join(REPORTS_DIR, "%d.pdf" % report_id), "rb")
