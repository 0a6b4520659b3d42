"""A Flask service whose list endpoints take their page size and offset from the request: some bounded, some not."""
from flask import Flask, abort, jsonify, request
from flask_sqlalchemy import SQLAlchemy

from pagination import limit_and_marker, MAX_LIMIT

app = Flask(__name__)
db = SQLAlchemy(app)


class Server(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))


@app.route("/servers")
def list_servers():
    limit = int(request.args.get("limit", "20"))
    # expect: py-unbounded-limit
    servers = db.session.query(Server).order_by(Server.id).limit(limit).all()
    return jsonify([s.name for s in servers])


@app.route("/servers/skip")
def list_servers_skip():
    offset = int(request.args.get("offset", "0"))
    # The rows skipped are bounded by the table, and none of them is held or sent.
    # ok: py-unbounded-limit
    servers = db.session.query(Server).order_by(Server.id).offset(offset).limit(20).all()
    return jsonify([s.name for s in servers])


@app.route("/servers/clamped")
def list_servers_clamped():
    limit = min(int(request.args.get("limit", "20")), MAX_LIMIT)
    # ok: py-unbounded-limit
    servers = db.session.query(Server).limit(limit).all()
    return jsonify([s.name for s in servers])


@app.route("/servers/checked")
def list_servers_checked():
    limit = int(request.args.get("limit", "20"))
    if limit > MAX_LIMIT:
        abort(400)
    # ok: py-unbounded-limit
    servers = db.session.query(Server).limit(limit).all()
    return jsonify([s.name for s in servers])


@app.route("/servers/paged")
def list_servers_paged():
    limit, marker = limit_and_marker(request.args)
    # ok: py-unbounded-limit
    servers = db.session.query(Server).filter(Server.id > marker).limit(limit).all()
    return jsonify([s.name for s in servers])


@app.route("/servers/page")
def list_servers_page():
    per_page = request.args.get("per_page", 20, type=int)
    # expect: py-unbounded-limit
    page = Server.query.paginate(page=request.args.get("page", 1, type=int), per_page=per_page)
    return jsonify([s.name for s in page.items])


@app.route("/servers/page-capped")
def list_servers_page_capped():
    per_page = request.args.get("per_page", 20, type=int)
    # ok: py-unbounded-limit
    page = Server.query.paginate(page=1, per_page=per_page, max_per_page=MAX_LIMIT)
    return jsonify([s.name for s in page.items])


@app.route("/servers/fixed")
def list_servers_fixed():
    # ok: py-unbounded-limit
    servers = db.session.query(Server).limit(MAX_LIMIT).all()
    return jsonify([s.name for s in servers])


@app.route("/servers/range-checked")
def list_servers_range_checked():
    per_page = request.args.get("per_page", 20, type=int)
    if per_page > MAX_LIMIT or per_page < 1:
        abort(400)
    # ok: py-unbounded-limit
    page = Server.query.paginate(page=1, per_page=per_page)
    return jsonify([s.name for s in page.items])


def paginate(items, page, page_size):
    """The service's own helper: its second argument is a page number, not a page size."""
    page_size = min(page_size, MAX_LIMIT)
    return items[(page - 1) * page_size:page * page_size]


@app.route("/names")
def list_names():
    names = [s.name for s in db.session.query(Server).limit(MAX_LIMIT)]
    # ok: py-unbounded-limit
    return jsonify(paginate(names, request.args.get("page", 1, type=int), request.args.get("size", 20, type=int)))
