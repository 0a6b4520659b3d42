"""Stand-in for sqlite3.dbapi2, which re-exports the compiled _sqlite3 module."""
from _sqlite3 import *
