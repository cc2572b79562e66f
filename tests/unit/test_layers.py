"""The engine stays pure: nothing in checks/ imports Qt or the desktop face, whether by a plain import, a
late import inside a function, or importlib at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

FACE = ("PySide6", "shiboken6", "desktop")


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_module_of_checks_names_qt_or_desktop():
    offenders = {
        str(path.relative_to(ROOT)): sorted(n for n in imported_names(path) if n.split(".")[0] in FACE)
        for path in sorted((ROOT / "checks").rglob("*.py"))
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_every_module_of_checks_loads_no_qt():
    """Catches what the source scan cannot: an import made by a library or by name at run time."""
    code = (
        "import pkgutil, importlib, sys, checks\n"
        "for m in pkgutil.walk_packages(checks.__path__, 'checks.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'desktop')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
