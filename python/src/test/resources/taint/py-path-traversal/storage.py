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


class Archive:
    """Reports kept under the archive root; the application shares one instance."""

    def remove(self, name):
        # expect: py-path-traversal
        os.remove(os.path.join(ROOT, "archive", name))

    def remove_safe(self, name):
        # ok: py-path-traversal
        os.remove(os.path.join(ROOT, "archive", os.path.basename(name)))


archive = Archive()
