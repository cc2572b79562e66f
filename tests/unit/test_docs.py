"""The documents that describe the catalogue say what the catalogue holds."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_the_table_of_checks_in_architecture_md_is_the_catalogue():
    res = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_table.py"), "--check"], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr


OUTSIDE = ("../" + "shared", "DESIGN" + ".md")  # split, so this file does not name them itself


def test_no_file_points_outside_the_repo():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    offenders = []
    for name in tracked.split():
        path = ROOT / name
        if path.suffix in (".py", ".md", ".toml", ".cfg", ".txt", ".spec", ".iss") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            if any(mark in text for mark in OUTSIDE):
                offenders.append(name)
    assert offenders == []
