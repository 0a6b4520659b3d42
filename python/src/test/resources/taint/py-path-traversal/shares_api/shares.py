"""The shares API: a wsgi.Controller whose public methods and actions the router calls with the request and body."""
from shares.api.openstack import wsgi

from shares_api import exports


class ShareController(wsgi.Controller):

    def update(self, req, id, body):
        share = body["share"]
        exports.write_export_rule(share["name"], share["rule"])
        exports.publish_safely(share["name"], share["client"])
        return {"share": share}

    def create(self, req, body):
        share = body["share"]
        exports.write_export_rule_by_id(share["id"], share["rule"])
        exports.publish(share["name"], share["client"])
        return {"share": share}

    @wsgi.action("os-allow_access")
    def _allow_access(self, req, id, body):
        client = req.params.get("client")
        exports.publish_safely(id, client)

    def _rebuild_exports(self, share_names):
        """Private: called by the service with names from its own database."""
        for name in share_names:
            exports.write_export_rule(name, "*(ro)")
