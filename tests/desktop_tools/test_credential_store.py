"""credential-store against real keyrings, each in its own `devicecheck` process and temporary home, so the
test's (and the developer's) own keyring is never touched."""

import json
import os
import subprocess
import sys

import pytest

from checks.catalogue.credential_store import kind_of
from tests.conftest import ROOT, need

CHECK = [sys.executable, "-m", "desktop", "check", "--json", "--only", "credential-store"]


def isolated_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_"))}
    env.update(
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def result_of(stdout):
    return json.loads(stdout)["results"][0]


def test_unlocked_gnome_keyring_passes_and_keeps_no_test_entry(tmp_path):
    need("dbus-run-session", "gnome-keyring-daemon", "secret-tool")
    script = (
        "printf 'test-login-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null\n"
        f"{' '.join(CHECK)} > '{tmp_path}/out.json'\n"
        'secret-tool search --all service devicecheck-roundtrip > "$1/left.txt" 2>&1\n'
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
    result = result_of((tmp_path / "out.json").read_text())
    assert result["status"] == "pass", (result, proc.stderr)
    assert result["evidence"] == {"backend": "keyring.backends.SecretService.Keyring", "roundtrip": "ok"}
    assert (tmp_path / "left.txt").read_text().strip() == ""  # the keyring holds no test entry afterwards


def test_keyring_that_cannot_unlock_gives_the_locked_sentence(tmp_path):
    need("dbus-run-session", "gnome-keyring-daemon")
    # No login password and no display: gnome-keyring must ask (a prompt) to create a keyring, and cannot.
    script = f"gnome-keyring-daemon --start --components=secrets >/dev/null\n{' '.join(CHECK)}\n"
    proc = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=isolated_env(tmp_path, DISPLAY="", WAYLAND_DISPLAY=""),
        timeout=120,
        check=False,
    )
    result = result_of(proc.stdout)
    assert result["status"] in ("fail", "unknown"), result
    assert "It may be locked" in result["detail"] or "waiting for your password" in result["detail"]
    assert result["fix"]["steps"]


def test_no_keyring_service_gives_the_no_safe_store_sentence(tmp_path):
    # Without D-Bus there is no Secret Service. keyrings.alt (a test dependency) would offer its plain-text
    # file instead, as on a machine that has it: hide it so this is a machine with no store at all.
    shadow = tmp_path / "shadow" / "keyrings"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('keyrings.alt is hidden for this test')\n")
    env = isolated_env(tmp_path, PYTHONPATH=f"{tmp_path / 'shadow'}{os.pathsep}{ROOT}")
    proc = subprocess.run(CHECK, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)
    result = result_of(proc.stdout)
    assert proc.returncode == 1
    assert result["status"] == "fail"
    assert result["detail"].startswith("There is no safe password store")
    assert result["evidence"]["backend"] == "keyring.backends.fail.Keyring"
    assert any("GNOME Keyring" in step for step in result["fix"]["steps"])


def test_plain_text_backend_fails_with_its_own_sentence(tmp_path):
    pytest.importorskip("keyrings.alt")
    env = isolated_env(tmp_path, PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    proc = subprocess.run(CHECK, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)
    result = result_of(proc.stdout)
    assert result["status"] == "fail"
    assert "ordinary file that anyone using this laptop could read" in result["detail"]
    assert result["evidence"]["backend"] == "keyrings.alt.file.PlaintextKeyring"
    assert not list(tmp_path.rglob("keyring_pass.cfg"))  # nothing was written to the plain-text file


@pytest.mark.parametrize(
    ("backend", "kind"),
    [
        ("keyring.backends.fail.Keyring", "missing"),
        ("none", "missing"),
        ("keyring.backends.null.Keyring", "missing"),
        ("keyrings.alt.file.PlaintextKeyring", "plaintext"),
        ("keyring.backends.SecretService.Keyring", "secure"),
        ("keyring.backends.kwallet.DBusKeyring", "secure"),
        ("keyring.backends.Windows.WinVaultKeyring", "secure"),
        ("keyring.backends.macOS.Keyring", "secure"),
        ("keyrings.cryptfile.cryptfile.CryptFileKeyring", "other"),
    ],
)
def test_backend_kinds(backend, kind):
    assert kind_of(backend) == kind
