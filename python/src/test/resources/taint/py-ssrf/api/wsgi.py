"""The API layer's base classes, in the shape of an OpenStack service's `api/openstack/wsgi.py`."""


class Controller(object):
    """Every public method is an API operation: the router calls it with the request and route values."""

    def __init__(self, view_builder=None):
        self._view_builder = view_builder


def action(name):
    """Marks a controller method as the handler of a POST .../action with body {name: ...}."""
    def decorator(func):
        func.wsgi_action = name
        return func
    return decorator
