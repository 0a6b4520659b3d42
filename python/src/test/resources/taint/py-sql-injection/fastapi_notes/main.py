"""A FastAPI notes service: request data through dependencies and helper modules into SQL, HTML and files."""
import os
from typing import Annotated

from fastapi import Depends, FastAPI, File, Form, UploadFile
from fastapi.responses import HTMLResponse, PlainTextResponse
from werkzeug.utils import secure_filename

from fastapi_notes.db import get_db, note_count, notes_tagged, notes_tagged_safely
from fastapi_notes.deps import client_language, default_tag, page_size, search_tag
from fastapi_notes.pages import tag_heading, tag_heading_escaped

app = FastAPI()
UPLOADS = "/var/lib/notes/attachments"


@app.get("/notes", response_class=HTMLResponse)
def list_notes(tag: str = Depends(search_tag), db=Depends(get_db)):
    rows = notes_tagged(db, tag)
    # expect: py-xss
    return HTMLResponse(tag_heading(tag) + "".join("<li>%d</li>" % r[0] for r in rows))


@app.get("/notes/safe", response_class=HTMLResponse)
def list_notes_safely(tag: Annotated[str, Depends(search_tag)], db=Depends(get_db)):
    rows = notes_tagged_safely(db, tag)
    # ok: py-xss
    return HTMLResponse(tag_heading_escaped(tag) + "<p>%d notes</p>" % len(rows))


@app.get("/inbox", response_class=HTMLResponse)
def inbox(tag: str = Depends(default_tag), db=Depends(get_db)):
    """The tag is the server's own: the dependency returns a constant."""
    rows = notes_tagged(db, tag)
    # ok: py-xss
    return HTMLResponse(tag_heading(tag) + "<p>%d notes</p>" % len(rows))


@app.get("/stats")
def stats(limit: int = Depends(page_size), db=Depends(get_db)):
    # ok: py-sql-injection
    rows = db.execute("SELECT id FROM notes LIMIT %d" % limit).fetchall()
    return {"count": note_count(db), "shown": len(rows)}


@app.get("/hello")
def hello(language: str = Depends(client_language)):
    # expect: py-xss
    return HTMLResponse("<p lang='%s'>Hello</p>" % language)


@app.get("/hello.txt")
def hello_text(language: str = Depends(client_language)):
    # ok: py-xss
    return PlainTextResponse("Hello in %s" % language)


@app.post("/notes/{note_id}/attachments")
async def attach(note_id: int, title: str = Form(...), upload: UploadFile = File(...)):
    data = await upload.read()
    # expect: py-path-traversal
    with open(os.path.join(UPLOADS, upload.filename), "wb") as out:
        out.write(data)
    # ok: py-path-traversal
    with open(os.path.join(UPLOADS, secure_filename(upload.filename)), "wb") as out:
        out.write(data)
    # ok: py-path-traversal
    with open(os.path.join(UPLOADS, "%d.bin" % note_id), "wb") as out:
        out.write(data)
    return {"title": title}
