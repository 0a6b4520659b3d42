"""HTTP API of the inventory service."""
import sqlite3
import subprocess

from flask import Flask, jsonify, request

from inventory import db

app = Flask(__name__)


@app.route("/hosts/<zone>")
def list_hosts(zone):
    return jsonify(db.hosts_in_zone(zone))


@app.route("/hosts/check")
def check_host():
    address = request.args.get("address", "")
    output = subprocess.check_output("ping -c 1 -W 2 " + address, shell=True)
    return jsonify({"reachable": b"1 received" in output})


@app.route("/hosts/search")
def search_hosts():
    name = request.args.get("name", "")
    connection = sqlite3.connect("/var/lib/inventory/inventory.db")
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT name, address FROM hosts WHERE name LIKE '%%%s%%'" % name)
        return jsonify(cursor.fetchall())
    finally:
        connection.close()


@app.route("/version")
def version():
    return jsonify({"version": subprocess.check_output(["git", "describe", "--tags"]).decode()})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8775, debug=True)
