"""Backups of the inventory database."""
import os
import shutil
import tarfile
import tempfile


def restore(archive_path, target_dir):
    """Restore a backup uploaded by an operator."""
    with tarfile.open(archive_path) as archive:
        archive.extractall(target_dir)


def snapshot(db_path, backup_dir):
    handle, path = tempfile.mkstemp(suffix=".db")
    os.close(handle)
    shutil.copy(db_path, path)
    with tarfile.open(os.path.join(backup_dir, "inventory.tgz"), "w:gz") as archive:
        archive.add(path, arcname="inventory.db")
    os.remove(path)
