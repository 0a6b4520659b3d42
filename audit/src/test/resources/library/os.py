"""Stand-in for the standard library's os module."""
import posixpath as path

environ = {}


def getenv(key, default=None):
    return environ.get(key, default)
