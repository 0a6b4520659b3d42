"""The database model of the login flow's application."""
from sqlalchemy.orm import Session


class Book:
    id = None
    link = None

    @classmethod
    def query_db(cls):
        return Session().query(cls)
