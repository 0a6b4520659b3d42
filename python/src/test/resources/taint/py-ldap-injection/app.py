"""A Flask staff directory backed by LDAP."""
from flask import Flask, request
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

from directory import member_filter, find_group

app = Flask(__name__)
BASE_DN = "ou=people,dc=example,dc=com"


def connect():
    return Connection(Server("ldap://ldap.example.com"), auto_bind=True)


@app.route("/people")
def people():
    uid = request.args.get("uid", "")
    conn = Connection(Server("ldap://ldap.example.com"), auto_bind=True)
    # expect: py-ldap-injection
    conn.search(BASE_DN, "(uid=" + uid + ")")
    # ok: py-ldap-injection
    conn.search(BASE_DN, "(uid=" + escape_filter_chars(uid) + ")")
    return {"n": len(conn.entries)}


@app.route("/people/mail")
def people_mail():
    mail = request.args.get("mail", "")
    conn = Connection(Server("ldap://ldap.example.com"), auto_bind=True)
    # expect: py-ldap-injection
    conn.search(BASE_DN, f"(&(objectClass=person)(mail={mail}))")
    # expect: py-ldap-injection
    conn.search(BASE_DN, member_filter(request.args["group"]))
    return {"n": len(conn.entries)}


@app.route("/groups")
def groups():
    return {"groups": find_group(request.args["cn"])}


@app.route("/people/form", methods=["POST"])
def people_form():
    form = {"dept": request.form.get("dept"), "cls": "person"}
    conn = Connection(Server("ldap://ldap.example.com"), auto_bind=True)
    # expect: py-ldap-injection
    conn.search(BASE_DN, "(department=%s)" % form["dept"])
    # ok: py-ldap-injection
    conn.search(BASE_DN, "(objectClass=%s)" % form["cls"])
    clauses = ["(objectClass=person)", "(sn=" + request.form["sn"] + ")"]
    # expect: py-ldap-injection
    conn.search(BASE_DN, "(&" + "".join(clauses) + ")")
    return {"n": len(conn.entries)}


@app.route("/people/id")
def people_id():
    emp = request.args.get("id", "")
    conn = Connection(Server("ldap://ldap.example.com"), auto_bind=True)
    if emp.isdigit():
        # ok: py-ldap-injection
        conn.search(BASE_DN, "(employeeNumber=" + emp + ")")
    site = request.args.get("site", "")
    if site in ("berlin", "austin"):
        # ok: py-ldap-injection
        conn.search(BASE_DN, "(l=" + site + ")")
    if 7 * 3 > 100:
        # ok: py-ldap-injection
        conn.search(BASE_DN, "(cn=" + site + ")")
    site = "remote"
    # ok: py-ldap-injection
    conn.search(BASE_DN, "(l=" + site + ")")
    return {"n": len(conn.entries)}
