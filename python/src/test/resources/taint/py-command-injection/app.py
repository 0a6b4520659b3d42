"""A small Flask admin console that runs diagnostics on the host."""
import os
import shlex
import subprocess

from flask import Flask, request

from tools import build_ping, run_in_shell, archive_command

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "")
    # expect: py-command-injection
    os.system("ping -c 1 " + host)
    return "sent"


@app.route("/ping/quoted")
def ping_quoted():
    host = request.args.get("host", "")
    # ok: py-command-injection
    os.system("ping -c 1 " + shlex.quote(host))
    return "sent"


@app.route("/trace/<target>")
def trace(target):
    # expect: py-command-injection
    subprocess.check_output(f"traceroute -m 5 {target}", shell=True)
    return "done"


@app.route("/trace-list/<target>")
def trace_list(target):
    # ok: py-command-injection
    subprocess.check_output(["traceroute", "-m", "5", target])
    return "done"


@app.route("/ping/helper")
def ping_helper():
    command = build_ping(request.form["host"])
    # expect: py-command-injection
    subprocess.run(command, shell=True)
    return "sent"


@app.route("/disk")
def disk():
    # helper in the sibling module holds the sink
    run_in_shell("du -sh %s" % request.args["dir"])
    return "ok"


@app.route("/archive")
def archive():
    options = {"name": request.args.get("name"), "level": "9"}
    # expect: py-command-injection
    os.popen("tar czf /backups/%s.tgz /srv/data" % options["name"])
    # ok: py-command-injection
    os.popen("gzip -" + options["level"] + " /srv/data/log")
    return "ok"


@app.route("/archive/parts")
def archive_parts():
    parts = ["tar", "czf", request.args["out"]]
    # expect: py-command-injection
    os.system(" ".join(parts))
    return "ok"


@app.route("/archive/helper")
def archive_helper():
    # expect: py-command-injection
    os.system(archive_command(request.args["name"]))
    return "ok"


@app.route("/tool")
def tool():
    name = request.args.get("tool", "")
    allowed = {"uptime", "df", "free"}
    if name in allowed:
        # ok: py-command-injection
        os.system(name)
    return "ok"


@app.route("/kill")
def kill():
    pid = request.args.get("pid", "")
    if pid.isdigit():
        # ok: py-command-injection
        os.system("kill -TERM " + pid)
    return "ok"


@app.route("/nice")
def nice():
    level = int(request.args.get("level", "0"))
    # ok: py-command-injection
    os.system("renice %d -p 1" % level)
    return "ok"


@app.route("/legacy")
def legacy():
    cmd = request.args.get("cmd", "")
    if 7 * 3 > 100:
        # ok: py-command-injection
        os.system(cmd)
    return "ok"


@app.route("/legacy/override")
def legacy_override():
    cmd = request.args.get("cmd", "")
    cmd = "uptime"
    # ok: py-command-injection
    os.system(cmd)
    return "ok"



@app.route("/service")
def service():
    name = request.args.get("service", "")
    if name in ("nginx", "postgresql"):
        # ok: py-command-injection
        os.system("systemctl status " + name)
    return "ok"
