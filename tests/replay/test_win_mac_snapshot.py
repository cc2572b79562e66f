"""`devicecheck snapshot` on Windows and macOS: the recorder is the same door, so what a probe reads there
is what a replay answers later. Here the "machine" is a recorded Windows or macOS snapshot: recording
every check's reads through RecordingSystem and replaying the result must give the same answers."""

from __future__ import annotations

import json

import pytest

from checks.engine import Engine
from checks.profile import load_profile
from checks.settings import UserSettings
from checks.snapshot import RecordingSystem, ReplaySystem, load_snapshot, validate_snapshot
from tests.conftest import FIXTURES

SNAPSHOTS = sorted((FIXTURES / "windows").glob("*.json")) + sorted((FIXTURES / "darwin").glob("*.json"))


def outcomes(system) -> list[tuple[str, str, str]]:
    results = Engine(system, load_profile(), UserSettings(opt_in={"social-sites": True})).run()
    return [(r.id, r.status.value, r.detail) for r in results]


@pytest.mark.parametrize("path", SNAPSHOTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_recording_a_windows_or_mac_machine_replays_the_same(path):
    machine = load_snapshot(str(path))
    recorder = RecordingSystem(machine)
    first = outcomes(recorder)
    recorded = json.loads(json.dumps(recorder.snapshot()))  # as written to disk
    assert recorded["platform"] == machine.platform
    second = outcomes(ReplaySystem(validate_snapshot(recorded, "recorded"), "recorded"))
    assert second == first


@pytest.mark.parametrize("path", SNAPSHOTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_names_its_source_and_loads(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data.get("_source"), f"{path.name} must say where its output was seen"
    load_snapshot(str(path))  # the extra key is tolerated


def test_a_windows_snapshot_never_holds_the_autologin_password():
    data = json.loads((FIXTURES / "windows" / "fail-en.json").read_text(encoding="utf-8"))
    recorder = RecordingSystem(ReplaySystem(data))
    outcomes(recorder)
    text = json.dumps(recorder.snapshot()).lower()
    assert "defaultpassword" not in text


@pytest.mark.parametrize("path", sorted((FIXTURES / "windows").glob("*.json")), ids=lambda p: p.name)
def test_a_windows_run_starts_powershell_at_most_once(path):
    # A cold PowerShell start takes seconds on a laptop: every question goes into the one shared run.
    recorder = RecordingSystem(load_snapshot(str(path)))
    outcomes(recorder)
    started = [c["argv"] for c in recorder.snapshot()["commands"] if c["argv"][0].lower().startswith("powershell")]
    assert len(started) <= 1, started
    stored = json.loads(path.read_text(encoding="utf-8"))["commands"]
    assert sum(c["argv"][0].lower().startswith("powershell") for c in stored) <= 1
