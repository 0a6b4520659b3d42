"""How the jobs API runs a job's tool and where it keeps its logs."""
import os
import subprocess

LOG_DIR = "/var/log/jobs"
TOOLS = {"backup": "/usr/local/bin/backup", "report": "/usr/local/bin/report"}


def run_tool(tool, target):
    # expect: py-command-injection
    return subprocess.run("%s --target %s" % (tool, target), shell=True, capture_output=True).stdout


def run_known_tool(tool, target):
    program = TOOLS.get(tool, TOOLS["report"])
    # ok: py-command-injection
    return subprocess.run([program, "--target", target], capture_output=True).stdout


def job_log(job_name):
    # expect: py-path-traversal
    with open(os.path.join(LOG_DIR, job_name + ".log")) as f:
        return f.read()


def job_log_safely(job_name):
    # ok: py-path-traversal
    with open(os.path.join(LOG_DIR, os.path.basename(job_name) + ".log")) as f:
        return f.read()
