"""Dependencies FastAPI resolves for the routes: what they return is what the routes get."""
from typing import Annotated

from fastapi import Header, Query


def search_tag(tag: str = Query(..., max_length=40)):
    return tag.strip().lower()


def default_tag():
    return "inbox"


def page_size(limit: Annotated[int, Query()] = 20):
    return min(limit, 100)


def client_language(accept_language: Annotated[str, Header()] = "en"):
    return accept_language.split(",")[0]
