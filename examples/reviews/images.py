"""Image import helpers of the inventory service."""
import hashlib
import subprocess
import tarfile

import requests
from oslo_config import cfg

import_opts = [
    cfg.IntOpt("max_image_size", default=1024, min=1,
               help="Largest image, in MiB, an import accepts."),
    cfg.BoolOpt("verify_source", default=True,
                help="Verify the TLS certificate of the image source."),
]

CONF = cfg.CONF
CONF.register_opts(import_opts, group="images")


def checksum(path):
    digest = hashlib.md5()
    with open(path, "rb") as image:
        for chunk in iter(lambda: image.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


def download(url, target):
    response = requests.get(url, verify=CONF.images.verify_source, timeout=30)
    response.raise_for_status()
    with open(target, "wb") as out:
        out.write(response.content)


def convert(source, fmt):
    subprocess.check_call("qemu-img convert -O %s %s %s.converted" % (fmt, source, source), shell=True)


def unpack(bundle, directory):
    with tarfile.open(bundle) as archive:
        archive.extractall(directory)
