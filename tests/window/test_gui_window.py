"""The main window, offscreen: real Session, CheckRunner, engine and widgets; judges with known answers."""

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QCheckBox, QListWidget

from checks.catalogue import CATALOGUE
from checks.model import Status, Verdict
from desktop.main_window import MainWindow
from desktop.runner import CheckRunner
from tests.guikit import LOCK_STEPS, all_clear_answers, open_session, stand_in_judges


@pytest.fixture
def judges():
    yield from stand_in_judges()


WORDS = {
    "screen-lock": "To fix",
    "account-password": "OK",
    "lock-on-wake": "Can't tell",
    "disk-encryption": "Advice",
    "credential-store": "Problem",
    "social-sites": "Off",
}


def start(qtbot, judges, config, deadline=12.0):
    session = open_session(config, judges)
    window = MainWindow(session, CheckRunner(session.engine, deadline=deadline))
    qtbot.addWidget(window)
    window.show()
    return window


def run_all(qtbot, window, timeout=15000):
    with qtbot.waitSignal(window.run_finished, timeout=timeout) as blocker:
        window.check_all.click()
    return blocker.args[0]


def test_a_run_fills_the_model_and_the_view(qtbot, judges, isolated_config):
    window = start(qtbot, judges, isolated_config)
    assert window.summary.text().startswith("Checking")
    results = run_all(qtbot, window)
    assert len(results) == len(CATALOGUE) and window.model.pending() == []
    for cid, word in WORDS.items():
        row = window.view.row_for(cid)
        assert row.word.text() == word, cid
        assert row.accessibleName() == f"{word}: {row.title.text()}"  # the status first, then the title
    assert window.view.row_for("lock-on-wake").detail.text() == "This desktop does not say whether it asks on wake."
    assert "probe broke" in window.view.row_for("credential-store").detail.text()
    assert window.summary.text() == (
        "1 thing to fix (9 fine, 2 checks could not tell, 11 statements still to confirm, 1 piece of advice,"
        " 1 turned off)"
    )
    assert not window.progress.isVisible()


def test_a_failing_check_shows_its_fix_and_opens_settings(qtbot, judges, isolated_config):
    window = start(qtbot, judges, isolated_config)
    run_all(qtbot, window)
    row = window.view.row_for("screen-lock")
    assert row.fix_toggle.isVisible() and row.steps.isVisible()  # "to fix" opens its steps at once
    for step in LOCK_STEPS:
        assert step.replace("'", "&#x27;") in row.steps.text() or step in row.steps.text()
    assert "<ol>" in row.steps.text()
    assert row.open_settings.isVisible()
    with qtbot.waitSignal(row.settings_opened) as opened:
        row.open_settings.click()
    assert opened.args == ["true"]
    row.fix_toggle.click()  # it folds away and back
    assert not row.steps.isVisible()
    ok = window.view.row_for("account-password")
    assert not ok.fix_toggle.isVisible() and not ok.open_settings.isVisible()


def test_check_again_reruns_that_check_only(qtbot, judges, isolated_config):
    window = start(qtbot, judges, isolated_config)
    run_all(qtbot, window)
    before = dict(judges.calls)
    judges.set("screen-lock", lambda ctx: Verdict.passed("Your screen locks after 5 minutes."))  # the fix is done
    row = window.view.row_for("screen-lock")
    row.again.setFocus()
    with qtbot.waitSignal(window.run_finished, timeout=10000):
        qtbot.keyClick(row.again, Qt.Key.Key_Return)  # the keyboard works as well as the mouse
    assert judges.calls["screen-lock"] == before["screen-lock"] + 1
    assert {k: v for k, v in judges.calls.items() if k != "screen-lock"} == {
        k: v for k, v in before.items() if k != "screen-lock"
    }
    assert row.word.text() == "OK" and not row.fix_toggle.isVisible()
    assert window.summary.text().startswith("Nothing to fix — 2 checks could not tell, 11 statements still to confirm")


