"""Where the catalog sends a browser after a form."""
from urllib.parse import urlparse


def is_safe_url(target):
    parsed = urlparse(target)
    return not parsed.netloc and not parsed.scheme


def after_login(target):
    return target or "/"


def after_login_on_site(target):
    if target and is_safe_url(target):
        return target
    return "/"
