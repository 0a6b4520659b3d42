"""How the board shows a list of posts: one helper escapes the search term, the other does not."""
from markupsafe import escape


def post_list(rows):
    items = []
    for author, body in rows:
        items.append("<li>%s: %s</li>" % (escape(author), escape(body)))
    return "<ul>%s</ul>" % "".join(items)


def results_page(term, rows):
    return "<h2>Results for %s</h2>" % term + post_list(rows)


def results_page_escaped(term, rows):
    return "<h2>Results for %s</h2>" % escape(term) + post_list(rows)
