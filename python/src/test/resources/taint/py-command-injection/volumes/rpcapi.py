"""The client side of the volume RPC API: each method casts or calls the manager's method of the same name."""
import oslo_messaging as messaging

from volumes import rpc


class VolumeAPI(object):

    def __init__(self):
        target = messaging.Target(topic="volume", version="3.0")
        self.client = rpc.get_client(target)

    def create_snapshot(self, ctxt, volume_id, name):
        cctxt = self.client.prepare(server=volume_id, version="3.0")
        msg_args = {"volume_id": volume_id, "name": name}
        cctxt.cast(ctxt, "create_snapshot", **msg_args)

    def rename_volume(self, ctxt, volume_id):
        # The new name is the service's own: nothing of the request reaches the manager's shell command.
        self.client.prepare(server=volume_id).cast(ctxt, "rename_volume", volume_id=volume_id, new_name="archived")

    def extend_volume(self, ctxt, volume_id, new_size):
        cctxt = self.client.prepare(server=volume_id)
        return cctxt.call(ctxt, "extend_volume", volume_id=volume_id, new_size=new_size)

    def export_volume(self, ctxt, volume_id, path):
        # No endpoint defines `export_volume`: the only method so named is the exporter's, which no server serves.
        cctxt = self.client.prepare(server=volume_id)
        cctxt.cast(ctxt, "export_volume", volume_id=volume_id, path=path)
