"""Lines of credential files, built in another module."""


def authorized_key_line(key, comment):
    return "ssh-ed25519 %s %s\n" % (key, comment)


def htpasswd_line(user, password_hash):
    return "\n".join(["%s:%s" % (user, password_hash), ""])
