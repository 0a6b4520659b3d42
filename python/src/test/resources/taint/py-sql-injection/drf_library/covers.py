"""Cover images: fetched from the URL a client gives, or looked up on the cover service by ISBN."""
import requests

COVER_SERVICE = "https://covers.example.org/api/v1/"


def fetch_cover(url):
    # expect: py-ssrf
    return requests.get(url, timeout=5).content


def fetch_cover_by_isbn(isbn):
    # ok: py-ssrf
    return requests.get(COVER_SERVICE + "isbn", params={"isbn": isbn}, timeout=5).content
