"""Stand-in for the standard library's secrets module."""


def token_hex(nbytes=None):
    return ""


def compare_digest(a, b):
    return a == b
