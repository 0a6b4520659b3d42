from .request import Request
from .response import Response
