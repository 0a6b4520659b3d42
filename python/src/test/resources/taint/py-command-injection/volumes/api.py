"""A volume service's API: the snapshot's name and the size come from the request body."""
from storage.api.openstack import wsgi

from volumes import rpcapi


class SnapshotsController(wsgi.Controller):

    def __init__(self):
        self.volume_rpcapi = rpcapi.VolumeAPI()

    def create(self, req, body):
        context = req.environ["storage.context"]
        snapshot = body["snapshot"]
        self.volume_rpcapi.create_snapshot(context, snapshot["volume_id"], snapshot["name"])
        self.volume_rpcapi.rename_volume(context, snapshot["volume_id"])
        return {"snapshot": snapshot}

    def extend(self, req, id, body):
        context = req.environ["storage.context"]
        size = body["extend"]["new_size"]
        if not size.isdigit():
            raise ValueError("size must be a number")
        self.volume_rpcapi.extend_volume(context, id, size)

    def export(self, req, id, body):
        context = req.environ["storage.context"]
        self.volume_rpcapi.export_volume(context, id, body["export"]["path"])
