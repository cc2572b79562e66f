"""plaintext-passwords: names only, never contents: a password list whose content holds a unique marker
must not leak that marker into the text output, the JSON report or a snapshot."""

import pytest

from checks.readers.password_file_names import classify
from tests.conftest import check_one, only_result, run_cli

MARKER = "UNIQUE-CONTENT-MARKER-3b9e5a"


@pytest.mark.parametrize(
    "name",
    [
        "passwords.txt",
        "pw.txt",
        "my-passwords.xlsx",
        "MyPasswords.docx",
        "passwordlist.csv",
        "Passwort.rtf",
        "mot de passe.odt",
        "motdepasse.txt",
        "contraseñas.xlsx",
        "Logins.csv",
        "work_pwd.md",
        "creds.json",
        "credentials.numbers",
        "Kennwörter.ods",
        "bitwarden_export_20250101120000.json",
        "vault-backup.1pux",
    ],
)
def test_names_that_look_like_password_lists(name):
    assert classify(name).looks_like_list


@pytest.mark.parametrize(
    "name",
    [
        "pwa-notes.txt",
        "compass.txt",
        "passport.docx",
        "login-help.docx",
        "bus pass.docx",
        "Passwords.kdbx",
        "passwords.jpg",
        "report.docx",
        "surpass.txt",
    ],
)
def test_names_that_do_not(name):
    assert not classify(name).looks_like_list


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    (home / "Desktop/old/deeper").mkdir(parents=True)
    (home / "Documents").mkdir()
    (home / "Downloads").mkdir()
    (home / "Desktop/old/my-passwords.txt").write_text(f"bank: {MARKER}\n")
    (home / "Documents/Passwords.kdbx").write_text(MARKER)  # an encrypted database: fine
    (home / "Downloads/pwa-notes.txt").write_text(MARKER)
    return home


def env_for(home):
    # No session bus: a snapshot's keyring round trip must never reach the developer's own keyring.
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / "data"),
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-devicecheck-test",
    }


def test_password_list_is_reported_by_path_and_its_content_never_leaks(home, tmp_path):
    text = run_cli("check", "--only", "plaintext-passwords", env=env_for(home))
    js = run_cli("check", "--json", "--only", "plaintext-passwords", env=env_for(home))
    snap = tmp_path / "snap.json"
    assert run_cli("snapshot", "-o", str(snap), env=env_for(home)).returncode == 0
    result = only_result(js)
    assert result["status"] == "warn"
    assert result["evidence"]["paths"] == ["~/Desktop/old/my-passwords.txt"]
    assert "~/Desktop/old/my-passwords.txt" in text.stdout
    for output in (text.stdout, text.stderr, js.stdout, snap.read_text()):
        assert MARKER not in output


def test_xdg_user_dirs_are_followed(tmp_path):
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / "Dokumente").mkdir()
    (home / "Dokumente/Passwörter.xlsx").write_text(MARKER)
    (home / ".config/user-dirs.dirs").write_text(
        '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/Schreibtisch"\n'
        'XDG_DOCUMENTS_DIR="$HOME/Dokumente"\nXDG_DOWNLOAD_DIR="$HOME"\n'
    )
    result = check_one("plaintext-passwords", env=env_for(home))
    assert result["evidence"]["paths"] == ["~/Dokumente/Passwörter.xlsx"]
    assert result["evidence"]["folders"] == ["~/Schreibtisch", "~/Dokumente"]  # never the whole home


def test_depth_and_count_bounds(tmp_path):
    home = tmp_path / "home"
    deep = home / "Documents/a/b/c/d"
    deep.mkdir(parents=True)
    (deep / "passwords.txt").write_text(MARKER)  # four folders down: beyond the bound
    (home / "Documents/a/b/c/logins.csv").write_text(MARKER)  # three down: found
    result = check_one("plaintext-passwords", env=env_for(home))
    assert result["evidence"]["paths"] == ["~/Documents/a/b/c/logins.csv"]


def test_clean_folders_pass(tmp_path):
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    (home / "Desktop/notes.txt").write_text("hello")
    result = check_one("plaintext-passwords", env=env_for(home))
    assert result["status"] == "pass"
    assert "Desktop" in result["detail"]
