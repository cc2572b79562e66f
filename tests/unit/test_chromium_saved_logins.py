"""browser-passwords on Chromium-family `Login Data` files built with Chromium's own schema
(tests/fixtures/chromium_login_data_schema.sql): saved passwords on the fixed key ("v10", the basic store)
are counted, never decrypted, and warned about by browser and profile; the keyring's ("v11") are not."""

import json
import os
import sqlite3
import time

from checks.catalogue.browser_passwords import FIXES
from tests.conftest import FIXTURES, check_one, only_result, run_cli

SECRET = b"SECRET-CIPHERTEXT-3f9a"  # stands in for the encrypted bytes after the prefix: must never leave


def env_for(home):
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / "data"),
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-devicecheck-test",
    }


def login_data(profile, fixed_key=0, keyring=0, never_save=0):
    profile.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(profile / "Login Data")
    db.executescript((FIXTURES / "chromium_login_data_schema.sql").read_text())
    rows = [(b"v10" + SECRET, 0)] * fixed_key + [(b"v11" + SECRET, 0)] * keyring + [(b"", 1)] * never_save
    for i, (value, never) in enumerate(rows):
        db.execute(
            "INSERT INTO logins (origin_url, username_value, password_value, signon_realm, date_created,"
            " blacklisted_by_user, scheme) VALUES (?, ?, ?, ?, 13380000000000000, ?, 0)",
            (f"https://site{i}.example/", f"teacher{i}", value, f"https://site{i}.example/", never),
        )
    db.commit()
    db.close()


def test_fixed_key_logins_warn_naming_browser_profile_and_count(tmp_path):
    home = tmp_path / "home"
    login_data(home / ".config/google-chrome/Default", fixed_key=5, never_save=2)
    login_data(home / ".config/google-chrome/Profile 1", keyring=3)
    login_data(home / ".config/BraveSoftware/Brave-Browser/Default", fixed_key=1, keyring=1)
    proc = run_cli("check", "--json", "--only", "browser-passwords", env=env_for(home))
    assert proc.returncode == 3, proc.stderr  # recommended: a warning never fails the run (statements to confirm)
    result = only_result(proc)
    assert result["status"] == "warn"
    assert "Chrome profile 'Default': 5 saved passwords kept with the browser's fixed key" in result["detail"]
    assert "Brave profile 'Default': 1 saved password kept with the browser's fixed key" in result["detail"]
    assert "Profile 1" not in result["detail"]
    assert "Chrome profile 'Profile 1': 3 saved passwords, protected by your keyring" in result["evidence"]["protected"]
    assert result["fix"]["steps"][:-1] == list(FIXES["linux/chromium-basic"].steps[:-1])
    assert SECRET.decode() not in proc.stdout + proc.stderr


def test_keyring_logins_and_never_save_rows_pass(tmp_path):
    home = tmp_path / "home"
    login_data(home / ".config/chromium/Default", keyring=4, never_save=3)
    result = check_one("browser-passwords", env=env_for(home))
    assert result["status"] == "pass"
    assert result["evidence"]["protected"] == [
        "Chromium profile 'Default': 4 saved passwords, protected by your keyring"
    ]


def test_snapshot_holds_only_the_counts_and_replays(tmp_path):
    home = tmp_path / "home"
    login_data(home / ".config/microsoft-edge/Default", fixed_key=2)
    snap = tmp_path / "snap.json"
    assert run_cli("snapshot", "-o", str(snap), env=env_for(home)).returncode == 0
    text = snap.read_text()
    assert SECRET.decode() not in text and "teacher0" not in text and "site0" not in text
    rows = [q["rows"] for q in json.loads(text)["queries"] if q["path"].endswith("Login Data")]
    assert rows == [[[2, 0]]]
    replay = only_result(run_cli("check", "--json", "--only", "browser-passwords", "--replay", str(snap)))
    assert replay["status"] == "warn" and "Edge profile 'Default': 2 saved passwords" in replay["detail"]


def test_login_data_as_a_fifo_cannot_tell_and_names_it_quickly(tmp_path):
    home = tmp_path / "home"
    profile = home / ".config/google-chrome/Default"
    profile.mkdir(parents=True)
    os.mkfifo(profile / "Login Data")
    started = time.monotonic()
    result = check_one("browser-passwords", env=env_for(home))
    assert time.monotonic() - started < 20  # the run itself: interpreter start-up dominates
    assert result["status"] == "unknown"
    assert "Chrome profile 'Default': its saved passwords file could not be read" in result["detail"]
    assert "pipe" in result["detail"]


def test_damaged_login_data_cannot_tell(tmp_path):
    home = tmp_path / "home"
    profile = home / ".config/chromium/Default"
    profile.mkdir(parents=True)
    (profile / "Login Data").write_bytes(b"SQLite format 3\x00" + b"\xff" * 300)
    result = check_one("browser-passwords", env=env_for(home))
    assert result["status"] == "unknown"
    assert "Chromium profile 'Default'" in result["detail"]
