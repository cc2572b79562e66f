"""Secrets never leave: a laptop (temporary home) holding a password list, saved Firefox logins and
browsing history, each with a unique marker, is checked and snapshotted; the markers appear in no output
(text, JSON, PDF, snapshot). A Windows snapshot with Winlogon's DefaultPassword likewise, and the door refuses
to read that value at all. The keyring round trip leaves only the backend and the outcome.

Each case first proves the check really looked at the thing (it found the file, the logins, the visit),
so "no marker" cannot pass by the check not running."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks.live import LiveSystem
from checks.snapshot import ReplaySystem
from tests.conftest import ROOT, need, run_cli
from tests.unit.test_browser_passwords import make_key4
from tests.unit.test_social_sites import local, make_chromium_history, make_firefox_places

FILE_MARKER = "FILE-CONTENT-MARKER-91c3"
LOGIN_MARKER = "SAVED-LOGIN-MARKER-5be0"
URL_MARKER = "URL-PATH-MARKER-07d4"
QUERY_MARKER = "QUERYMARKER3e1a"
WINLOGON_MARKER = "WINLOGON-DEFAULTPASSWORD-MARKER-c0de"
AT = "2026-11-25T15:00:00+01:00"  # a Wednesday in school hours: the history check looks at today
WINLOGON = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"


def laptop(tmp_path: Path) -> tuple[Path, Path]:
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    (home / "Desktop" / "passwords.txt").write_text(f"bank: {FILE_MARKER}\nemail: {FILE_MARKER}\n")
    firefox = home / ".mozilla/firefox/a1.default-release"
    make_key4(firefox)  # no primary password: the saved logins are unprotected, so the check looks at them
    logins = [
        {
            "id": 1,
            "hostname": f"https://{LOGIN_MARKER}.example",
            "encryptedUsername": LOGIN_MARKER,
            "encryptedPassword": LOGIN_MARKER,
            "encType": 1,
        }
    ]
    (firefox / "logins.json").write_text(json.dumps({"nextId": 2, "logins": logins, "version": 3}))
    (home / ".mozilla/firefox/profiles.ini").write_text(
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=a1.default-release\nDefault=1\n"
    )
    url = f"https://www.facebook.com/{URL_MARKER}?q={QUERY_MARKER}"
    make_firefox_places(firefox / "places.sqlite", [(url, local(10, 15))])
    make_chromium_history(home / ".config/google-chrome/Default/History", [(url, local(11, 0))])
    profile = tmp_path / "agency.toml"
    profile.write_text("[checks.social-sites]\nenabled = true\n")
    return home, profile


def env_for(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / "data"),
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-devicecheck-test",
    }


def assert_no_marker(text: str, where: str) -> None:
    for marker in (FILE_MARKER, LOGIN_MARKER, URL_MARKER, QUERY_MARKER, WINLOGON_MARKER):
        assert marker not in text, f"{marker} leaked into {where}"


def test_no_output_holds_a_file_content_login_or_url(tmp_path: Path) -> None:
    home, profile = laptop(tmp_path)
    env = env_for(home)
    as_json = run_cli("check", "--json", "--profile", str(profile), "--at", AT, env=env)
    report = json.loads(as_json.stdout)
    results = {r["id"]: r for r in report["results"]}
    # The checks really looked: the list, the unprotected logins and the visit were all found.
    assert results["plaintext-passwords"]["status"] == "warn", results["plaintext-passwords"]
    assert "passwords.txt" in json.dumps(results["plaintext-passwords"])
    assert results["browser-passwords"]["status"] == "warn", results["browser-passwords"]
    assert results["social-sites"]["status"] == "fail", results["social-sites"]
    assert "facebook.com" in json.dumps(results["social-sites"])
    as_text = run_cli("check", "--profile", str(profile), "--at", AT, env=env)
    snapshot = run_cli("snapshot", "--profile", str(profile), env=env)
    assert snapshot.returncode == 0, snapshot.stderr
    json.loads(snapshot.stdout)
    for name, proc in (("check --json", as_json), ("check", as_text), ("snapshot", snapshot)):
        assert_no_marker(proc.stdout, f"{name} output")
        assert_no_marker(proc.stderr, f"{name} messages")
    # The PDF report, as the consultant would read it.
    need("pdftotext")
    pdf = tmp_path / "report.pdf"
    as_pdf = run_cli(
        "check", "--pdf", str(pdf), "--profile", str(profile), "--at", AT, env=dict(env, QT_QPA_PLATFORM="offscreen")
    )
    assert pdf.exists(), as_pdf.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "facebook.com" in text and "passwords.txt" in text  # the findings are in it
    assert_no_marker(text, "the PDF report")


def windows_snapshot(tmp_path: Path) -> Path:
    data = {
        "schema": "devicecheck-snapshot/1",
        "platform": "windows",
        "taken_at": "2026-11-25T10:30:00+00:00",
        "user": "sam",
        "home": "C:\\Users\\sam",
        "registry": {WINLOGON: {"AutoAdminLogon": "1", "DefaultUserName": "sam", "DefaultPassword": WINLOGON_MARKER}},
    }
    path = tmp_path / "windows.json"
    path.write_text(json.dumps(data))
    return path


def test_winlogon_default_password_is_never_read_or_shown(tmp_path: Path) -> None:
    snap = windows_snapshot(tmp_path)
    for args in (["--json"], []):
        proc = run_cli("check", "--replay", str(snap), *args)
        assert proc.returncode in (0, 1, 3), proc.stderr
        assert_no_marker(proc.stdout + proc.stderr, "a Windows check")
    replay = ReplaySystem(json.loads(snap.read_text()))
    for name in ("DefaultPassword", "defaultpassword", "AltDefaultPassword"):
        for system in (replay, LiveSystem()):
            with pytest.raises(ValueError, match="refusing"):
                system.registry_values(WINLOGON, ["AutoAdminLogon", name])
    assert replay.registry_values(WINLOGON, ["AutoAdminLogon", "DefaultUserName"]) == {
        "AutoAdminLogon": "1",
        "DefaultUserName": "sam",
    }


def test_a_snapshot_recorded_from_a_windows_replay_holds_no_default_password(tmp_path: Path) -> None:
    """Recording what the Windows probes read (once they exist, whatever they read) never copies it."""
    from checks.engine import Engine
    from checks.profile import load_profile
    from checks.settings import UserSettings
    from checks.snapshot import RecordingSystem, load_snapshot

    recorder = RecordingSystem(load_snapshot(str(windows_snapshot(tmp_path))))
    Engine(recorder, load_profile(), UserSettings(opt_in={"social-sites": True})).run()
    assert_no_marker(json.dumps(recorder.snapshot()), "the recorded snapshot")


def test_snapshot_keeps_only_the_password_stores_name_and_state(tmp_path: Path) -> None:
    need("dbus-run-session", "gnome-keyring-daemon", "secret-tool")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_"))}
    env.update(
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    script = (
        "printf 'test-login-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null\n"
        f"'{sys.executable}' -m desktop snapshot -o \"$1/snap.json\"\n"
        'secret-tool search --all service devicecheck-roundtrip > "$1/left.txt" 2>&1\n'
    )
    proc = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script, "sh", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    snap = json.loads((tmp_path / "snap.json").read_text())
    assert snap["keyring"] == {"backend": "secret-service", "state": "unlocked", "removed": 0}, proc.stderr
    assert (tmp_path / "left.txt").read_text().strip() == ""  # nothing was stored in the keyring
