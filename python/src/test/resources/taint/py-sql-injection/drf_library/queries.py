"""Raw queries the library API runs beside the ORM."""
from django.db import connection

from drf_library.models import Book

SORTABLE = ("title", "author", "published")


def books_sorted(order):
    # expect: py-sql-injection
    return Book.objects.raw("SELECT * FROM library_book ORDER BY %s" % order)


def books_sorted_safely(order):
    if order not in SORTABLE:
        order = "title"
    # ok: py-sql-injection
    return Book.objects.raw("SELECT * FROM library_book ORDER BY %s" % order)


def count_by_author(author):
    with connection.cursor() as cursor:
        # expect: py-sql-injection
        cursor.execute("SELECT COUNT(*) FROM library_book WHERE author = '%s'" % author)
        return cursor.fetchone()[0]


def count_by_author_safely(author):
    with connection.cursor() as cursor:
        # ok: py-sql-injection
        cursor.execute("SELECT COUNT(*) FROM library_book WHERE author = %s", [author])
        return cursor.fetchone()[0]
