"""What to do comes first, and every action answers: the to-do list at the top, its links to the rows,
"Talked to my consultant", "Open settings" that cannot open, the PDF's "saved" message and its mailto: link,
and rows that check again by themselves. Offscreen, real Session, runner, engine and widgets."""

import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from checks.model import Fix, Verdict
from checks.paths import resource
from checks.profile import load_profile
from checks.settings import SettingsStore
from desktop.main_window import MainWindow, documents_folder
from desktop.runner import CheckRunner
from desktop.saved_dialog import mailto_url
from tests.conftest import need
from tests.guikit import open_session, stand_in_judges

SAMPLE = str(resource("profiles", "sample-agency.toml"))


@pytest.fixture
def judges():
    yield from stand_in_judges()


def start(qtbot, judges, config, profile=None):
    session = open_session(config, judges, profile)
    window = MainWindow(session, CheckRunner(session.engine, deadline=12.0))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.run_finished, timeout=15000):
        window.check_everything()
    return window


def test_the_to_do_list_comes_first_in_order_and_each_line_goes_to_its_row(qtbot, judges, isolated_config):
    judges.set("disk-encryption", lambda ctx: Verdict.failed("The disk is not encrypted."))
    window = start(qtbot, judges, isolated_config, SAMPLE)  # the sample agency requires disk encryption
    words = [e.word for e in window.todo.entries]
    ids = [e.id for e in window.todo.entries]
    assert ids[:2] == ["screen-lock", "disk-encryption"] and words[:2] == ["To fix", "To fix"]
    assert words[2:4] == ["Can't tell", "Problem"] and set(ids[2:4]) == {"lock-on-wake", "credential-store"}
    assert set(words[4:]) == {"To confirm"} and len(words[4:]) == len(window.session.profile.declarations)
    # It sits above the checklist, in the same page, and the window's headline agrees with it.
    top = window.todo.mapTo(window, QPoint(0, 0)).y()
    assert top < window.view.groups[0].mapTo(window, QPoint(0, 0)).y()
    assert window.summary.text().startswith("2 things to fix")
    # A line is a button: it scrolls to the row and puts the keyboard focus on it.
    bar = window.view.verticalScrollBar()
    bar.setValue(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    last = window.todo.buttons[-1]
    last.click()
    focused = QApplication.focusWidget()
    drow = window.view.declaration_rows[ids[-1]]
    assert focused is drow.box and bar.value() > 0
    assert window.view.viewport().rect().contains(drow.box.mapTo(window.view.viewport(), QPoint(0, 0)))
    window.todo.buttons[0].click()
    assert QApplication.focusWidget() is window.view.row_for("screen-lock").fix_toggle
    # Ticking a statement takes it off the list; nothing left to do says so.
    drow.box.click()
    qtbot.waitUntil(lambda: ids[-1] not in [e.id for e in window.todo.entries], timeout=3000)


def test_talked_to_my_consultant_marks_but_does_not_hide(qtbot, judges, isolated_config, tmp_path):
    judges.set("disk-encryption", lambda ctx: Verdict.failed("The disk is not encrypted."))
    judges.fixes["disk-encryption"] = {"*": Fix(("Talk to your consultant before you do this.",))}
    window = start(qtbot, judges, isolated_config, SAMPLE)
    row = window.view.row_for("disk-encryption")
    assert row.acknowledge.isVisible()
    assert not window.view.row_for("lock-on-wake").acknowledge.isVisible()  # only a failing check
    outcome = window.session.outcome(window.model.results())
    dialog = window.ask_acknowledge("disk-encryption")
    assert dialog.days.maximum() == 7  # [acknowledge] max_days, default 7
    dialog.days.setValue(3)
    dialog.note.setText("Needs a reinstall; booked for Saturday")
    dialog.save.click()
    until = window.session.acknowledged["disk-encryption"].until
    assert until - window.session.now() == timedelta(days=3)
    said = f"To fix — acknowledged until {until.day} {until:%B %Y}"
    assert row.detail.text().startswith(said) and "booked for Saturday" in row.detail.text()
    assert row.word.text() == "To fix" and window.session.outcome(window.model.results()) == outcome
    assert window.todo.entries[1].word == said  # still on the list, with the date
    stored = SettingsStore(isolated_config).load_acknowledgements()
    assert stored["disk-encryption"].note == "Needs a reinstall; booked for Saturday"
    report = window.report()
    disk = next(r for r in report["results"] if r["id"] == "disk-encryption")
    assert datetime.fromisoformat(disk["acknowledged_until"]) == until and report["outcome"] == outcome
    need("pdftotext")
    pdf = tmp_path / "r.pdf"
    window.export_pdf(str(pdf))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert said in text
    # The mark can be ended at once, and the row says "To fix" alone again.
    again = window.ask_acknowledge("disk-encryption")
    again.end.click()
    assert "acknowledged" not in row.detail.text() and "disk-encryption" not in window.session.acknowledged


def test_a_mark_ends_by_itself(judges, isolated_config):
    session = open_session(isolated_config, judges, SAMPLE)
    judges.set("disk-encryption", lambda ctx: Verdict.failed("The disk is not encrypted."))
    session.acknowledge("disk-encryption", 2)
    later = open_session(isolated_config, judges, SAMPLE)
    later.at = session.now() + timedelta(days=2, seconds=1)
    results = later.engine().run()
    disk = next(r for r in later.report(results)["results"] if r["id"] == "disk-encryption")
    assert disk["status"] == "fail" and disk["acknowledged_until"] is None


def test_open_settings_that_cannot_open_says_so_and_shows_the_steps(qtbot, judges, isolated_config):
    judges.fixes["screen-lock"] = {
        "*": Fix(("Open Settings, then Privacy.",), settings_command=("no-such-settings-program",))
    }
    window = start(qtbot, judges, isolated_config)
    row = window.view.row_for("screen-lock")
    row.fix_toggle.setChecked(False)
    with qtbot.waitSignal(window.notice_shown) as said:
        row.open_settings.click()
    assert "could not open the settings" in said.args[0] and "steps" in said.args[0]
    assert row.steps.isVisible() and window.notice.isVisible()
    assert "screen-lock" not in window._settings_opened


def test_coming_back_from_the_settings_checks_that_row_again(qtbot, judges, isolated_config):
    window = start(qtbot, judges, isolated_config)  # the stand-in settings program is `true`
    row = window.view.row_for("screen-lock")
    row.open_settings.click()
    assert window._settings_opened == {"screen-lock"}
    before = judges.calls["screen-lock"]
    judges.set("screen-lock", lambda ctx: Verdict.passed("Your screen locks after 5 minutes."))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    settings_app = QWidget()  # stands for the system settings window, which takes the focus while open
    qtbot.addWidget(settings_app)
    settings_app.show()
    settings_app.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=3000)
    assert judges.calls["screen-lock"] == before  # nothing yet: the candidate is still in the settings
    with qtbot.waitSignal(window.run_finished, timeout=10000):
        settings_app.close()
        window.activateWindow()
    assert judges.calls["screen-lock"] == before + 1 and row.word.text() == "OK"
    assert window._settings_opened == set()


