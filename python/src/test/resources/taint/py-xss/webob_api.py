"""A WebOb API that negotiates the response type, and a page that is HTML."""
import json

import webob
import webob.dec


class Api(object):

    @webob.dec.wsgify
    def __call__(self, req):
        body = json.dumps({"echo": req.params.get("q", "")})
        # ok: py-xss
        return webob.Response(body=body, content_type=req.best_match_content_type())


class Page(object):

    @webob.dec.wsgify
    def __call__(self, req):
        name = req.params.get("name", "")
        if req.params.get("format") == "json":
            # ok: py-xss
            return webob.Response(body=json.dumps({"name": name}), content_type="application/json")
        # expect: py-xss
        return webob.Response(body="<h1>%s</h1>" % name)


class Chosen(object):

    @webob.dec.wsgify
    def __call__(self, req):
        # The client picks the type: it can ask for text/html.
        # expect: py-xss
        return webob.Response(body=req.params.get("q", ""), content_type=req.params.get("type"))
