"""A backup service's API: the caller names the archive and the host to copy it to."""
from oslo_concurrency import processutils

from api import wsgi


class BackupsController(wsgi.Controller):

    def create(self, req, body):
        name = body["backup"]["name"]
        # expect: py-command-injection
        processutils.execute("sh", "-c", "tar czf /var/backups/%s.tgz /srv/data" % name, run_as_root=True)
        # ok: py-command-injection
        processutils.execute("tar", "czf", "/var/backups/archive.tgz", "--", name, run_as_root=True)
        return {"name": name}

    def export(self, req, id, body):
        tool = body["export"]["tool"]
        cmd = [tool, "--backup", id]
        # expect: py-command-injection
        processutils.execute(*cmd)

    def copy(self, req, id, body):
        host = body["copy"]["host"]
        ssh = processutils.ssh_connection(host)
        # expect: py-command-injection
        processutils.ssh_execute(ssh, "scp /var/backups/%s.tgz backup@%s:" % (id, host))
        # ok: py-command-injection
        processutils.ssh_execute(ssh, "df -h /var/backups")
