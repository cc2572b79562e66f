"""The technical part of a fix ("For an IT helper"): in the report JSON (valid against schema 2), under its
heading in the text checklist and the PDF, and folded in the window's row until asked for by keyboard."""

import json
import subprocess

import jsonschema
import pytest
from PySide6.QtCore import Qt

from checks.engine import RunOptions
from checks.model import IT_HELPER_HEADING, Fix, Verdict
from checks.paths import resource
from checks.report import render_text
from desktop.main_window import MainWindow
from desktop.pdf import write_pdf
from desktop.runner import CheckRunner
from tests.conftest import need
from tests.guikit import LOCK_STEPS, open_session, stand_in_judges

HELPER_LINES = ("gsettings set org.gnome.desktop.session idle-delay 300", "Package: gnome-control-center")
SCHEMA = json.loads(resource("schemas", "report-2.schema.json").read_text())


@pytest.fixture
def judges():
    j = next(gen := stand_in_judges())
    j.fixes["screen-lock"] = {"*": Fix(LOCK_STEPS, settings_command=("true",), it_helper=HELPER_LINES)}
    # A fix with a technical part only: the fold must still be reachable.
    j.set("os-updates", lambda ctx: Verdict.failed("Updates are off."))
    j.fixes["os-updates"] = {"*": Fix((), it_helper=("apt-get install unattended-upgrades",))}
    yield j
    next(gen, None)


def test_the_report_carries_it_helper_and_text_shows_it_under_its_heading(judges, isolated_config):
    session = open_session(isolated_config, judges)
    results = session.engine().run(RunOptions())
    report = json.loads(json.dumps(session.report(results)))
    jsonschema.validate(report, SCHEMA)
    rows = {r["id"]: r for r in report["results"]}
    assert rows["screen-lock"]["fix"]["it_helper"] == list(HELPER_LINES)
    assert rows["screen-lock"]["fix"]["steps"] == list(LOCK_STEPS)
    bad = json.loads(json.dumps(report))
    bad["results"][0]["fix"] = {"steps": [], "it_helper": "not a list"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
    text = render_text(report)
    lock = text[text.index("Your screen does not lock") :]
    heading = lock.index(f"{IT_HELPER_HEADING}:")
    assert lock.index(LOCK_STEPS[-1]) < heading < lock.index(HELPER_LINES[0]) < lock.index(HELPER_LINES[1])
    assert "apt-get install unattended-upgrades" in text


def test_the_pdf_shows_it_under_its_heading_after_the_steps(judges, isolated_config, tmp_path):
    need("pdftotext")
    session = open_session(isolated_config, judges)
    out = tmp_path / "report.pdf"
    write_pdf(session.report(session.engine().run(RunOptions())), str(out))
    raw = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True)
    text = " ".join(raw.stdout.split())
    steps = text.index("How to fix: 1. Open Settings, then Privacy, then Screen Lock.")
    assert steps < text.index(f"{IT_HELPER_HEADING}: {HELPER_LINES[0]} {HELPER_LINES[1]}")


def test_the_row_folds_it_and_the_keyboard_opens_it(qtbot, judges, isolated_config):
    session = open_session(isolated_config, judges)
    window = MainWindow(session, CheckRunner(session.engine, deadline=12.0))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.run_finished, timeout=15000):
        window.check_everything()
    row = window.view.row_for("screen-lock")
    assert row.fix_toggle.isChecked() and row.steps.isVisible()  # a teacher's steps show at once
    assert row.helper_toggle.isVisible() and not row.helper.isVisible()  # the technical part waits, folded
    assert row.helper_toggle.accessibleName() == f"Show the part for an IT helper: {row.title.text()}"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    row.helper_toggle.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(row.helper_toggle, Qt.Key.Key_Space)
    assert row.helper.isVisible() and all(line in row.helper.text() for line in HELPER_LINES)
    assert row.helper_toggle.accessibleName().startswith("Hide the part for an IT helper")
    qtbot.keyClick(row.helper_toggle, Qt.Key.Key_Space)
    assert not row.helper.isVisible()
    # No steps, only the technical part: "How to fix" still opens onto the fold.
    updates = window.view.row_for("os-updates")  # advice: folded until asked for
    assert updates.fix_toggle.isVisible() and not updates.helper_toggle.isVisible()
    updates.fix_toggle.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(updates.fix_toggle, Qt.Key.Key_Space)
    assert updates.helper_toggle.isVisible() and not updates.steps.isVisible()
    # A check that passes has nothing to fold.
    fine = window.view.row_for("firewall")
    assert not fine.fix_toggle.isVisible() and not fine.helper_toggle.isVisible()
    # Closing "How to fix" folds the helper part away with it.
    row.fix_toggle.setChecked(False)
    assert not row.helper_toggle.isVisible() and not row.helper.isVisible()
