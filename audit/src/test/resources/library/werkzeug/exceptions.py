"""Stand-in for werkzeug.exceptions."""


class HTTPException(Exception):
    code = None


class Forbidden(HTTPException):
    code = 403


def abort(status, *args):
    raise HTTPException()
