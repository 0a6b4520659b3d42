from flask import session


def chosen_role(form):
    return form.get("role", "viewer")


def remember(theme):
    # A preference in the user's own session: later code trusts nothing of it.
    # ok: py-trust-boundary
    session["theme"] = theme


def sign_in_as(name):
    # expect: py-trust-boundary
    session["user_id"] = name
