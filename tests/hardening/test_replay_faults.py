"""Faults in recorded Windows and macOS output (the replay snapshots in tests/fixtures/windows and
tests/fixtures/darwin, built from public sources): each command in turn times out, exits 3, prints random
bytes, prints nothing or is missing. A check may then only keep the answer it gave on the intact snapshot
or become unknown/error: a fault must never turn into a different pass or fail."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest

from checks.engine import Engine, RunOptions
from checks.profile import load_profile
from checks.settings import UserSettings
from checks.snapshot import ReplaySystem, validate_snapshot
from tests.conftest import FIXTURES

SNAPSHOTS = sorted(
    p
    for os_name in ("windows", "darwin")
    for p in (FIXTURES / os_name).glob("*.json")
    if json.loads(p.read_text(encoding="utf-8")).get("commands")
)  # unknown.json: nothing answered
MODES = ("timed_out", "exit3", "garbage", "empty", "missing")
SETTINGS = UserSettings(opt_in={"social-sites": True})


def statuses(data: dict[str, Any]) -> dict[str, str]:
    system = ReplaySystem(validate_snapshot(data))
    return {r.id: r.status.value for r in Engine(system, load_profile(), SETTINGS).run(RunOptions(deadline=10))}


def broken(data: dict[str, Any], index: int, mode: str, rng: random.Random) -> dict[str, Any]:
    out = copy.deepcopy(data)
    entry = out["commands"][index]
    if mode == "missing":
        del out["commands"][index]
    elif mode == "timed_out":
        entry.update(returncode=-1, stdout="", stderr="", timed_out=True)
    elif mode == "exit3":
        entry.update(returncode=3, stdout="", stderr="something broke")
    elif mode == "garbage":  # the exit code as recorded: some commands answer by it alone (a key set or not)
        entry.update(stdout=bytes(rng.randrange(256) for _ in range(400)).decode("latin-1"))
    else:
        entry.update(stdout="")
    return out


@pytest.mark.parametrize("snapshot", SNAPSHOTS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_a_fault_in_recorded_output_never_changes_an_answer(snapshot: Path) -> None:
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    baseline = statuses(data)
    rng = random.Random(8)
    changed = 0
    for index, entry in enumerate(data["commands"]):
        for mode in MODES:
            after = statuses(broken(data, index, mode, rng))
            for cid, status in after.items():
                if status != baseline[cid]:
                    changed += 1
                    assert status in ("unknown", "error"), (
                        f"{' '.join(entry['argv'])} {mode}: {cid} went from {baseline[cid]} to {status}"
                    )
    device = ("screen-lock", "lock-on-wake", "autologin", "disk-encryption", "account-password")  # read by commands
    if any(baseline[cid] in ("pass", "fail", "warn") for cid in device):
        assert changed, "no fault changed any answer: the faults did not reach the probes"
