"""Helpers. Each line here is a near miss that pattern-matching tools report."""
import hashlib
import subprocess

import yaml


def load_inventory_file(path):
    with open(path) as stream:
        return yaml.load(stream, Loader=yaml.SafeLoader)


def disk_usage():
    # A constant command: nothing from outside reaches the shell.
    return subprocess.check_output("df -h /var/lib/inventory | tail -1", shell=True)


def list_dir(path):
    return subprocess.check_output(["ls", "-l", path])


def fingerprint(data):
    return hashlib.sha256(data).hexdigest()
