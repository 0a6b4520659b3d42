"""A Flask shop that keeps preferences in the session."""
from flask import Flask, request, session

from prefs import chosen_role, remember, sign_in_as

app = Flask(__name__)
FILTER_KEYS = [f"filter_{n}" for n in range(3)]
app.secret_key = "dev-only-not-used-in-production-1c9f"


@app.route("/role", methods=["POST"])
def set_role():
    # expect: py-trust-boundary
    session["role"] = request.form["role"]
    return "ok"


@app.route("/role/checked", methods=["POST"])
def set_role_checked():
    role = request.form.get("role", "")
    if role in ("viewer", "editor"):
        # ok: py-trust-boundary
        session["role"] = role
    return "ok"


@app.route("/cart/<item>", methods=["POST"])
def add_to_cart(item):
    # ok: py-trust-boundary
    session["last_item"] = f"sku-{item}"
    qty = request.form.get("qty", "1")
    if qty.isdigit():
        # ok: py-trust-boundary
        session["qty"] = qty
    # ok: py-trust-boundary
    session["count"] = int(request.form.get("count", "0"))
    return "ok"


@app.route("/promote", methods=["POST"])
def promote():
    # expect: py-trust-boundary
    session["role"] = chosen_role(request.form)
    return "ok"


@app.route("/theme", methods=["POST"])
def theme():
    remember(request.form["theme"])
    return "ok"


@app.route("/impersonate", methods=["POST"])
def impersonate():
    sign_in_as(request.form["name"])
    return "ok"


@app.route("/flag", methods=["POST"])
def flag():
    name = request.form["flag"]
    # expect: py-trust-boundary
    session[name] = "on"
    # ok: py-trust-boundary
    session[FILTER_KEYS[0]] = request.form.get("value", "")
    return "ok"


@app.route("/profile", methods=["POST"])
def profile():
    data = request.get_json()
    # expect: py-trust-boundary
    session["username"] = data["first"] + " " + data["last"]
    defaults = {"lang": "en", "tz": request.args.get("tz")}
    # ok: py-trust-boundary
    session["lang"] = defaults["lang"]
    user = request.form.get("user", "")
    if 7 * 3 > 100:
        # ok: py-trust-boundary
        session["user"] = user
    user = "guest"
    # ok: py-trust-boundary
    session["user"] = user
    return "ok"


def filter_info(form, name):
    if name not in form:
        return None
    return {"key": name + "_filter", "value": form.get(name), "user": form.get("user")}


@app.route("/filter", methods=["POST"])
def remember_filter():
    info = filter_info(request.form, FILTER_KEYS[1])
    if info is None:
        return "no filter"
    # A key built from the server's own names: the request chose only the value, under a preference key.
    # ok: py-trust-boundary
    session[info["key"]] = info["value"]
    # The same dict also carries the request's user name.
    # expect: py-trust-boundary
    session["user"] = info["user"]
    return "ok"
