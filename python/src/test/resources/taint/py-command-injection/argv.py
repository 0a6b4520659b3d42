"""Commands run from argument vectors."""
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/echo")
def echo():
    x = request.args.get("text", "")
    # expect: py-command-injection
    subprocess.run(["sh", "-c", f"echo {x}"])
    return "ok"


@app.route("/list")
def listing():
    name = request.args.get("name", "")
    # ok: py-command-injection
    subprocess.run(["ls", "-l", "--", name])
    return "ok"
