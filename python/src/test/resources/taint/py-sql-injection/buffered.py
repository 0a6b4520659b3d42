"""Queries assembled through a configuration object and a text buffer."""
import configparser
import io
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/report")
def report():
    config = configparser.ConfigParser()
    config.add_section("db")
    config.set("db", "keyA", "orders")
    config.set("db", "keyB", request.args.get("table", ""))
    conn = sqlite3.connect("app.db")
    # ok: py-sql-injection
    conn.execute("SELECT * FROM " + config.get("db", "keyA"))
    # expect: py-sql-injection
    conn.execute("SELECT * FROM " + config.get("db", "keyB"))
    return "ok"


@app.route("/search")
def search():
    name = request.args.get("name", "")
    buffer = io.StringIO()
    buffer.write("SELECT * FROM users WHERE name = '")
    buffer.write(name)
    buffer.write("'")
    conn = sqlite3.connect("app.db")
    # expect: py-sql-injection
    conn.execute(buffer.getvalue())
    return "ok"


@app.route("/search/all")
def search_all():
    request.args.get("name", "")
    buffer = io.StringIO()
    buffer.write("SELECT * FROM users ")
    buffer.write("ORDER BY name")
    conn = sqlite3.connect("app.db")
    # ok: py-sql-injection
    conn.execute(buffer.getvalue())
    return "ok"
