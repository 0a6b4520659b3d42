# The py-flask-debug expectation sits on a line without the defect, and one weak hash has no marker,
# on purpose: the suite meets a true positive, a true negative, a false negative and a false positive.
import hashlib

from flask import Flask

app = Flask(__name__)


def hash_password(password, salt):
    # expect: py-weak-hash
    return hashlib.md5(salt + password.encode("utf-8")).hexdigest()


def cache_key(url):
    # ok: py-weak-hash
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def hash_api_key(api_key):
    return hashlib.sha1(api_key.encode("utf-8")).hexdigest()


if __name__ == "__main__":
    # expect: py-flask-debug
    app.run(host="127.0.0.1", port=8080)
