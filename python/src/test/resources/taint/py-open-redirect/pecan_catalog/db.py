"""The catalog's database helpers."""
import sqlalchemy

ENGINE = sqlalchemy.create_engine("postgresql:///catalog")


def items_in(category):
    with ENGINE.connect() as conn:
        # expect: py-sql-injection
        return conn.execute(sqlalchemy.text("SELECT id, name FROM items WHERE category = '%s'" % category)).fetchall()


def items_in_safely(category):
    with ENGINE.connect() as conn:
        # ok: py-sql-injection
        return conn.execute(sqlalchemy.text("SELECT id, name FROM items WHERE category = :c"), {"c": category}).fetchall()
