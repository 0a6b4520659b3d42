"""A Flask job queue that accepts serialised jobs."""
import base64
import json
import pickle

import yaml
from flask import Flask, request

from codec import decode_token, load_job

app = Flask(__name__)


@app.route("/job", methods=["POST"])
def job():
    # expect: py-tainted-deserialization
    task = pickle.loads(request.get_data())
    return {"queued": str(task)}


@app.route("/job/json", methods=["POST"])
def job_json():
    # ok: py-tainted-deserialization
    task = json.loads(request.get_data())
    return {"queued": task["name"]}


@app.route("/job/yaml", methods=["POST"])
def job_yaml():
    body = request.get_data()
    # ok: py-tainted-deserialization
    safe = yaml.safe_load(body)
    # expect: py-tainted-deserialization
    unsafe = yaml.unsafe_load(body)
    return {"a": str(safe), "b": str(unsafe)}


@app.route("/resume")
def resume():
    state = decode_token(request.cookies.get("state", ""))
    # expect: py-tainted-deserialization
    obj = pickle.loads(state)
    return {"step": obj.step}


@app.route("/resume/helper")
def resume_helper():
    return {"job": str(load_job(request.args["blob"]))}


@app.route("/batch", methods=["POST"])
def batch():
    payload = request.get_json()
    # expect: py-tainted-deserialization
    first = pickle.loads(base64.b64decode(payload["jobs"][0]))
    return {"first": str(first)}


@app.route("/legacy", methods=["POST"])
def legacy():
    blob = request.get_data()
    if 7 * 3 > 100:
        # ok: py-tainted-deserialization
        pickle.loads(blob)
    blob = pickle.dumps({"job": "noop"})
    # ok: py-tainted-deserialization
    return {"job": pickle.loads(blob)["job"]}


@app.route("/jobs/copy", methods=["POST"])
def copy_job():
    settings = request.get_json()
    # A deep copy through pickle: the bytes are the program's own pickling of a dict.
    # ok: py-tainted-deserialization
    duplicate = pickle.loads(pickle.dumps(settings))
    return {"copied": len(duplicate)}
