import random
import string

from flask import session


def issue_csrf():
    # expect: py-weak-random-secret
    session["csrf"] = "%032x" % random.getrandbits(128)


def make_token_hex():
    return "%x" % random.getrandbits(64)

