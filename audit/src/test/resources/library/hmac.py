"""Stand-in for the standard library's hmac module."""


def new(key, msg=None, digestmod=""):
    return HMAC(key, msg, digestmod)


def compare_digest(a, b):
    return a == b


class HMAC:
    def __init__(self, key, msg=None, digestmod=""):
        self.digest_size = 0

    def hexdigest(self):
        return ""