def test_saving_the_pdf_says_where_and_offers_the_folder_and_an_email(qtbot, judges, isolated_config, tmp_path):
    window = start(qtbot, judges, isolated_config, SAMPLE)
    path = tmp_path / "my report.pdf"
    window.session.settings = window.session.settings.__class__(candidate_name="Jane Smith")
    window.export_pdf(str(path))
    dialog = window.saved_dialog
    assert dialog is not None and dialog.isVisible()
    assert "my report.pdf" in dialog.where.text() and str(tmp_path) in dialog.where.text()
    assert dialog.open_folder.text() == "Open folder"
    agency = load_profile(SAMPLE).agency
    assert dialog.email.text() == f"E-mail to {agency.consultant_name}"
    url = urlsplit(mailto_url(agency, path, "Jane Smith"))
    assert url.scheme == "mailto" and url.path == agency.consultant_email
    query = parse_qs(url.query)
    assert query["subject"] == ["Device Check report from Jane Smith"]
    assert "my report.pdf" in query["body"][0] and str(tmp_path) in query["body"][0]
    dialog.close()


def test_the_save_dialog_starts_in_documents(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    assert documents_folder() == Path(home / "Documents")


def test_no_network_code_in_the_window():
    source = "".join(p.read_text() for p in Path("desktop").glob("*.py"))
    for word in ("QNetwork", "urllib.request", "http.client", "smtplib", "requests"):
        assert word not in source, word
