"""Where the wiki keeps its pages, and how it shows one."""
import os

import tornado.escape
import tornado.web

PAGES = "/var/lib/wiki/pages"


def page_path(title):
    return os.path.join(PAGES, title + ".md")


def read_page(title):
    # expect: py-path-traversal
    with open(page_path(title)) as f:
        return f.read()


def read_page_safely(title):
    path = os.path.realpath(page_path(title))
    if not path.startswith(PAGES + os.sep):
        raise tornado.web.HTTPError(404)
    # ok: py-path-traversal
    with open(path) as f:
        return f.read()


def title_bar(title):
    return "<header><h1>%s</h1></header>" % title


def title_bar_escaped(title):
    return "<header><h1>%s</h1></header>" % tornado.escape.xhtml_escape(title)
