"""The preview card the service answers with."""
import html


def card(url, title):
    return '<div class="card"><a href="%s">%s</a></div>' % (html.escape(url), title)


def card_escaped(url, title):
    return '<div class="card"><a href="%s">%s</a></div>' % (html.escape(url), html.escape(title))
