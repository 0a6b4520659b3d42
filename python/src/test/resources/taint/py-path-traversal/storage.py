import os
import shutil

ROOT = "/srv/reports"


def upload_path(name):
    return ROOT + "/" + name


def delete_upload(name):
    # expect: py-path-traversal
    shutil.rmtree(os.path.join(ROOT, name))


def delete_safe(name):
    # ok: py-path-traversal
    shutil.rmtree(os.path.join(ROOT, os.path.basename(name)))
