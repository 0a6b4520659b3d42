"""Inventory service: tracks the hosts of a small cloud."""
