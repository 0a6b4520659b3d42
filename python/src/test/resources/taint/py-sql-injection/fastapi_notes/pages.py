"""HTML fragments the routes send back."""
import html


def tag_heading(tag):
    return "<h1>Notes tagged " + tag + "</h1>"


def tag_heading_escaped(tag):
    return "<h1>Notes tagged " + html.escape(tag) + "</h1>"
