"""The snapshot's "counts" section (saved-login counts): validated on load, replayed as numbers only."""

import json

import pytest

from checks.snapshot import ReplaySystem, SnapshotError, validate_snapshot
from checks.system import ReadDenied
from tests.conftest import run_cli

GOOD = {"schema": "devicecheck-snapshot/1", "platform": "linux", "taken_at": "2026-11-25T10:30:00+00:00"}


@pytest.mark.parametrize(
    "counts", [{"/p/logins.json": {"logins": "many"}}, {"/p/logins.json": [3]}, {"/p/logins.json": {"logins": -1}}]
)
def test_bad_counts_are_one_line_exit_2(tmp_path, counts):
    path = tmp_path / "snap.json"
    path.write_text(json.dumps(dict(GOOD, counts=counts)))
    proc = run_cli("check", "--replay", str(path))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "counts" in proc.stderr and str(path) in proc.stderr


def test_counts_replay_as_numbers_and_denied():
    data = validate_snapshot(
        dict(GOOD, counts={"/a/logins.json": {"logins": 4}, "/b/logins.json": {"logins": "denied"}})
    )
    system = ReplaySystem(data)
    assert system.json_count("/a/logins.json", "logins") == 4
    assert system.json_count("/c/logins.json", "logins") is None
    with pytest.raises(ReadDenied):
        system.json_count("/b/logins.json", "logins")
    with pytest.raises(SnapshotError):
        validate_snapshot(dict(GOOD, counts={"/a": {"logins": True}}))


def test_recorded_bytes_replay_as_bytes():
    data = validate_snapshot(
        dict(GOOD, queries=[{"path": "/k/key4.db", "sql": "SELECT 1", "params": [], "rows": [[{"hex": "00ff"}, 7]]}])
    )
    assert ReplaySystem(data).sqlite_query("/k/key4.db", "SELECT 1") == [(b"\x00\xff", 7)]
