import random
import string

from flask import session


def issue_csrf():
    # expect: py-weak-random-secret
    session["csrf"] = "%032x" % random.getrandbits(128)


def make_token_hex():
    return "%x" % random.getrandbits(64)



def remember(user):
    from sessions import remembered_sessions
    # expect: py-weak-random-secret
    remembered_sessions[user] = "%x" % random.getrandbits(64)
