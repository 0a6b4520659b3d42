from werkzeug.wrappers import Request as RequestBase
from werkzeug.wrappers import Response as ResponseBase


class Request(RequestBase):
    url_rule = None


class Response(ResponseBase):
    default_mimetype = "text/html"
