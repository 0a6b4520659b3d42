"""A WebOb middleware that pings the host a request names."""
import subprocess

import webob.dec


class Pinger(object):

    def __init__(self, app, count="1"):
        self.app = app
        self.count = count

    @webob.dec.wsgify
    def __call__(self, req):
        host = req.params.get("host", "")
        if host:
            # expect: py-command-injection
            subprocess.call("ping -c %s %s" % (self.count, host), shell=True)
        # ok: py-command-injection
        subprocess.call("ping -c %s localhost" % self.count, shell=True)
        return req.get_response(self.app)
