"""A bad agency profile: the candidate reads a plain sentence, the technical line waits under "Details"."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTextEdit

from checks.profile import ProfileError, load_profile
from desktop.app import BAD_PROFILE_WORDS, cannot_start_box
from tests.conftest import run_cli


def bad_profile_error(tmp_path) -> ProfileError:  # type: ignore[no-untyped-def]
    path = tmp_path / "agency.toml"
    path.write_text('[agency]\naccent_colour = "purple"\n', encoding="utf-8")
    try:
        load_profile(path)
    except ProfileError as exc:
        return exc
    raise AssertionError("the profile was accepted")


def test_the_candidate_reads_a_plain_sentence_and_the_line_is_under_details(qtbot, tmp_path):
    exc = bad_profile_error(tmp_path)
    box = cannot_start_box(exc)
    qtbot.addWidget(box)
    box.show()
    assert box.text() == BAD_PROFILE_WORDS
    assert "accent_colour" not in box.text() and ".toml" not in box.text()
    assert box.detailedText() == str(exc)
    assert "agency.toml" in box.detailedText() and "accent_colour" in box.detailedText()
    # Folded until asked for: the details text is there but hidden, behind Qt's "Show Details..." button.
    details = box.findChild(QTextEdit)
    assert details is not None and not details.isVisible()
    assert any("Details" in b.text() for b in box.findChildren(QPushButton))


def test_a_snapshot_error_stays_as_it_was(qtbot):
    from checks.snapshot import SnapshotError

    box = cannot_start_box(SnapshotError("snap.json: not a snapshot"))
    qtbot.addWidget(box)
    assert "snap.json: not a snapshot" in box.text() and not box.detailedText()


def test_the_window_with_a_bad_profile_ends_with_one_line_and_exit_2(tmp_path):
    bad_profile_error(tmp_path)
    proc = run_cli("--profile", str(tmp_path / "agency.toml"), env={"QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "agency.toml" in lines[0] and "accent_colour" in lines[0], proc.stderr
