import base64
import marshal
import pickle


def decode_token(token):
    return base64.urlsafe_b64decode(token + "==")


def load_job(blob):
    raw = base64.b64decode(blob)
    # expect: py-tainted-deserialization
    return marshal.loads(raw)


def load_builtin_job():
    # ok: py-tainted-deserialization
    return pickle.loads(pickle.dumps(["noop"]))
