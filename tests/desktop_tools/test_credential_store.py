"""credential-store against a real gnome-keyring, each in its own `dbus-run-session` and temporary home, so the
test's (and the developer's) own keyring is never touched. `dbus-monitor` watches every call the check makes:
it must never ask to create an item or a collection, to unlock, or for a prompt; nor may it start a keyring
daemon that was not running (this machine has gnome-keyring installed as a D-Bus activatable service)."""

import json
import os
import subprocess
import sys

import pytest

from checks.catalogue.credential_store import kind_of
from tests.conftest import ROOT, need

CHECK = [sys.executable, "-m", "desktop", "check", "--json", "--only", "credential-store"]
FORBIDDEN = ("member=CreateItem", "member=CreateCollection", "member=Unlock", "member=Prompt")
LOCK_LOGIN = (
    "dbus-send --session --dest=org.freedesktop.secrets --print-reply /org/freedesktop/secrets "
    "org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null\n"
)


def isolated_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_"))}
    env.update(
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
        DISPLAY="",
        WAYLAND_DISPLAY="",
    )
    env.update(extra)
    return env


def watched_check(tmp_path, set_up: str) -> tuple[dict, str, str]:
    """Run `set_up`, then the check with dbus-monitor watching; returns (result, monitor log, entries after)."""
    need("dbus-run-session", "dbus-monitor", "gnome-keyring-daemon", "secret-tool")
    script = (
        set_up + 'dbus-monitor --session > "$1/monitor.txt" 2>&1 &\n'
        "MONITOR=$!\n"
        'while [ ! -s "$1/monitor.txt" ]; do sleep 0.05; done\n'  # it prints its own NameAcquired when ready
        f'{" ".join(CHECK)} > "$1/out.json"\n'
        "sleep 0.2\n"
        'kill "$MONITOR"\n'
        "dbus-send --session --dest=org.freedesktop.DBus --print-reply /org/freedesktop/DBus "
        'org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets > "$1/owner.txt"\n'
        'secret-tool search --all service devicecheck-roundtrip > "$1/after.txt" 2>&1\n'
        'secret-tool search --all service example.org > "$1/mine.txt" 2>&1\n'
    )
    proc = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script, "sh", str(tmp_path)],
        cwd=ROOT,
        env=isolated_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (tmp_path / "out.json").stat().st_size, proc.stderr
    result = json.loads((tmp_path / "out.json").read_text())["results"][0]
    monitor = (tmp_path / "monitor.txt").read_text()
    assert "member=NameHasOwner" in monitor, "dbus-monitor saw nothing: the test would prove nothing"
    for call in FORBIDDEN:
        assert call not in monitor, f"the check sent {call}"
    assert "member=StartServiceByName" not in monitor
    return result, (tmp_path / "owner.txt").read_text(), (tmp_path / "after.txt").read_text()


def test_unlocked_keyring_passes_and_the_old_test_entry_is_removed(tmp_path):
    result, owner, after = watched_check(
        tmp_path,
        "printf 'test-login-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null\n"
        # What 0.1.0 left behind when it was stopped part-way through its round trip.
        "printf 'x' | secret-tool store --label=left service devicecheck-roundtrip username probe-1a2b3c4d\n"
        "printf 'keep' | secret-tool store --label=mine service example.org username sam\n"
        'secret-tool search --all service devicecheck-roundtrip > "$1/before.txt" 2>&1\n',
    )
    assert result["status"] == "pass", result
    assert result["evidence"] == {"store": "secret-service", "state": "unlocked", "removed_test_entries": 1}
    assert "removed 1 test entry" in result["detail"]
    assert "devicecheck-roundtrip" in (tmp_path / "before.txt").read_text()  # it was there to remove
    assert after.strip() == ""
    assert "example.org" in (tmp_path / "mine.txt").read_text()  # the candidate's own entry is untouched


def test_locked_keyring_fails_with_unlock_steps_and_stays_locked(tmp_path):
    result, _owner, after = watched_check(
        tmp_path,
        "printf 'test-login-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null\n"
        "printf 'x' | secret-tool store --label=left service devicecheck-roundtrip username probe-1a2b3c4d\n"
        + LOCK_LOGIN,
    )
    assert result["status"] == "fail", result
    assert result["evidence"] == {"store": "secret-service", "state": "locked"}
    assert "locked" in result["detail"]
    assert any("choose 'Unlock'" in step for step in result["fix"]["steps"])
    assert "Keychain" not in " ".join(result["fix"]["steps"])  # a Linux user is never sent to a Mac's app


def test_keyring_without_a_default_collection_fails_without_making_one(tmp_path):
    # Started with no login password: there is no login keyring, and 0.1.0 made gnome-keyring ask for one.
    result, _owner, _after = watched_check(tmp_path, "gnome-keyring-daemon --start --components=secrets >/dev/null\n")
    assert result["status"] == "fail", result
    assert result["evidence"] == {"store": "secret-service", "state": "no-default"}
    assert result["fix"]["steps"] and "Set as default" in " ".join(result["fix"]["steps"])


def test_no_keyring_running_fails_and_none_is_started(tmp_path):
    result, owner, _after = watched_check(tmp_path, "")
    assert result["status"] == "fail", result
    assert result["evidence"] == {"store": "none", "state": "no-service"}
    assert any("'Passwords and Keys'" in step for step in result["fix"]["steps"])
    assert any("gnome-keyring" in line for line in result["fix"]["it_helper"])
    assert "boolean false" in owner, "the check started the keyring daemon"


def test_no_session_bus_is_cant_tell_not_a_failure(tmp_path):
    proc = subprocess.run(
        CHECK, cwd=ROOT, env=isolated_env(tmp_path), capture_output=True, text=True, timeout=60, check=False
    )
    result = json.loads(proc.stdout)["results"][0]
    assert result["status"] == "unknown", result
    assert result["evidence"] == {"store": "none", "state": "no-bus"}
    assert "no desktop session" in result["detail"]
    assert proc.returncode == 3  # incomplete, not "to fix"


def test_plain_text_keyring_setting_fails_with_its_own_sentence(tmp_path):
    env = isolated_env(tmp_path, PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    proc = subprocess.run(CHECK, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)
    result = json.loads(proc.stdout)["results"][0]
    assert result["status"] == "fail"
    assert "ordinary file that anyone using this laptop could read" in result["detail"]
    assert result["evidence"]["keyring_setting"] == "keyrings.alt.file.PlaintextKeyring"
    assert not list(tmp_path.rglob("keyring_pass.cfg"))  # nothing was written to the plain-text file


@pytest.mark.parametrize(
    ("backend", "kind"),
    [
        ("keyring.backends.fail.Keyring", "missing"),
        ("none", "missing"),
        ("keyring.backends.null.Keyring", "missing"),
        ("keyrings.alt.file.PlaintextKeyring", "plaintext"),
        ("secret-service", "secure"),
        ("kwallet", "secure"),
        ("keyring.backends.Windows.WinVaultKeyring", "secure"),
        ("keyring.backends.macOS.Keyring", "secure"),
        ("keyrings.cryptfile.cryptfile.CryptFileKeyring", "other"),
    ],
)
def test_backend_kinds(backend, kind):
    assert kind_of(backend) == kind
