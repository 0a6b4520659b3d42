"""A small aiohttp service: handlers by decorator and by registration with a typed request."""
import html

from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/greet/{name}")
async def greet(request):
    name = request.match_info["name"]
    # expect: py-xss
    return web.Response(text="<h1>Hello %s</h1>" % name, content_type="text/html")


@routes.get("/greet-safe/{name}")
async def greet_safe(request):
    name = request.match_info["name"]
    # ok: py-xss
    return web.Response(text="<h1>Hello %s</h1>" % html.escape(name), content_type="text/html")


@routes.get("/plain/{name}")
async def plain(request):
    # ok: py-xss
    return web.Response(text="Hello %s" % request.match_info["name"])


@routes.get("/json")
async def as_json(request):
    # ok: py-xss
    return web.json_response({"query": request.query.get("q", "")})


async def search(request: web.Request) -> web.Response:
    term = request.query.get("q", "")
    # expect: py-xss
    return web.Response(text="<p>Results for " + term + "</p>", content_type="text/html")


def setup(app: web.Application) -> None:
    app.router.add_get("/search", search)
    app.add_routes(routes)
