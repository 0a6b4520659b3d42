"""Stand-in for werkzeug.utils."""


def secure_filename(filename):
    return filename


def redirect(location, code=302):
    return location
