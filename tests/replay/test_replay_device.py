"""Replay, as support would use it: `devicecheck snapshot` on a real GNOME settings session, then
`check --replay` gives the same verdicts; a snapshot edited by hand gives the edited state's verdicts."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import need, run_cli
from tests.session_bus import desktop_env, run_ok, session_bus

DEVICE_CHECKS = ("screen-lock", "lock-on-wake", "account-password", "autologin", "disk-encryption")


def verdicts(report: dict) -> dict[str, str]:
    return {r["id"]: r["status"] for r in report["results"] if r["id"] in DEVICE_CHECKS}


def test_snapshot_then_replay_gives_the_same_verdicts_and_an_edit_changes_them(tmp_path: Path):
    need("gsettings", "dbus-daemon")
    env = desktop_env(tmp_path / "home", "GNOME")
    with session_bus(env) as bus_env:
        run_ok(["gsettings", "set", "org.gnome.desktop.session", "idle-delay", "240"], bus_env)
        live = run_cli("check", "--json", env=bus_env)
        snap = tmp_path / "snap.json"
        made = run_cli("snapshot", "-o", str(snap), env=bus_env)
        assert made.returncode == 0, made.stderr
    live_verdicts = verdicts(json.loads(live.stdout))
    assert live_verdicts["screen-lock"] == "pass"

    replayed = run_cli("check", "--json", "--replay", str(snap))
    assert replayed.returncode in (0, 1, 3), replayed.stderr
    report = json.loads(replayed.stdout)
    assert verdicts(report) == live_verdicts
    assert report["platform"]["desktop"] == "GNOME"  # the snapshot's session, not this process's
    screen = next(r for r in report["results"] if r["id"] == "screen-lock")
    assert screen["detail"] == "Your screen locks after 4 minutes of no use."

    # Support edits the recorded answer to "never blank": the replay now fails that check, and only it.
    data = json.loads(snap.read_text())
    idle = next(c for c in data["commands"] if c["argv"][-2:] == ["org.gnome.desktop.session", "idle-delay"])
    assert idle["stdout"] == "uint32 240\n"
    idle["stdout"] = "uint32 0\n"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    proc = run_cli("check", "--json", "--replay", str(edited))
    assert proc.returncode == 1  # a required check fails
    after = verdicts(json.loads(proc.stdout))
    assert after["screen-lock"] == "fail"
    assert {k: v for k, v in after.items() if k != "screen-lock"} == {
        k: v for k, v in live_verdicts.items() if k != "screen-lock"
    }


def test_snapshot_holds_no_secret_from_the_disk_or_account_checks(tmp_path: Path):
    snap = tmp_path / "snap.json"
    assert run_cli("snapshot", "-o", str(snap)).returncode == 0
    data = json.loads(snap.read_text())
    # Only the files the probes read are kept: never the shadow file or anything under the home folder.
    assert not any(path.startswith("/etc/shadow") for path in data["files"])
    argvs = [c["argv"] for c in data["commands"]]
    assert ["passwd", "-S"] in argvs
