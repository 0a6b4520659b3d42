import subprocess

from flask import Flask

app = Flask(__name__)


@app.route("/files")
def list_files():
    return subprocess.check_output("ls -l /srv/shop/static", shell=True)
