"""A Sanic file service: routes by decorator and a class view, uploads saved through a helper module."""
from sanic import Blueprint, Sanic, response
from sanic.response import html, json, text
from sanic.views import HTTPMethodView

from sanic_files.pages import saved_page, saved_page_escaped
from sanic_files.storage import ROOT, save_upload, save_upload_safely

app = Sanic("files")
bp = Blueprint("files", url_prefix="/files")


@bp.post("/<folder>")
async def upload(request, folder):
    upload = request.files.get("file")
    save_upload(folder, upload.name, upload.body)
    # expect: py-xss
    return html(saved_page(upload.name))


@bp.post("/safe/<folder>")
async def upload_safely(request, folder):
    upload = request.files.get("file")
    save_upload_safely(folder, upload.name, upload.body)
    # ok: py-xss
    return html(saved_page_escaped(upload.name))


@app.get("/download")
async def download(request):
    name = request.args.get("name", "index.txt")
    # expect: py-path-traversal
    return await response.file(ROOT + "/" + name)


@app.get("/echo")
async def echo(request):
    # ok: py-xss
    return text("You sent %s" % request.args.get("q"))


@app.get("/status")
async def status(request):
    # ok: py-xss
    return json({"query": request.args.get("q")})


class Note(HTTPMethodView):
    async def get(self, request, note_id):
        # expect: py-xss
        return html("<h1>Note %s</h1>" % note_id)

    async def post(self, request, note_id):
        title = request.json.get("title", "")
        # expect: py-xss
        return html("<h1>%s</h1>" % title)

    async def put(self, request, note_id):
        """The handler's own context, set by the server's middleware, is not the client's."""
        # ok: py-xss
        return html("<p>%s</p>" % request.ctx.user_name)


app.blueprint(bp)
app.add_route(Note.as_view(), "/notes/<note_id>")
