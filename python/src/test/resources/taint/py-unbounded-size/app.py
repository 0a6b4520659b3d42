"""A Flask service whose endpoints take counts and delays from the request: some bounded, some not."""
import asyncio
import os
import time

from aiohttp import web
from flask import Flask, abort, jsonify, request

from limits import clamp, MAX_ITEMS

app = Flask(__name__)

MAX_DELAY = 5


@app.route("/retry")
def retry():
    delay = float(request.args.get("delay", "1"))
    # expect: py-unbounded-size
    time.sleep(delay)
    return "ok"


@app.route("/retry-bounded")
def retry_bounded():
    delay = float(request.args.get("delay", "1"))
    if delay > MAX_DELAY:
        abort(400)
    # ok: py-unbounded-size
    time.sleep(delay)
    return "ok"


@app.route("/retry-clamped")
def retry_clamped():
    # ok: py-unbounded-size
    time.sleep(min(float(request.args.get("delay", "1")), MAX_DELAY))
    return "ok"


@app.route("/items")
def items():
    count = int(request.args.get("count", "10"))
    result = []
    # expect: py-unbounded-size
    for i in range(count):
        result.append({"n": i})
    return jsonify(result)


@app.route("/items-bounded")
def items_bounded():
    count = int(request.args.get("count", "10"))
    if 0 < count <= MAX_ITEMS:
        # ok: py-unbounded-size
        return jsonify([{"n": i} for i in range(count)])
    abort(400)


@app.route("/items-checked-elsewhere")
def items_checked_elsewhere():
    count = clamp(int(request.args.get("count", "10")))
    # ok: py-unbounded-size
    return jsonify([{"n": i} for i in range(count)])


@app.route("/token/<int:size>")
def token(size):
    # expect: py-unbounded-size
    return os.urandom(size).hex()


@app.route("/echo")
def echo():
    body = request.get_data()
    # ok: py-unbounded-size
    return jsonify([body[i] for i in range(len(body))])


@app.route("/page")
def page():
    offset = int(request.args.get("offset", "0"))
    # ok: py-unbounded-size
    return jsonify(list(range(offset, offset + 10)))


routes = web.RouteTableDef()


@routes.get("/poll")
async def poll(request: web.Request):
    interval = int(request.query["interval"])
    # expect: py-unbounded-size
    await asyncio.sleep(interval)
    return web.json_response({"done": True})
