"""Stand-in for the standard library's sqlite3 package: its names come from a compiled module."""
from sqlite3.dbapi2 import *
