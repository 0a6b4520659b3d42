"""A Flask service that writes request data into line-oriented text: files, mail and raw protocol messages."""
import re
import shlex
import smtplib
import socket
from email.message import EmailMessage

from flask import Flask, abort, request

from accounts import authorized_key_line, htpasswd_line

app = Flask(__name__)

MAIL_HOST = "localhost"
SAFE_NAME = re.compile(r"[A-Za-z0-9_.-]+")


@app.route("/profile", methods=["POST"])
def save_profile():
    name = request.form["name"]
    with open("/etc/service/profile.ini", "w") as f:
        # expect: py-crlf-injection
        f.write("[profile]\nname = %s\nrole = member\n" % name)
    return "saved"


@app.route("/profile-checked", methods=["POST"])
def save_profile_checked():
    name = request.form["name"]
    if "\n" in name or "\r" in name:
        abort(400)
    with open("/etc/service/profile.ini", "w") as f:
        # ok: py-crlf-injection
        f.write("[profile]\nname = %s\n" % name)
    return "saved"


@app.route("/profile-stripped", methods=["POST"])
def save_profile_stripped():
    name = request.form["name"].replace("\r", "").replace("\n", "")
    with open("/etc/service/profile.ini", "w") as f:
        # ok: py-crlf-injection
        f.write("[profile]\nname = %s\n" % name)
    return "saved"


@app.route("/profile-validated", methods=["POST"])
def save_profile_validated():
    name = request.form["name"]
    if not SAFE_NAME.fullmatch(name):
        abort(400)
    with open("/etc/service/profile.ini", "w") as f:
        # ok: py-crlf-injection
        f.write("[profile]\nname = %s\n" % name)
    return "saved"


@app.route("/profile-matched", methods=["POST"])
def save_profile_matched():
    name = request.form["name"]
    # `$` matches before a final line feed: "admin\n" passes this test.
    if not re.match(r"^[A-Za-z0-9_.-]+$", name):
        abort(400)
    with open("/etc/service/profile.ini", "w") as f:
        # expect: py-crlf-injection
        f.write("[profile]\nname = %s\n" % name)
    return "saved"


@app.route("/profile-quoted", methods=["POST"])
def save_profile_quoted():
    # shlex.quote protects a shell word, not a line: a quoted value still holds its line feed.
    name = shlex.quote(request.form["name"])
    with open("/etc/service/profile.ini", "w") as f:
        # expect: py-crlf-injection
        f.write("[profile]\nname = %s\n" % name)
    return "saved"


@app.route("/note", methods=["POST"])
def save_note():
    # A note written whole is the client's own text; nothing around it gives its lines a meaning.
    with open("/srv/notes/latest.txt", "w") as f:
        # ok: py-crlf-injection
        f.write(request.form["note"])
    return "saved"


@app.route("/keys", methods=["POST"])
def add_key():
    line = authorized_key_line(request.form["key"], request.form["comment"])
    with open("/home/deploy/.ssh/authorized_keys", "a") as f:
        # expect: py-crlf-injection
        f.write(line)
    return "added"


@app.route("/users", methods=["POST"])
def add_user():
    lines = [htpasswd_line(request.form["user"], request.form["hash"])]
    with open("/etc/service/.htpasswd", "a") as f:
        # expect: py-crlf-injection
        f.writelines(lines)
    return "added"


@app.route("/contact", methods=["POST"])
def contact():
    subject = request.form["subject"]
    message = "From: web@example.com\r\nTo: support@example.com\r\nSubject: %s\r\n\r\n%s" % (
        subject, request.form["body"])
    with smtplib.SMTP(MAIL_HOST) as server:
        # expect: py-crlf-injection
        server.sendmail("web@example.com", ["support@example.com"], message)
    return "sent"


@app.route("/contact-message", methods=["POST"])
def contact_message():
    message = EmailMessage()
    message["From"] = "web@example.com"
    message["To"] = "support@example.com"
    message["Subject"] = request.form["subject"]
    message.set_content(request.form["body"])
    with smtplib.SMTP(MAIL_HOST) as server:
        # ok: py-crlf-injection
        server.sendmail("web@example.com", ["support@example.com"], message.as_string())
    return "sent"


@app.route("/probe")
def probe():
    path = request.args.get("path", "/")
    sock = socket.create_connection(("backend.internal", 80))
    # expect: py-crlf-injection
    sock.sendall(("GET %s HTTP/1.1\r\nHost: backend.internal\r\n\r\n" % path).encode())
    return sock.recv(1024)
