"""Fixtures shared by the hardening tests."""

from tests.hardening.ordinary_user import ordinary_user as ordinary_user
