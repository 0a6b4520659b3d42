"""How the preview service fetches a page: any URL, or one on the hosts it trusts."""
from urllib.parse import urlparse

import aiohttp

TRUSTED_HOSTS = ("docs.example.com", "blog.example.com")


async def fetch_title(url):
    async with aiohttp.ClientSession() as session:
        # expect: py-ssrf
        async with session.get(url) as resp:
            return (await resp.text())[:200]


async def fetch_trusted_title(url):
    if urlparse(url).hostname not in TRUSTED_HOSTS:
        return ""
    async with aiohttp.ClientSession() as session:
        # ok: py-ssrf
        async with session.get(url) as resp:
            return (await resp.text())[:200]
