"""HTML fragments the blog's views build."""
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe


def tag_badge(tag):
    # expect: py-xss
    return mark_safe('<span class="tag">%s</span>' % tag)


def tag_badge_escaped(tag):
    # ok: py-xss
    return format_html('<span class="tag">{}</span>', tag)


def search_banner(term):
    # ok: py-xss
    return mark_safe("<p>Results for %s</p>" % escape(term))
