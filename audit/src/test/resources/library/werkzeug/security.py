"""Stand-in for werkzeug.security."""


def safe_join(directory, *pathnames):
    return directory


def generate_password_hash(password, method="scrypt"):
    return password


def check_password_hash(pwhash, password):
    return pwhash == password
