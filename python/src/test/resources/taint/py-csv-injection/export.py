"""CSV exports in a Flask app: request data in cells a spreadsheet evaluates."""
import csv
import io

from flask import Flask, request

app = Flask(__name__)
ORDERS = [{"id": 1, "total": 12.5}]


@app.route("/export", methods=["POST"])
def export():
    out = io.StringIO()
    writer = csv.writer(out)
    title = request.form["title"]
    # expect: py-csv-injection
    writer.writerow(["Report", title])
    for order in ORDERS:
        # ok: py-csv-injection
        writer.writerow([order["id"], order["total"]])
    return out.getvalue(), 200, {"Content-Type": "text/csv"}


@app.route("/export/people", methods=["POST"])
def export_people():
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["name", "age"])
    writer.writeheader()
    # expect: py-csv-injection
    writer.writerow({"name": request.form["name"], "age": 30})
    return out.getvalue()


@app.route("/export/count")
def export_count():
    out = io.StringIO()
    writer = csv.writer(out)
    count = int(request.args.get("count", "0"))
    # ok: py-csv-injection
    writer.writerow(["count", count])
    return out.getvalue()
