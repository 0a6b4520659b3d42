"""Local accounts of the inventory service."""
import hashlib
import hmac
import os


def hash_password(password, salt=None):
    salt = salt or os.urandom(16).hex()
    digest = hashlib.md5((salt + password).encode()).hexdigest()
    return salt + "$" + digest


def check_password(password, stored):
    salt, _ = stored.split("$", 1)
    return hmac.compare_digest(hash_password(password, salt), stored)


def cache_key(host_name):
    # A cache key, not a security use: the hash is declared as such.
    return hashlib.md5(host_name.encode(), usedforsecurity=False).hexdigest()
