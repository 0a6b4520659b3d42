"""The project's own limit, applied in another module."""
MAX_ITEMS = 100


def clamp(count):
    if count < 1:
        return 1
    if count > MAX_ITEMS:
        return MAX_ITEMS
    return count
