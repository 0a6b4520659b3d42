import sqlite3


def find_user_sql(email):
    return "SELECT * FROM auth_user WHERE email = '{}'".format(email)


def run_report(table):
    conn = sqlite3.connect("/var/lib/reports.db")
    # expect: py-sql-injection
    conn.execute("SELECT count(*) FROM " + table)
    # ok: py-sql-injection
    conn.execute("SELECT count(*) FROM reports WHERE name = ?", (table,))
