"""browser-passwords on real Firefox key databases made by NSS's own certutil (libnss3-tools), beside a
logins.json with entries, and a Chromium flags file forcing the basic store."""

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from checks.readers.nss_key4 import has_primary_password
from tests.conftest import check_one, need, only_result, run_cli

MARKER = "MARKER-ENCRYPTED-LOGIN-7f2e"  # stands in for an encrypted username/password: must never leave


def make_key4(folder, password=None):
    need("certutil")
    folder.mkdir(parents=True, exist_ok=True)
    if password is None:
        args = ["--empty-password"]
    else:
        pwfile = folder.parent / f"{folder.name}.pw"
        pwfile.write_text(password + "\n")
        args = ["-f", str(pwfile)]
    subprocess.run(["certutil", "-N", "-d", f"sql:{folder}", *args], check=True, capture_output=True)


def write_logins(folder, n):
    logins = [
        {
            "id": i,
            "hostname": f"https://site{i}.example",
            "encryptedUsername": MARKER,
            "encryptedPassword": MARKER,
            "encType": 1,
        }
        for i in range(n)
    ]
    (folder / "logins.json").write_text(json.dumps({"nextId": n + 1, "logins": logins, "version": 3}))


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    root = home / ".mozilla/firefox"
    open_profile, locked_profile = root / "a1.default-release", tmp_path / "work-profile"
    make_key4(open_profile)
    make_key4(locked_profile, "correct horse battery staple")
    write_logins(open_profile, 3)
    write_logins(locked_profile, 2)
    (root / "profiles.ini").write_text(
        "[Profile1]\nName=work\nIsRelative=0\nPath=" + str(locked_profile) + "\n\n"
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=a1.default-release\nDefault=1\n"
    )
    return home


def env_for(home):
    # No session bus: a snapshot's keyring round trip must never reach the developer's own keyring.
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / "data"),
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-devicecheck-test",
    }


def test_key4_password_check_on_real_nss_databases(tmp_path):
    for name, password, expected in (("empty", None, False), ("set", "s3cret", True)):
        make_key4(tmp_path / name, password)
        row = (
            sqlite3.connect(tmp_path / name / "key4.db")
            .execute("SELECT item1, item2 FROM metadata WHERE id = 'password'")
            .fetchone()
        )
        assert has_primary_password(row[0], row[1]) is expected


def test_unknown_scheme_cannot_tell():
    assert has_primary_password(b"salt", b"\x30\x03\x02\x01\x00") is None


def test_profile_without_primary_password_warns_and_names_it(home):
    proc = run_cli("check", "--json", "--only", "browser-passwords", env=env_for(home))
    assert proc.returncode == 3, proc.stderr  # recommended: a warning never fails the run (statements to confirm)
    result = only_result(proc)
    assert result["status"] == "warn"
    assert "'default-release': 3 saved passwords, no primary password" in result["detail"]
    assert result["evidence"]["protected"] == [
        "Firefox profile 'work': 2 saved passwords, protected by a primary password"
    ]
    assert "Use a Primary Password" in result["fix"]["steps"][0]
    assert MARKER not in proc.stdout


def test_snapshot_holds_the_count_but_no_login_and_replays(home, tmp_path):
    snap = tmp_path / "snap.json"
    assert run_cli("snapshot", "-o", str(snap), env=env_for(home)).returncode == 0
    text = snap.read_text()
    assert MARKER not in text
    counts = json.loads(text)["counts"]
    assert sorted(c["logins"] for c in counts.values()) == [2, 3]
    replay = run_cli("check", "--json", "--only", "browser-passwords", "--replay", str(snap))
    result = only_result(replay)
    assert result["status"] == "warn" and "default-release" in result["detail"]


def test_with_primary_password_everywhere_passes(home):
    # Only the protected profile left: remove the open one from profiles.ini.
    ini = home / ".mozilla/firefox/profiles.ini"
    ini.write_text(ini.read_text().split("[Profile0]")[0])
    result = check_one("browser-passwords", env=env_for(home))
    assert result["status"] == "pass"


def test_no_saved_logins_means_nothing_to_protect(home):
    write_logins(home / ".mozilla/firefox/a1.default-release", 0)
    result = check_one("browser-passwords", env=env_for(home))
    assert result["status"] == "pass"


def test_chromium_forced_onto_basic_store_warns(tmp_path):
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config/chromium-flags.conf").write_text("# my flags\n--password-store=basic\n")
    result = check_one("browser-passwords", env=env_for(home))
    assert result["status"] == "warn"
    # The candidate reads plain words; the file and the option are for an IT helper.
    assert "--password-store" not in result["detail"] and "~/" not in result["detail"]
    assert "outside your keyring" in result["detail"]
    assert "Found: ~/.config/chromium-flags.conf sets --password-store=basic." in result["fix"]["it_helper"]
    assert not any("--password-store=basic" in s for s in result["fix"]["steps"])
    assert any("--password-store=basic" in s for s in result["fix"]["it_helper"][1:])


def test_commented_flag_is_ignored(tmp_path):
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config/chrome-flags.conf").write_text("# --password-store=basic\n")
    result = check_one("browser-passwords", env=env_for(home))
    assert result["status"] == "pass"


def test_running_chromium_with_basic_store_warns(tmp_path):
    # A harmless real process named like the browser (a copy of this Python, sleeping) with the real flag.
    exe = tmp_path / "chromium"
    shutil.copy(sys.executable, exe)
    browser = subprocess.Popen([str(exe), "-c", "import time; time.sleep(60)", "--password-store=basic"])
    try:
        home = tmp_path / "home"
        home.mkdir()
        result = check_one("browser-passwords", env=env_for(home))
    finally:
        browser.kill()
        browser.wait()
    assert result["status"] == "warn"
    assert "outside your keyring" in result["detail"]
    assert "Found: Chromium is running with --password-store=basic." in result["fix"]["it_helper"]
