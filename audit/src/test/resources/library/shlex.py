"""Stand-in for the standard library's shlex module."""


def quote(s):
    return "'" + s + "'"


def split(s, comments=False, posix=True):
    return s.split()
