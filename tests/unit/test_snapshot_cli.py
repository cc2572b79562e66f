"""Snapshots and the command line, run as a user would (a fresh `devicecheck` process)."""

import json

import pytest

from tests.conftest import run_cli

GOOD = {"schema": "devicecheck-snapshot/1", "platform": "linux", "taken_at": "2026-11-25T10:30:00+00:00"}


def test_version():
    from checks import __version__

    proc = run_cli("--version")
    assert proc.returncode == 0 and __version__ in proc.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"schema": "devicecheck-snapshot/1", "platform": "li', "not valid JSON"),
        (json.dumps(dict(GOOD, schema="other/9")), "key 'schema' must be"),
        (json.dumps(dict(GOOD, platform="amiga")), "key 'platform' must be one of"),
        (json.dumps(dict(GOOD, taken_at="yesterday")), "key 'taken_at'"),
        (json.dumps(dict(GOOD, commands=[{"argv": "gsettings"}])), "commands[0]"),
        ("[1, 2]", "must be a JSON object"),
    ],
)
def test_bad_snapshot_is_one_line_exit_2(tmp_path, content, expected):
    path = tmp_path / "snap.json"
    path.write_text(content)
    proc = run_cli("check", "--replay", str(path))
    assert proc.returncode == 2, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0] and expected in lines[0]


def test_bad_usage_is_exit_2(tmp_path):
    path = tmp_path / "snap.json"
    path.write_text(json.dumps(GOOD))
    for args in (["check", "--only", "nope"], ["check", "--replay", str(path), "--at", "soon"], ["frobnicate"]):
        proc = run_cli(*args)
        assert proc.returncode == 2, args
        assert "Traceback" not in proc.stderr


def test_at_is_read_in_the_snapshots_local_time(tmp_path):
    path = tmp_path / "snap.json"
    path.write_text(json.dumps(dict(GOOD, taken_at="2026-11-25T10:30:00+01:00")))
    proc = run_cli("check", "--json", "--replay", str(path), "--at", "2026-11-25T07:30")
    report = json.loads(proc.stdout)
    assert report["checked_at"] == "2026-11-25T07:30:00+01:00"
    assert report["run"]["at_overridden"] is True and report["run"]["live"] is False
    assert report["school_hours"]["in_session"] is False
    proc = run_cli("check", "--json", "--replay", str(path), "--at", "2026-11-25T09:00")
    assert json.loads(proc.stdout)["school_hours"]["in_session"] is True
