"""aiohttp redirects: the location from the query, and one chosen from the application's own table."""
from aiohttp import web

routes = web.RouteTableDef()
PAGES = {"home": "/", "help": "/help"}


@routes.get("/login/done")
async def after_login(request):
    # expect: py-open-redirect
    raise web.HTTPFound(request.query.get("next", "/"))


@routes.get("/go/{page}")
async def go(request):
    # ok: py-open-redirect
    raise web.HTTPFound(PAGES.get(request.match_info["page"], "/"))
