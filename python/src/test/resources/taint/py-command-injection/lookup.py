"""A user's choice mapped to a constant command through a module-level table."""
import subprocess

from flask import request

ARCHIVERS = {"zip": "zip -r", "tar": "tar czf"}


def archive(app):
    @app.route("/archive")
    def make_archive():
        kind = request.args.get("kind", "tar")
        command = ARCHIVERS.get(kind, "tar czf")
        # ok: py-command-injection
        subprocess.run(command + " /srv/out /srv/data", shell=True)
        # expect: py-command-injection
        subprocess.run("tar czf /srv/" + kind + ".tgz /srv/data", shell=True)
        return "ok"
    return make_archive
