#!/usr/bin/env python3
"""Load figure for `secreview serve`: starts the built jar's server on a free loopback port, sends REQUESTS reviews
from CLIENTS concurrent clients (each a small Flask view with a command injection at a line of its own), checks that
every answer is the review of its own request, and prints the latency percentiles. Run after
`mvn -q -DskipTests package`. Usage: bench/serve-load.py [CLIENTS] [REQUESTS]"""
import concurrent.futures
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
VIEW = '''import subprocess
from flask import Flask, request
app = Flask(__name__)

@app.route("/ping")
def ping():
    host = request.args.get("host", "")
    subprocess.check_output("ping -c 1 " + host, shell=True)
    return "ok"
'''
FINDING_LINE = 8


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/api/openapi.json", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit("the server did not start")


def review(base, i):
    """One request; returns its latency in seconds after checking the answer."""
    body = json.dumps({"files": [{"path": f"client{i}.py", "code": "\n" * (i % 50) + VIEW}]}).encode()
    request = urllib.request.Request(base + "/api/review", data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        answer = json.load(response)
    elapsed = time.perf_counter() - started
    finding = answer["files"][0]["findings"][0]
    place = (finding["ruleId"], finding["location"]["path"], finding["location"]["startLine"])
    expected = ("py-command-injection", f"client{i}.py", FINDING_LINE + i % 50)
    if place != expected:
        raise AssertionError(f"request {i}: {place} instead of {expected}")
    return elapsed


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main():
    clients = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([os.path.join(HERE, "..", "bin", "secreview"), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL)
    try:
        wait_until_up(base)
        review(base, 0)  # one warm-up request, not counted
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(clients) as pool:
            latencies = list(pool.map(lambda i: review(base, i), range(requests)))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(30)
    ms = [1000 * s for s in latencies]
    print(f"{requests} reviews from {clients} concurrent clients, every answer correct; "
          f"{requests / wall:.1f} reviews/s on {os.cpu_count()} cores")
    print(f"latency p50 {percentile(ms, 50):.0f} ms  p90 {percentile(ms, 90):.0f} ms  "
          f"p99 {percentile(ms, 99):.0f} ms  max {max(ms):.0f} ms")


if __name__ == "__main__":
    main()
