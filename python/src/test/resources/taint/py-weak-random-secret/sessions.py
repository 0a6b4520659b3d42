"""Remembered logins, filled by the modules that issue them."""
remembered_sessions = {}
