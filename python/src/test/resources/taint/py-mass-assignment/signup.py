"""Sign-up and audit endpoints that build rows from the request body."""
from flask import Blueprint, request

from accounts import Account, AccountSchema, AuditEntry, Invitation, db, new_account

bp = Blueprint("signup", __name__)


@bp.route("/accounts", methods=["POST"])
def sign_up():
    # the helper unpacks the whole body into the model: `"is_admin": true` makes an administrator
    account = new_account(request.get_json())
    db.session.add(account)
    db.session.commit()
    return {"id": account.id}, 201


@bp.route("/accounts/by-field", methods=["POST"])
def sign_up_field_by_field():
    body = request.get_json()
    # ok: py-mass-assignment
    account = Account(email=body["email"])
    db.session.add(account)
    db.session.commit()
    return {"id": account.id}, 201


@bp.route("/accounts/literal", methods=["POST"])
def sign_up_literal_mapping():
    body = request.get_json()
    # ok: py-mass-assignment
    account = Account(**{"email": body.get("email")})
    db.session.add(account)
    return {"id": account.id}, 201


@bp.route("/accounts/validated", methods=["POST"])
def sign_up_validated():
    # the schema loads only the fields it declares
    data = AccountSchema().load(request.get_json())
    # ok: py-mass-assignment
    account = Account(**data)
    db.session.add(account)
    return {"id": account.id}, 201


@bp.route("/invitations", methods=["POST"])
def invite():
    # ok: py-mass-assignment
    invitation = Invitation(**request.get_json())
    db.session.add(invitation)
    return {"id": invitation.id}, 201


@bp.route("/audit", methods=["POST"])
def record():
    entry = request.form.to_dict()
    # expect: py-mass-assignment
    db.session.add(AuditEntry(**entry))
    return "", 204


@bp.route("/accounts/<int:account_id>", methods=["PATCH"])
def update_account(account_id):
    # expect: py-mass-assignment
    Account.query.filter_by(id=account_id).update(request.get_json())
    db.session.commit()
    return "", 204


@bp.route("/accounts/<int:account_id>/email", methods=["PATCH"])
def update_email(account_id):
    # ok: py-mass-assignment
    Account.query.filter_by(id=account_id).update({"email": request.get_json()["email"]})
    return "", 204
