"""Django views that build HTML by hand."""
import html

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.html import escape
from django.views.decorators.http import require_GET

from render import greeting, html_response


def hello(request):
    name = request.GET.get("name", "")
    # expect: py-xss
    return HttpResponse("<h1>Hello " + name + "</h1>")


def hello_escaped(request):
    name = request.GET.get("name", "")
    # ok: py-xss
    return HttpResponse("<h1>Hello " + escape(name) + "</h1>")


def hello_html(request):
    name = request.GET.get("name", "")
    # ok: py-xss
    return HttpResponse(f"<h1>Hello {html.escape(name)}</h1>")


def profile(request):
    # expect: py-xss
    return HttpResponse(greeting(request.POST["nick"]))


def comment(request):
    return html_response(request.POST["body"])


def search(request):
    params = {"q": request.GET.get("q", ""), "title": "Search"}
    # expect: py-xss
    return HttpResponse("<p>Results for %s</p>" % params["q"])


def title(request):
    params = {"q": request.GET.get("q", ""), "title": "Search"}
    # ok: py-xss
    return HttpResponse("<title>%s</title>" % params["title"])


def tags(request):
    items = ["<li>" + t + "</li>" for t in request.GET.getlist("tag")]
    rows = ["<ul>", request.GET.get("first", ""), "</ul>"]
    # expect: py-xss
    return HttpResponse("".join(rows))


def page(request):
    number = request.GET.get("page", "1")
    if number.isdigit():
        # ok: py-xss
        return HttpResponse("<p>Page " + number + "</p>")
    colour = request.GET.get("colour", "")
    if colour in ("red", "green"):
        # ok: py-xss
        return HttpResponse("<p style='color:%s'>hi</p>" % colour)
    return HttpResponse("bad")


def legacy(request):
    msg = request.GET.get("msg", "")
    if 7 * 3 > 100:
        # ok: py-xss
        return HttpResponse(msg)
    msg = "<p>Service moved</p>"
    # ok: py-xss
    return HttpResponse(msg)


@require_GET
def sidebar_count(request):
    # The event the middleware loaded, rendered through an autoescaping template.
    html = render_to_string("sidebar.html", {"event": request.event, "q": request.GET.get("q")})
    # ok: py-xss
    return HttpResponse(html)


@require_GET
def event_title(request):
    # ok: py-xss
    return HttpResponse("<h1>%s</h1>" % request.event.title)


@require_GET
def echo_path(request):
    # expect: py-xss
    return HttpResponse("<p>%s</p>" % request.get_full_path())
