"""Stand-in for webob."""
from webob.request import Request
from webob.response import Response
