"""WSGI middleware that admits requests carrying the deployment's admin token."""
import logging
import os

import webob
import webob.dec
import webob.exc

LOG = logging.getLogger(__name__)
PUBLIC_PATHS = ("/healthcheck", "/versions")


class TokenAuthMiddleware:
    """Rejects every request whose X-Auth-Token header is not the admin token."""

    def __init__(self, app, conf):
        self.app = app
        self.admin_token = conf.get("admin_token")
        self.log_tokens = conf.get("log_tokens", "false").lower() == "true"

    @webob.dec.wsgify
    def __call__(self, req):
        if req.path in PUBLIC_PATHS:
            return req.get_response(self.app)
        supplied = req.headers.get("X-Auth-Token", "")
        if self.log_tokens:
            LOG.debug("token %s presented for %s", supplied, req.path)
        if not self._valid(supplied):
            LOG.warning("rejected request for %s", req.path)
            raise webob.exc.HTTPUnauthorized()
        req.environ["auth.user"] = "admin"
        return req.get_response(self.app)

    def _valid(self, supplied):
        return supplied == self.admin_token


class RedirectMiddleware:
    """Sends clients of the old API paths to the new ones."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/v1/"):
            target = environ.get("HTTP_REFERER", "/") + path[3:]
            start_response("302 Found", [("Location", target)])
            return [b""]
        return self.app(environ, start_response)


class StaticFilesMiddleware:
    """Serves the files under a directory for paths below /static/."""

    def __init__(self, app, root):
        self.app = app
        self.root = root

    @webob.dec.wsgify
    def __call__(self, req):
        if not req.path_info.startswith("/static/"):
            return req.get_response(self.app)
        name = req.path_info[len("/static/"):]
        LOG.info("static file %s requested", name)
        with open(os.path.join(self.root, name), "rb") as handle:
            return webob.Response(body=handle.read())


def filter_factory(global_conf, **local_conf):
    conf = dict(global_conf, **local_conf)

    def auth_filter(app):
        return TokenAuthMiddleware(app, conf)
    return auth_filter