def test_a_hung_check_leaves_the_window_responsive(qtbot, judges, isolated_config):
    judges.set("screen-lock", judges.hang)
    window = start(qtbot, judges, isolated_config, deadline=3.0)
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    window.check_everything()
    qtbot.waitUntil(lambda: window.model.pending() == ["screen-lock"], timeout=5000)
    assert ticks, "the event loop ran while a check hung"
    assert window.view.row_for("screen-lock").word.text() == "Checking…"
    assert window.progress.isVisible() and window.progress_label.text() == "1 still to check"
    assert window.view.row_for("account-password").word.text() == "OK"
    seen = len(ticks)
    with qtbot.waitSignal(window.run_finished, timeout=10000):
        pass
    assert len(ticks) > seen
    row = window.view.row_for("screen-lock")
    assert row.word.text() == "Can't tell" and "longer than" in row.detail.text()


def test_declarations_survive_a_restart(qtbot, judges, isolated_config):
    window = start(qtbot, judges, isolated_config)
    row = window.view.declaration_rows["phone-pin"]
    assert "Not confirmed yet" in row.when.text()
    row.box.click()
    saved = json.loads((isolated_config / "declarations.json").read_text())
    assert "phone-pin" in saved["confirmed"]
    assert "Confirmed on 25 November 2026" in row.when.text()
    window.close()
    again = start(qtbot, judges, isolated_config)
    row2 = again.view.declaration_rows["phone-pin"]
    assert row2.box.isChecked() and "Confirmed on 25 November 2026" in row2.when.text()
    assert not again.view.declaration_rows["copyright"].box.isChecked()
    row2.box.click()  # unticking is saved too
    assert "phone-pin" not in json.loads((isolated_config / "declarations.json").read_text())["confirmed"]


def test_a_corrupt_declarations_file_is_kept_and_the_app_opens(qtbot, judges, isolated_config):
    isolated_config.mkdir(parents=True, exist_ok=True)
    (isolated_config / "declarations.json").write_text('{"schema": "devicecheck-declarations/1", "confirmed": {')
    window = start(qtbot, judges, isolated_config)
    [backup] = isolated_config.glob("declarations.json.*.bak")
    assert backup.read_text().endswith('"confirmed": {')
    assert window.notice.isVisible()
    text = window.notice.text()
    assert "set aside" in text and backup.name in text and "\n" not in text
    assert "line 1" in window.notice.toolTip()  # the exact reason, for support
    run_all(qtbot, window)
    assert window.view.row_for("account-password").word.text() == "OK"


def test_every_control_has_a_name_and_tab_reaches_the_buttons(qtbot, judges, isolated_config):
    window = start(qtbot, judges, isolated_config)
    run_all(qtbot, window)
    controls = [
        w for cls in (QAbstractButton, QAbstractSpinBox, QListWidget, QCheckBox) for w in window.findChildren(cls)
    ]
    assert len(controls) > 30
    unnamed = [w.text() if hasattr(w, "text") else type(w).__name__ for w in controls if not w.accessibleName()]
    assert unnamed == []
    # Tab from the first button moves through the others in order, then into the checklist.
    window.check_all.setFocus()
    order = [window.check_all]
    for _ in range(4):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        order.append(window.focusWidget())
    assert order == [
        window.check_all,
        window.settings_button,
        window.reads_button,
        window.pdf_button,
        window.json_button,
    ]
    with qtbot.waitSignal(window.run_finished, timeout=10000):
        window.check_all.setFocus()
        qtbot.keyClick(window.check_all, Qt.Key.Key_Space)


def test_all_clear(qtbot, judges, isolated_config):
    all_clear_answers(judges)
    window = start(qtbot, judges, isolated_config)
    run_all(qtbot, window)
    # Every check passes, but nothing is all clear until the candidate has confirmed every statement.
    assert window.summary.text() == "Nothing to fix — 11 statements still to confirm (1 turned off)"
    for row in window.view.declaration_rows.values():
        row.box.click()
    assert window.summary.text() == "All clear (1 turned off)"  # social sites: off unless chosen
    assert window.session.outcome(window.model.results()) == "all-clear"
    assert all(window.model.status_of(c) in (Status.PASS, Status.SKIPPED) for c in window.model.check_ids())


def test_nothing_checked_is_not_all_clear(qtbot, judges, isolated_config):
    from checks.catalogue import CHECK_IDS

    for cid in CHECK_IDS:  # as on a version where no check is built yet
        judges.set(cid, lambda ctx: Verdict(Status.SKIPPED, "Not available yet in this version."))
    window = start(qtbot, judges, isolated_config)
    run_all(qtbot, window)
    assert window.summary.text() == "Nothing to fix — 11 statements still to confirm (14 turned off)"
    for row in window.view.declaration_rows.values():
        row.box.click()
    assert window.summary.text().startswith("Nothing could be checked yet")


