"""Share exports on the host: files under the exports root and the commands that publish them."""
import os

from oslo_concurrency import processutils

EXPORTS_ROOT = "/var/lib/shares/exports"


def write_export_rule(share_name, rule):
    # expect: py-path-traversal
    with open(os.path.join(EXPORTS_ROOT, share_name + ".rules"), "a") as rules:
        rules.write(rule + "\n")


def write_export_rule_by_id(share_id, rule):
    # ok: py-path-traversal
    with open(os.path.join(EXPORTS_ROOT, "%d.rules" % int(share_id)), "a") as rules:
        rules.write(rule + "\n")


def publish(share_name, client):
    # expect: py-command-injection
    processutils.execute("sh", "-c", "exportfs -o rw %s:%s/%s" % (client, EXPORTS_ROOT, share_name), run_as_root=True)


def publish_safely(share_name, client):
    # ok: py-command-injection
    processutils.execute("exportfs", "-o", "rw", "%s:%s/%s" % (client, EXPORTS_ROOT, share_name), run_as_root=True)
