"""Helpers of the small file server: where a requested file is, and the page listing a folder."""
import html
import os

SHARE = "/srv/share"


def local_path(request_path):
    return SHARE + request_path


def contained_path(request_path):
    path = os.path.realpath(os.path.join(SHARE, request_path.lstrip("/")))
    if not path.startswith(SHARE + os.sep):
        return None
    return path


def listing_page(folder, names):
    rows = "".join("<li>%s</li>" % html.escape(n) for n in sorted(names))
    return ("<h1>Index of %s</h1><ul>%s</ul>" % (folder, rows)).encode()


def listing_page_escaped(folder, names):
    rows = "".join("<li>%s</li>" % html.escape(n) for n in sorted(names))
    return ("<h1>Index of %s</h1><ul>%s</ul>" % (html.escape(folder), rows)).encode()
