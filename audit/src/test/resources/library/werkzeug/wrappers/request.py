"""Stand-in for werkzeug.wrappers.request."""


class Request:
    def __init__(self, environ):
        self.environ = environ
        self.headers = {}

    @property
    def args(self):
        return {}

    @property
    def form(self):
        return {}

    def get_json(self, force=False, silent=False):
        return None
