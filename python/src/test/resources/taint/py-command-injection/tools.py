import os
import shlex


def build_ping(host):
    return "ping -c 3 " + host


def run_in_shell(command):
    # expect: py-command-injection
    os.system(command)


def archive_command(name):
    return "tar czf /backups/{}.tgz /srv/data".format(name)


def quoted_archive_command(name):
    return "tar czf /backups/%s.tgz /srv/data" % shlex.quote(name)
