def disposition(name):
    return 'attachment; filename="%s"' % name


def tag_response(resp, tag):
    # expect: py-header-injection
    resp.headers["X-Tag"] = tag
