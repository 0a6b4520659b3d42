"""Where the file service keeps what clients upload."""
import os

from werkzeug.utils import secure_filename

ROOT = "/srv/files"


def save_upload(folder, name, body):
    path = os.path.join(ROOT, folder, name)
    # expect: py-path-traversal
    with open(path, "wb") as out:
        out.write(body)
    return path


def save_upload_safely(folder, name, body):
    path = os.path.join(ROOT, secure_filename(folder), secure_filename(name))
    # ok: py-path-traversal
    with open(path, "wb") as out:
        out.write(body)
    return path
