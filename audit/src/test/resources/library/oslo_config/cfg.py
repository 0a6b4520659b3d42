"""Stand-in for oslo_config.cfg."""


class Opt:
    def __init__(self, name, type=None, default=None, help=None, secret=False, min=None, max=None, choices=None):
        self.name = name


class StrOpt(Opt):
    pass


class IntOpt(Opt):
    pass


class FloatOpt(Opt):
    pass


class BoolOpt(Opt):
    pass


class PortOpt(Opt):
    pass


class HostAddressOpt(Opt):
    pass


class ListOpt(Opt):
    pass


class OptGroup:
    def __init__(self, name, title=None, help=None):
        self.name = name


class ConfigOpts:
    def register_opt(self, opt, group=None):
        pass

    def register_opts(self, opts, group=None):
        pass

    def register_group(self, group):
        pass

    def log_opt_values(self, logger, lvl):
        pass


CONF = ConfigOpts()
