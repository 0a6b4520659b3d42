"""Evaluates string literals typed by the user."""
from flask import Flask, request

app = Flask(__name__)


@app.route("/literal")
def literal():
    s = request.args.get("value", "")
    if not s.startswith("'") or not s.endswith("'") or "'" in s[1:-1]:
        return "bad"
    # ok: py-code-injection
    value = eval(s)
    return str(len(value))


@app.route("/literal/ends")
def literal_ends():
    s = request.args.get("value", "")
    if not s.startswith("'") or not s.endswith("'"):
        return "bad"
    # expect: py-code-injection
    value = eval(s)
    return str(len(value))
