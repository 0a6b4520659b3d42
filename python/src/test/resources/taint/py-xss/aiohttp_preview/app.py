"""An aiohttp link-preview service: handlers by decorator and by registration with a typed request."""
from aiohttp import web

from aiohttp_preview.fetch import fetch_title, fetch_trusted_title
from aiohttp_preview.render import card, card_escaped

routes = web.RouteTableDef()


@routes.get("/preview")
async def preview(request):
    url = request.query["url"]
    title = await fetch_title(url)
    # ok: py-xss
    return web.Response(text=card_escaped(url, title), content_type="text/html")


@routes.get("/preview/trusted")
async def preview_trusted(request):
    url = request.query["url"]
    title = await fetch_trusted_title(url)
    # ok: py-xss
    return web.Response(text=card(url, "Preview"), content_type="text/html")


async def preview_named(request: web.Request) -> web.Response:
    data = await request.post()
    # expect: py-xss
    return web.Response(text=card("/", data["title"]), content_type="text/html")


async def preview_json(request: web.Request) -> web.Response:
    body = await request.json()
    title = await fetch_title(body["url"])
    # ok: py-xss
    return web.json_response({"title": title})


def setup(app: web.Application) -> None:
    app.add_routes(routes)
    app.router.add_post("/preview/named", preview_named)
    app.router.add_post("/preview.json", preview_json)
