"""Django class-based views that answer with request data."""
from django.http import HttpResponse
from django.views import generic


class Echo(generic.View):

    def get(self, request, *args, **kwargs):
        name = request.GET.get("name", "")
        # expect: py-xss
        return HttpResponse("<p>Hello %s</p>" % name)

    def post(self, request, *args, **kwargs):
        # expect: py-xss
        return HttpResponse(self.request.body)


class Profile(generic.View):

    def get(self, request, *args, **kwargs):
        email = self.request.GET.get("email", "")
        # A mail profile download: a browser saves it, it does not render it.
        # ok: py-xss
        return HttpResponse(("<dict><string>%s</string></dict>" % email).encode(),
                            content_type="application/x-apple-aspen-config")

    def head(self, request, *args, **kwargs):
        # ok: py-xss
        return HttpResponse(request.GET.get("q", ""), content_type="text/plain; charset=utf-8")
