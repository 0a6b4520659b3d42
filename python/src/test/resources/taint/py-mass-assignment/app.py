"""A profile API: the client sends the fields to change."""
from flask import Flask, request

from store import User, load_user

app = Flask(__name__)

EDITABLE = frozenset({"display_name", "email", "timezone"})


@app.route("/users/<int:user_id>", methods=["PATCH"])
def update_user(user_id):
    user = load_user(user_id)
    for name, value in request.get_json().items():
        # expect: py-mass-assignment
        setattr(user, name, value)
    user.save()
    return {"id": user.id}


@app.route("/users/<int:user_id>/safe", methods=["PATCH"])
def update_user_allow_listed(user_id):
    user = load_user(user_id)
    body = request.get_json()
    for name in EDITABLE:
        if name in body:
            # ok: py-mass-assignment
            setattr(user, name, body[name])
    user.save()
    return {"id": user.id}


@app.route("/users/<int:user_id>/checked", methods=["PATCH"])
def update_user_checked(user_id):
    user = load_user(user_id)
    for name, value in request.get_json().items():
        if name not in EDITABLE:
            return {"error": "field %s cannot be changed" % name}, 400
        # ok: py-mass-assignment
        setattr(user, name, value)
    user.save()
    return {"id": user.id}


@app.route("/users", methods=["POST"])
def create_user():
    user = User()
    for name, value in request.get_json().items():
        apply_field(user, name, value)
    user.save()
    return {"id": user.id}


def apply_field(user, name, value):
    # expect: py-mass-assignment
    setattr(user, name.lower(), value)

PROFILES = {}


@app.route("/profiles/<int:profile_id>", methods=["PUT"])
def replace_profile(profile_id):
    profile = PROFILES[profile_id]
    # expect: py-mass-assignment
    profile.__dict__.update(request.get_json())
    return "", 204


@app.route("/profiles/<int:profile_id>/bio", methods=["PUT"])
def replace_bio(profile_id):
    profile = PROFILES[profile_id]
    # ok: py-mass-assignment
    vars(profile).update({"bio": request.get_json().get("bio", "")})
    return "", 204
