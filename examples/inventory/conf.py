"""Configuration options of the inventory service."""
from oslo_config import cfg

inventory_opts = [
    cfg.StrOpt("bind_host", default="127.0.0.1",
               help="Address the API listens on."),
    cfg.PortOpt("bind_port", default=8775,
                help="Port the API listens on."),
    cfg.StrOpt("remote_url", default="https://inventory.example.org/v1",
               help="Inventory service of the parent region."),
    cfg.BoolOpt("verify_ssl", default=False,
                help="Verify the TLS certificate of the parent region."),
    cfg.StrOpt("admin_password", secret=True,
               help="Password of the inventory admin user."),
    cfg.IntOpt("sync_interval", default=300, min=30,
               help="Seconds between two synchronisations."),
]

CONF = cfg.CONF
CONF.register_opts(inventory_opts, group="inventory")
