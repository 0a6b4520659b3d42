from flask import session


def chosen_role(form):
    return form.get("role", "viewer")


def remember(theme):
    # expect: py-trust-boundary
    session["theme"] = theme
