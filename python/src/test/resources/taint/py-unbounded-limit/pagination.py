"""The service's own pagination parameters, clamped where they are read."""
MAX_LIMIT = 1000


def limit_and_marker(params):
    limit = int(params.get("limit", MAX_LIMIT))
    if limit < 0:
        raise ValueError("limit must be positive")
    marker = params.get("marker", 0)
    return min(limit, MAX_LIMIT), marker
