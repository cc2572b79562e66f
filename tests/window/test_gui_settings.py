"""The settings dialog and the "What this app reads" page."""

import html
import json
import types
from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialogButtonBox

from checks import probes
from checks.catalogue import CATALOGUE
from checks.facts import Read
from checks.profile import load_profile
from checks.settings import SettingsStore, UserSettings
from desktop.main_window import MainWindow
from desktop.reads_page import KIND_HEADINGS, ReadsDialog, checks_by_topic, reads_html
from desktop.settings_dialog import SITES_EXPLAINED, SettingsDialog
from tests.guikit import open_session, stand_in_judges


@pytest.fixture
def judges():
    yield from stand_in_judges()


TODAY = date(2026, 11, 25)


def save(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_settings_start_from_the_profile_and_save_what_changes(qtbot, isolated_config):
    profile = load_profile()
    dialog = SettingsDialog(profile, UserSettings(), today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.day_boxes["mon"].isChecked() and not dialog.day_boxes["sat"].isChecked()
    assert dialog.starts["tue"].time() == QTime(8, 0) and dialog.ends["tue"].time() == QTime(16, 0)
    with qtbot.waitSignal(dialog.settings_changed) as unchanged:
        save(dialog)
    assert unchanged.args[0].week is None  # nothing changed: keep following the agency's hours

    dialog = SettingsDialog(profile, UserSettings(), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.day_boxes["wed"].setChecked(False)
    dialog.ends["fri"].setTime(QTime(12, 30))
    dialog.hol_start.setDate(QDate(2027, 2, 15))
    dialog.hol_end.setDate(QDate(2027, 2, 19))
    dialog.add_holiday.click()
    dialog.not_today.setChecked(True)
    dialog.sites.setChecked(True)
    dialog.monitoring.setChecked(False)
    dialog.start_at_login.setChecked(True)
    with qtbot.waitSignal(dialog.settings_changed) as changed:
        save(dialog)
    s = changed.args[0]
    assert s.week["wed"] is None and s.week["fri"] == (time(8, 0), time(12, 30))
    assert s.holidays == ((date(2027, 2, 15), date(2027, 2, 19)),)
    assert dialog.holidays.item(0).text() == "15 February 2027 to 19 February 2027"
    assert s.not_working_on == TODAY and s.opt_in == {"social-sites": True}
    assert s.monitoring is False and s.start_at_login is True


def test_end_before_start_is_refused_in_plain_words(qtbot):
    dialog = SettingsDialog(load_profile(), UserSettings(), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ends["mon"].setTime(QTime(7, 0))
    emitted = []
    dialog.settings_changed.connect(emitted.append)
    save(dialog)
    assert emitted == [] and dialog.isVisible()
    assert dialog.hours_error.text() == "On Mondays the end time must be after the start time."


def test_the_sites_explanation_says_exactly_what_is_read(qtbot):
    dialog = SettingsDialog(load_profile(), UserSettings(), today=TODAY)
    qtbot.addWidget(dialog)
    for phrase in (
        "how many times, and when",
        "during today's school hours",
        "reads nothing else",
        "Nothing leaves this laptop",
    ):
        assert phrase in SITES_EXPLAINED
    assert dialog.sites.accessibleDescription() == SITES_EXPLAINED
    assert not dialog.sites.isChecked() and dialog.sites.isEnabled()


def test_saved_settings_reach_the_file_the_engine_and_the_tray(qtbot, judges, isolated_config):
    session = open_session(isolated_config, judges)
    window = MainWindow(session)
    qtbot.addWidget(window)
    chosen = UserSettings(opt_in={"social-sites": True}, start_at_login=True, not_working_on=TODAY)
    with qtbot.waitSignal(window.settings_changed) as changed, qtbot.waitSignal(window.run_finished, timeout=10000):
        window.apply_settings(chosen)
    assert changed.args[0] is chosen
    on_disk = json.loads((isolated_config / "settings.json").read_text())
    assert on_disk["start_at_login"] is True and on_disk["opt_in"] == {"social-sites": True}
    assert SettingsStore(isolated_config).load_settings() == chosen
    assert window.view.row_for("social-sites").word.text() == "OK"  # the opt-in now runs
    assert window.school_hours.text() == "Not a school day: you said you are not working today."


def test_reads_page_lists_every_read_of_the_probes(qtbot):
    fake = types.ModuleType("checks.probes.linux_screen_lock")
    fake.READS = (
        Read("command", "gsettings get org.gnome.desktop.session idle-delay", "how long until the screen blanks"),
        Read("file", "/etc/gdm3/custom.conf", "whether automatic sign-in is on"),
    )

    def find(topic, os_name):
        return fake if (topic, os_name) == ("screen_lock", "linux") else probes.probe_module(topic, os_name)

    text = reads_html("linux", CATALOGUE, find)
    assert "(for: Screen lock, Password on waking)" in text
    for _topic, read in probes.all_reads("linux", checks_by_topic(CATALOGUE), find):
        assert html.escape(read.what) in text and html.escape(read.why) in text
    assert KIND_HEADINGS["command"] in text and KIND_HEADINGS["file"] in text
    assert text.index(KIND_HEADINGS["command"]) < text.index(KIND_HEADINGS["file"])
    dialog = ReadsDialog("linux")
    qtbot.addWidget(dialog)
    assert "gsettings" in dialog.browser.toPlainText()


def test_reads_page_matches_the_real_probe_tables():
    for os_name in ("linux", "windows", "darwin"):
        text = reads_html(os_name)
        reads = probes.all_reads(os_name, checks_by_topic(CATALOGUE))
        for _topic, read in reads:
            assert html.escape(read.what) in text and html.escape(read.why) in text
        if not reads:
            assert "Nothing yet" in text
