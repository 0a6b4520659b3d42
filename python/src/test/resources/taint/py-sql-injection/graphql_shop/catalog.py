"""The shop's catalog: product rows and the images the shop mirrors."""
import sqlite3

import requests

SHOP_DB = "/var/lib/shop/catalog.db"
IMAGE_HOST = "https://images.shop.example.com/"


def products_named(name):
    conn = sqlite3.connect(SHOP_DB)
    # expect: py-sql-injection
    return conn.execute("SELECT sku, name FROM products WHERE name LIKE '%s%%'" % name).fetchall()


def products_named_safely(name):
    conn = sqlite3.connect(SHOP_DB)
    # ok: py-sql-injection
    return conn.execute("SELECT sku, name FROM products WHERE name LIKE ?", (name + "%",)).fetchall()


def mirror_image(url):
    # expect: py-ssrf
    return requests.get(url, timeout=10).content


def mirror_image_of(sku):
    # ok: py-ssrf
    return requests.get(IMAGE_HOST + "by-sku", params={"sku": sku}, timeout=10).content
