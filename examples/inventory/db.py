"""Database access. Every query is parameterised."""
import contextlib
import sqlite3

from inventory import conf


@contextlib.contextmanager
def connect(path="/var/lib/inventory/inventory.db"):
    connection = sqlite3.connect(path)
    try:
        yield connection
    finally:
        connection.close()


def hosts_in_zone(zone):
    with connect() as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT name, address FROM hosts WHERE zone = ?", (zone,))
        return cursor.fetchall()


def add_host(name, address, zone):
    with connect() as connection:
        connection.execute(
            "INSERT INTO hosts (name, address, zone) VALUES (?, ?, ?)",
            (name, address, zone),
        )
        connection.commit()


def sync_interval():
    return conf.CONF.inventory.sync_interval
