"""A Flask app that issues session tokens."""
import random
import secrets
import string

from flask import Flask, make_response, session

from tokens import issue_csrf, make_token_hex

app = Flask(__name__)
app.secret_key = secrets.token_bytes(32)


@app.route("/start")
def start():
    # expect: py-weak-random-secret
    session["token"] = random.getrandbits(64)
    # ok: py-weak-random-secret
    session["nonce"] = secrets.token_hex(16)
    return "ok"


@app.route("/remember")
def remember():
    resp = make_response("ok")
    # expect: py-weak-random-secret
    resp.set_cookie("remember3", make_token_hex())
    # ok: py-weak-random-secret
    resp.set_cookie("remember2", secrets.token_urlsafe(24))
    return resp


@app.route("/csrf")
def csrf():
    issue_csrf()
    return "ok"


@app.route("/pin")
def pin():
    code = {"pin": "%06d" % random.randrange(1000000), "label": "sms"}
    # expect: py-weak-random-secret
    session["pin"] = code["pin"]
    # ok: py-weak-random-secret
    session["channel"] = code["label"]
    # expect: py-weak-random-secret
    session["otp"] = f"otp-{random.random()}"
    token = random.choice(string.ascii_letters)
    if 7 * 3 > 100:
        # ok: py-weak-random-secret
        session["debug"] = token
    token = "anonymous"
    # ok: py-weak-random-secret
    session["who"] = token
    return "ok"
