"""Stand-in for werkzeug."""
