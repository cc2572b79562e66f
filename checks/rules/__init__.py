"""Importing this package registers every built check with the catalogue (checks/catalog.py)."""
from checks.rules import social  # noqa: F401
