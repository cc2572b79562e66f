"""Every probe reads the machine only through the System door, so a snapshot replays it on any OS (and
`devicecheck snapshot` records everything a Windows or macOS probe reads). Checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PROBES = sorted((Path(__file__).resolve().parents[2] / "checks" / "probes").glob("*.py"))
FORBIDDEN_MODULES = {"subprocess", "os", "winreg", "psutil", "sqlite3", "shutil", "socket", "urllib.request", "ctypes"}


@pytest.mark.parametrize("path", PROBES, ids=lambda p: p.name)
def test_a_probe_touches_the_os_only_through_the_door(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            bad = {a.name for a in node.names} & FORBIDDEN_MODULES
            assert not bad, f"{path.name}:{node.lineno} imports {bad}"
        elif isinstance(node, ast.ImportFrom):
            assert node.module not in FORBIDDEN_MODULES, f"{path.name}:{node.lineno} imports from {node.module}"
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                assert func.id != "open", f"{path.name}:{node.lineno} opens a file itself"
            if isinstance(func, ast.Attribute) and func.attr in ("now", "today", "utcnow"):
                assert not (isinstance(func.value, ast.Name) and func.value.id in ("datetime", "date")), (
                    f"{path.name}:{node.lineno} reads the clock itself"
                )
