"""A Falcon resource over SQLite: responders get the request, the response and the route's fields."""
import sqlite3

import falcon

DB = "/var/lib/library/books.db"


class BookResource:
    def on_get(self, req, resp, book_id):
        conn = sqlite3.connect(DB)
        # expect: py-sql-injection
        row = conn.execute("SELECT title FROM books WHERE id = '%s'" % book_id).fetchone()
        resp.media = {"title": row[0]}

    def on_get_collection(self, req, resp):
        author = req.get_param("author")
        conn = sqlite3.connect(DB)
        # expect: py-sql-injection
        rows = conn.execute(f"SELECT title FROM books WHERE author = '{author}'").fetchall()
        resp.media = [r[0] for r in rows]

    def on_post(self, req, resp):
        title = req.media.get("title")
        conn = sqlite3.connect(DB)
        # ok: py-sql-injection
        conn.execute("INSERT INTO books (title) VALUES (?)", (title,))
        resp.status = falcon.HTTP_201

    def count_by(self, column):
        conn = sqlite3.connect(DB)
        # ok: py-sql-injection
        return conn.execute("SELECT COUNT(*) FROM books WHERE %s IS NOT NULL" % column).fetchone()[0]


app = falcon.App()
app.add_route("/books/{book_id}", BookResource())
app.add_route("/books", BookResource(), suffix="collection")
