"""plaintext-passwords passes only on what it read: real folders, as an ordinary user made for the test,
with a crowded Desktop, an unreadable Documents, symlink loops, FIFOs, a link to /dev/zero and a name
saved in Latin-1 bytes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checks.readers.password_file_names import MAX_ENTRIES, classify
from tests.hardening.ordinary_user import OrdinaryUser

CHECK = "plaintext-passwords"


def folders(home: Path) -> tuple[Path, Path, Path]:
    made = tuple(home / n for n in ("Desktop", "Documents", "Downloads"))
    for folder in made:
        folder.mkdir(exist_ok=True)
    return made  # type: ignore[return-value]


def fill(folder: Path, count: int) -> None:
    """`count` empty files, made without Python objects per file so 100,000 take a second or two."""
    for i in range(count):
        os.close(os.open(folder / f"photo-{i:06d}.jpg", os.O_CREAT | os.O_WRONLY, 0o644))


def outcome(user: OrdinaryUser) -> dict[str, object]:
    proc = user.run_cli("check", "--json", "--only", CHECK)
    assert proc.returncode in (0, 1, 3), proc.stderr
    return next(r for r in json.loads(proc.stdout)["results"] if r["id"] == CHECK)


def test_crowded_desktop_never_hides_a_list_in_documents(ordinary_user: OrdinaryUser) -> None:
    desktop, documents, _ = folders(ordinary_user.home)
    fill(desktop, 5001)
    (documents / "passwords.txt").write_text("x")
    ordinary_user.own(ordinary_user.home)
    row = outcome(ordinary_user)
    assert row["status"] == "warn", row  # recommended: a failure shows as advice
    assert "~/Documents/passwords.txt" in str(row["detail"])


def test_a_folder_over_budget_is_cant_tell_naming_it(ordinary_user: OrdinaryUser) -> None:
    desktop, _documents, _ = folders(ordinary_user.home)
    fill(desktop, MAX_ENTRIES + 1)
    ordinary_user.own(ordinary_user.home)
    row = outcome(ordinary_user)
    assert row["status"] == "unknown", row
    assert "~/Desktop" in str(row["detail"]) and "100,000" in str(row["detail"])


def test_a_found_list_wins_over_a_folder_over_budget(ordinary_user: OrdinaryUser) -> None:
    desktop, _documents, downloads = folders(ordinary_user.home)
    fill(desktop, MAX_ENTRIES + 1)
    (downloads / "bitwarden_export_20260101.csv").write_text("x")
    ordinary_user.own(ordinary_user.home)
    row = outcome(ordinary_user)
    assert row["status"] == "warn", row
    assert "bitwarden_export" in str(row["detail"])
    assert any("~/Desktop" in n for n in row["evidence"]["not_read"])  # type: ignore[index]


@pytest.mark.parametrize("with_list", [False, True])
def test_unreadable_documents(with_list: bool, ordinary_user: OrdinaryUser) -> None:
    desktop, documents, _ = folders(ordinary_user.home)
    (documents / "sub").mkdir()
    (documents / "sub" / "passwords.txt").write_text("x")  # hidden from the user by the chmod below
    if with_list:
        (desktop / "Kennwort-Liste.docx").write_text("x")
    ordinary_user.own(ordinary_user.home)
    documents.chmod(0o000)
    try:
        row = outcome(ordinary_user)
    finally:
        documents.chmod(0o755)
    if with_list:
        assert row["status"] == "warn" and "Kennwort-Liste.docx" in str(row["detail"]), row
    else:
        assert row["status"] == "unknown", row
        assert "~/Documents" in str(row["detail"]) and "not allowed" in str(row["detail"])


def test_symlink_loops_are_not_followed_and_special_files_are_not_files(ordinary_user: OrdinaryUser) -> None:
    desktop, documents, _ = folders(ordinary_user.home)
    (documents / "up").symlink_to(documents)  # a loop back to itself
    (documents / "a").mkdir()
    (documents / "a" / "back").symlink_to(documents / "a")
    (documents / "self").symlink_to(documents / "self")  # a link that points at itself
    os.mkfifo(desktop / "passwords.txt")
    (desktop / "passwords.csv").symlink_to("/dev/zero")
    ordinary_user.own(ordinary_user.home)
    row = outcome(ordinary_user)
    assert row["status"] == "pass", row


def test_a_name_saved_in_latin1_bytes_is_still_a_password_list(ordinary_user: OrdinaryUser) -> None:
    _desktop, documents, _ = folders(ordinary_user.home)
    with open(os.path.join(os.fsencode(documents), "Passwörter.txt".encode("latin-1")), "wb") as fh:
        fh.write(b"x")
    ordinary_user.own(ordinary_user.home)
    row = outcome(ordinary_user)
    assert row["status"] == "warn", row
    assert "Passw\\udcf6rter.txt" in json.dumps(row["detail"])  # the undecodable byte, kept as it is


def test_names_match_in_every_spelling() -> None:
    latin1_on_utf8 = "Passwörter.txt".encode("latin-1").decode("utf-8", "surrogateescape")
    utf8_on_latin1 = "Passwörter.txt".encode().decode("latin-1")
    for name in ("Passwörter.txt", latin1_on_utf8, utf8_on_latin1, "Contraseñas.xlsx".encode().decode("cp1252")):
        assert classify(name).looks_like_list, name
    assert not classify("Urlaubsfotos-\udcff.txt").looks_like_list
