"""Stand-in for flask: its names are re-exported from the modules that define them."""
from werkzeug.exceptions import abort

from .app import Flask
from .globals import request, session
from .helpers import send_file, send_from_directory
from .wrappers import Request, Response
