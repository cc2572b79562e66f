"""Hypothesis settings for the fuzz tests: the same 1,000 examples on every run, so CI never flakes.

`FUZZ` is the profile as a decorator; it is also registered (as "fuzz") so a developer can load it for
other hypothesis tests. It is not loaded globally: other test modules keep their own, faster settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "fuzz",
    derandomize=True,
    max_examples=1000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
FUZZ = settings.get_profile("fuzz")


HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every fuzz test is slow (1,000 examples each): `python3 dev.py test` leaves them out, --all runs them.
    The hook sees the whole session's items, so only this folder's are marked."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.slow)
