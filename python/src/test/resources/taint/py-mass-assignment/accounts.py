"""Account models of the same service: Flask-SQLAlchemy, a declarative SQLAlchemy base, and one with its own constructor."""
from flask_sqlalchemy import SQLAlchemy
from marshmallow import Schema, fields
from sqlalchemy import Boolean, Column, Integer, String
from sqlalchemy.orm import declarative_base

db = SQLAlchemy()
Base = declarative_base()


class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))
    is_admin = db.Column(db.Boolean, default=False)


class AuditEntry(Base):
    __tablename__ = "audit"
    id = Column(Integer, primary_key=True)
    actor = Column(String(80))
    approved = Column(Boolean, default=False)


class Invitation(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))

    def __init__(self, email):
        # Its own constructor takes the e-mail only: any other key is a TypeError, not a field set.
        super().__init__()
        self.email = email


class AccountSchema(Schema):
    email = fields.Email(required=True)


def new_account(fields_given):
    # expect: py-mass-assignment
    return Account(**fields_given)
