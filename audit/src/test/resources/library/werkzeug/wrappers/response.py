"""Stand-in for werkzeug.wrappers.response."""


class Response:
    def __init__(self, response=None, status=None, headers=None, mimetype=None):
        self.headers = headers or {}

    def set_cookie(self, key, value="", secure=False, httponly=False, samesite=None):
        pass
