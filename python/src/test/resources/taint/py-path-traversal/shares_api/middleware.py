"""A WebOb middleware in front of the shares API."""
import webob.dec
import webob.exc

from shares_api.exports import EXPORTS_ROOT


class ExportDownload(object):
    def __init__(self, application):
        self.application = application

    @webob.dec.wsgify
    def __call__(self, req):
        if req.path_info.startswith("/exports/"):
            # expect: py-path-traversal
            with open(EXPORTS_ROOT + req.path_info[len("/exports"):], "rb") as f:
                return webob.Response(body=f.read(), content_type="application/octet-stream")
        if req.path_info == "/moved":
            # expect: py-open-redirect
            raise webob.exc.HTTPFound(location=req.params.get("to"))
        if req.path_info == "/home":
            # ok: py-open-redirect
            raise webob.exc.HTTPFound(location="/shares")
        return req.get_response(self.application)
