"""The volume manager: the RPC server's endpoint, whose methods run what the API asked for."""
import oslo_messaging as messaging
from oslo_concurrency import processutils


class VolumeManager(object):

    target = messaging.Target(version="3.0")

    def create_snapshot(self, context, volume_id, name):
        # expect: py-command-injection
        processutils.execute("sh", "-c", "lvcreate -s -n %s /dev/volumes/%s" % (name, volume_id), run_as_root=True)

    def rename_volume(self, context, volume_id, new_name):
        # ok: py-command-injection
        processutils.execute("sh", "-c", "lvrename /dev/volumes/current %s" % new_name, run_as_root=True)
        processutils.execute("lvchange", "-an", "/dev/volumes/" + volume_id, run_as_root=True)

    def extend_volume(self, context, volume_id, new_size):
        # ok: py-command-injection
        processutils.execute("sh", "-c", "lvextend -L %sG /dev/volumes/current" % new_size, run_as_root=True)

    def purge_snapshots(self, context, pattern):
        # Cast by other services only (never with the API's data): input under the `rpc` threat model alone.
        # ok: py-command-injection
        processutils.execute("sh", "-c", "lvremove -y /dev/volumes/%s" % pattern, run_as_root=True)


class VolumeExporter(object):
    """Not an endpoint: a helper the manager's drivers use in-process."""

    def export_volume(self, context, volume_id, path):
        # ok: py-command-injection
        processutils.execute("sh", "-c", "dd if=/dev/volumes/%s of=%s" % (volume_id, path), run_as_root=True)
