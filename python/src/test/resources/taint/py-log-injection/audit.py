import logging


def audit_line(user):
    return "login attempt by " + user


def record(user):
    # expect: py-log-injection
    logging.info("logout: %s" % user)
