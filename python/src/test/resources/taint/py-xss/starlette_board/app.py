"""A Starlette message board: functions and class-based endpoints registered with Route."""
from starlette.applications import Starlette
from starlette.endpoints import HTTPEndpoint
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from starlette.routing import Route

from starlette_board.store import posts_in, posts_matching
from starlette_board.views import results_page, results_page_escaped


async def search(request: Request):
    term = request.query_params.get("q", "")
    rows = posts_matching(term)
    # expect: py-xss
    return HTMLResponse(results_page(term, rows))


async def search_escaped(request: Request):
    term = request.query_params.get("q", "")
    rows = posts_in(term)
    # ok: py-xss
    return HTMLResponse(results_page_escaped(term, rows))


async def search_text(request: Request):
    term = request.query_params.get("q", "")
    # ok: py-xss
    return PlainTextResponse("Results for %s" % term)


async def whoami(request: Request):
    """What middleware attached to the request is the server's, not the client's."""
    # ok: py-xss
    return HTMLResponse("<p>Signed in as %s</p>" % request.state.username)


class Thread(HTTPEndpoint):
    async def get(self, request):
        thread_id = request.path_params["thread_id"]
        rows = posts_in(thread_id)
        # expect: py-xss
        return HTMLResponse("<h1>Thread %s</h1>" % thread_id + results_page_escaped("", rows))

    async def post(self, request):
        form = await request.form()
        # expect: py-xss
        return HTMLResponse("<p>Posted: %s</p>" % form["body"])

    async def put(self, request):
        body = await request.json()
        # ok: py-xss
        return JSONResponse({"body": body["body"]})


routes = [
    Route("/search", search),
    Route("/search/escaped", search_escaped),
    Route("/search.txt", search_text),
    Route("/me", whoami),
    Route("/threads/{thread_id}", Thread),
]
app = Starlette(routes=routes)
