"""The recorded Windows and macOS fixtures stay followable and in step with their builder.

- The committed snapshots are exactly what tests/fixtures/build_snapshots.py makes from recorded_output.py,
  so an edit to one without rebuilding the other fails here.
- No fixture cites a source nobody can open (a search index's internal number); every "UNCONFIRMED" mark
  points at an entry in docs/unconfirmed.md that exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.fixtures import build_snapshots

ROOT = Path(__file__).resolve().parents[2]
UNCONFIRMED = ROOT / "docs" / "unconfirmed.md"
SOURCE_FILES = [
    FIXTURES / "recorded_output.py",
    FIXTURES / "build_snapshots.py",
    FIXTURES / "more_state.py",
    FIXTURES / "basics_state.py",
    FIXTURES / "recorded_device_basics.py",
    *sorted((FIXTURES / "windows").glob("*.json")),
    *sorted((FIXTURES / "darwin").glob("*.json")),
]


def test_committed_snapshots_are_what_build_snapshots_makes():
    made = build_snapshots.render()
    committed = set((FIXTURES / "windows").glob("*.json")) | set((FIXTURES / "darwin").glob("*.json"))
    assert set(made) == committed, "run: python -m tests.fixtures.build_snapshots"
    for path, text in made.items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} differs: python -m tests.fixtures.build_snapshots"
        )


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: p.name)
def test_no_fixture_cites_a_source_nobody_can_open(path):
    text = path.read_text(encoding="utf-8").lower()
    assert "index id" not in text and "full-text index" not in text


def test_every_unconfirmed_mark_has_its_entry():
    entries = set(re.findall(r"^## (U\d+)\b", UNCONFIRMED.read_text(encoding="utf-8"), re.MULTILINE))
    marks: set[str] = set()
    for path in SOURCE_FILES:
        marks |= set(re.findall(r"unconfirmed\.md#(U\d+)", path.read_text(encoding="utf-8")))
    assert marks, "the fixtures mark nothing unconfirmed: check the pattern"
    assert marks <= entries, f"marked but not explained in docs/unconfirmed.md: {sorted(marks - entries)}"