def test_exports_write_the_json_and_pdf(qtbot, judges, isolated_config, tmp_path):
    window = start(qtbot, judges, isolated_config)
    run_all(qtbot, window)
    out = window.export_json(str(tmp_path / "r.json"))
    report = json.loads(open(out).read())
    assert report["schema"] == "devicecheck-report/2" and len(report["results"]) == len(CATALOGUE)
    assert {d["id"] for d in report["declarations"]} >= {"phone-pin", "copyright"}
    pdf = window.export_pdf(str(tmp_path / "r.pdf"))
    assert open(pdf, "rb").read(5) == b"%PDF-"


def test_text_follows_the_system_font_size(qtbot, judges, isolated_config, qapp):
    from PySide6.QtGui import QFont

    normal = start(qtbot, judges, isolated_config)
    base = QFont(qapp.font())
    try:
        big = QFont(base)
        big.setPointSizeF(base.pointSizeF() * 2)
        qapp.setFont(big)
        large = start(qtbot, judges, isolated_config)
        assert large.summary.font().pointSizeF() == 2 * normal.summary.font().pointSizeF()
        assert (
            large.view.row_for("screen-lock").title.font().pointSizeF()
            > normal.view.row_for("screen-lock").title.font().pointSizeF()
        )
        assert large.fontMetrics().height() > normal.fontMetrics().height()
    finally:
        qapp.setFont(base)


def test_colours_come_from_the_palette_so_dark_themes_work(qtbot, judges, isolated_config, qapp):
    from PySide6.QtGui import QColor, QPalette

    from desktop.banner import contrast_ratio

    old = QPalette(qapp.palette())
    try:
        dark = QPalette(old)
        dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
        dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
        qapp.setPalette(dark)
        window = start(qtbot, judges, isolated_config)
        run_all(qtbot, window)
        for label in (window.summary, window.view.row_for("screen-lock").detail):
            assert label.palette().color(QPalette.ColorRole.WindowText) == QColor("#e8eaed")
        assert not window.styleSheet() and not window.view.row_for("screen-lock").styleSheet()
        banner = window.banner.palette()
        assert (
            contrast_ratio(banner.color(QPalette.ColorRole.Window), banner.color(QPalette.ColorRole.WindowText)) >= 4.5
        )
    finally:
        qapp.setPalette(old)


def test_banner_text_is_readable_on_any_agency_colour(qtbot):
    from dataclasses import replace

    from PySide6.QtGui import QPalette

    from checks.profile import load_profile
    from desktop.banner import AgencyBanner, contrast_ratio

    profile = load_profile()
    for accent, text in (
        ("#ffd400", "#000000"),
        ("#7a2e8c", "#ffffff"),
        ("#1f5fa8", "#ffffff"),
        ("#e0e0e0", "#000000"),
    ):
        banner = AgencyBanner(replace(profile, agency=replace(profile.agency, name="A", accent_colour=accent)))
        qtbot.addWidget(banner)
        pal = banner.palette()
        assert pal.color(QPalette.ColorRole.WindowText).name() == text, accent
        assert contrast_ratio(pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.WindowText)) >= 4.5


def test_keyboard_alone_reaches_every_row_control(qtbot, judges, isolated_config):
    window = start(qtbot, judges, isolated_config)
    run_all(qtbot, window)
    window.activateWindow()
    window.json_button.setFocus()
    seen = []
    for _ in range(80):  # Tab through the whole checklist
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
        if window.focusWidget() is window.check_all:
            break
    lock = window.view.row_for("screen-lock")
    pin = window.view.declaration_rows["phone-pin"]
    for control in (lock.fix_toggle, lock.open_settings, lock.again, pin.box, window.view.groups[4].quote_toggle):
        assert control in seen, control.accessibleName()
    # Space folds the steps away, and ticks a declaration (saved at once)
    lock.fix_toggle.setFocus()
    qtbot.keyClick(lock.fix_toggle, Qt.Key.Key_Space)
    assert not lock.steps.isVisible()
    pin.box.setFocus()
    qtbot.keyClick(pin.box, Qt.Key.Key_Space)
    assert pin.box.isChecked() and "phone-pin" in (isolated_config / "declarations.json").read_text()
    # Enter on "Read the policy's words" shows the clause in full
    quote = window.view.groups[4]
    quote.quote_toggle.setFocus()
    qtbot.keyClick(quote.quote_toggle, Qt.Key.Key_Return)
    assert quote.quote.isVisible() and "disrepute" in quote.quote.text()
    assert quote.note is not None and "nothing to check here" in quote.note.text()


