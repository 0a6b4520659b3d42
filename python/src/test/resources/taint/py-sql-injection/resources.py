"""Flask-RESTful resources and a Django class-based view over a SQL database."""
import sqlite3

from django.http import HttpResponse
from django.views import View
from flask_restful import Resource


class Book(Resource):

    def get(self, title):
        db = sqlite3.connect("books.db")
        # expect: py-sql-injection
        rows = db.execute("SELECT * FROM books WHERE title = '%s'" % title).fetchall()
        return {"books": rows}

    def delete(self, title):
        db = sqlite3.connect("books.db")
        # ok: py-sql-injection
        db.execute("DELETE FROM books WHERE title = ?", (title,))
        return {}

    def count(self, shelf):
        """Not an HTTP method: called by the application's own code."""
        db = sqlite3.connect("books.db")
        # ok: py-sql-injection
        return db.execute("SELECT count(*) FROM books WHERE shelf = '%s'" % shelf).fetchone()


class Shelf(View):

    def get(self, request, shelf_id):
        order = request.GET.get("order", "title")
        db = sqlite3.connect("books.db")
        # expect: py-sql-injection
        rows = db.execute("SELECT title FROM books WHERE shelf = ? ORDER BY " + order, (shelf_id,)).fetchall()
        return HttpResponse(str(len(rows)))
