class BaseRequest:
    def __init__(self, environ):
        self.environ = environ
        self.headers = {}

    @property
    def path(self):
        return ""

    @property
    def path_info(self):
        return ""

    def get_response(self, application):
        return None


class Request(BaseRequest):
    pass