def test_a_declaration_is_due_again_after_its_review_days(qtbot, judges, isolated_config):
    from datetime import datetime, timedelta

    from checks.settings import SettingsStore
    from tests.guikit import SNAP

    then = datetime.fromisoformat(SNAP["taken_at"]) - timedelta(days=91)  # phone-pin: every 90 days; copyright: 365
    SettingsStore(isolated_config).save_declarations({"phone-pin": then, "copyright": then})
    window = start(qtbot, judges, isolated_config)
    pin, cpr = window.view.declaration_rows["phone-pin"], window.view.declaration_rows["copyright"]
    assert not pin.box.isChecked()
    assert pin.when.text() == "You confirmed this on 26 August 2026. It is time to look again and tick it once more."
    assert cpr.box.isChecked() and cpr.when.text() == "Confirmed on 26 August 2026. We will ask again after 365 days."


def test_a_bad_profile_is_one_line_and_no_traceback(tmp_path):
    from tests.conftest import run_cli

    bad = tmp_path / "agency.toml"
    bad.write_text('[agency]\naccent_colour = "purple"\n')
    res = run_cli("--profile", str(bad), env={"QT_QPA_PLATFORM": "offscreen"})
    assert res.returncode == 2
    lines = [line for line in res.stderr.splitlines() if line.startswith("devicecheck:")]
    assert lines == [f"devicecheck: {bad}: [agency] accent_colour: must be a colour like \"#1f5fa8\", found 'purple'"]
    assert "Traceback" not in res.stderr


def test_open_settings_opens_the_fix_deep_link(qtbot, judges, isolated_config):
    """A fix with a settings link (ms-settings:, x-apple.systempreferences:) goes to the OS's URL opener;
    a handler registered for the scheme stands in for Windows' Settings app here."""
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    from checks.model import Fix

    class Catcher(QObject):
        def __init__(self):
            super().__init__()
            self.urls = []

        @Slot("QUrl")
        def open(self, url):
            self.urls.append(url.toString())

    catcher = Catcher()
    QDesktopServices.setUrlHandler("ms-settings", catcher, "open")
    try:
        judges.set("screen-lock", lambda ctx: Verdict.failed("Your screen never locks."))
        judges.fixes["screen-lock"] = {"*": Fix(("Open Settings.",), settings_uri="ms-settings:lockscreen")}
        window = start(qtbot, judges, isolated_config)
        run_all(qtbot, window)
        row = window.view.row_for("screen-lock")
        with qtbot.waitSignal(row.settings_opened):
            row.open_settings.click()
        assert catcher.urls == ["ms-settings:lockscreen"]
    finally:
        QDesktopServices.unsetUrlHandler("ms-settings")


def test_mnemonics_are_unique_in_the_window_and_the_settings(qtbot, judges, isolated_config):
    import re

    from checks.profile import load_profile
    from checks.settings import UserSettings
    from desktop.settings_dialog import SettingsDialog

    window = start(qtbot, judges, isolated_config)
    dialog = SettingsDialog(load_profile(), UserSettings())
    qtbot.addWidget(dialog)
    for top in (window, dialog):
        keys = [
            m.group(1).lower() for b in top.findChildren(QAbstractButton) for m in [re.search(r"&(\w)", b.text())] if m
        ]
        assert len(keys) >= 5 and len(keys) == len(set(keys)), keys


def test_a_check_that_is_off_offers_no_check_again(qtbot, judges, isolated_config):
    window = start(qtbot, judges, isolated_config)
    run_all(qtbot, window)
    off = window.view.row_for("social-sites")
    assert off.word.text() == "Off" and off.detail.text() == "Turned off. You can turn it on in Settings."
    assert not off.again.isVisible() and window.view.row_for("screen-lock").again.isVisible()
