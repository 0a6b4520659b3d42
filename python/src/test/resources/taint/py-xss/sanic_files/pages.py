"""The HTML the file service answers with."""
import html


def saved_page(name):
    return "<p>Saved <b>%s</b></p>" % name


def saved_page_escaped(name):
    return "<p>Saved <b>%s</b></p>" % html.escape(name)
