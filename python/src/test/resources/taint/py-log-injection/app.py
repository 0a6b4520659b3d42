"""A Flask login endpoint that logs attempts."""
import logging

from flask import Flask, request

from audit import audit_line, record

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form.get("user", "")
    # expect: py-log-injection
    logging.warning("failed login for " + user)
    # ok: py-log-injection
    logging.warning("failed login for %r", user)
    return "no"


@app.route("/login/<realm>", methods=["POST"])
def login_realm(realm):
    # expect: py-log-injection
    logging.info(f"login attempt in realm {realm}")
    # expect: py-log-injection
    logging.info(audit_line(request.form["user"]))
    return "no"


@app.route("/logout")
def logout():
    record(request.args["user"])
    return "bye"


@app.route("/event", methods=["POST"])
def event():
    body = request.get_json()
    # expect: py-log-injection
    logging.error("event %s from %s" % (body["type"], body["source"]))
    fields = ["event", request.args.get("id", "")]
    # expect: py-log-injection
    logging.error(" ".join(fields))
    meta = {"kind": "event", "id": request.args.get("id")}
    # ok: py-log-injection
    logging.error("got " + meta["kind"])
    code = request.args.get("code", "")
    if code.isdigit():
        # ok: py-log-injection
        logging.error("status " + code)
    if code in ("ok", "retry"):
        # ok: py-log-injection
        logging.error("status " + code)
    if 7 * 3 > 100:
        # ok: py-log-injection
        logging.error(code)
    code = "done"
    # ok: py-log-injection
    logging.error("status " + code)
    return "ok"


@app.route("/legacy", methods=["POST"])
def legacy_call():
    # The peer's address is an IP address the server's socket saw.
    # ok: py-log-injection
    logging.getLogger(__name__).warning("deprecated call from %s", request.remote_addr)
    return "gone", 410
