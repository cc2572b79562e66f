"""Quit is always possible, and the first-run welcome: the real window wired to the real background part,
offscreen (where there is no tray, as on GNOME without the AppIndicator extension)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.background import attach_background
from desktop.main_window import MainWindow
from desktop.session import Session
from desktop.single_instance import SingleInstance


@pytest.fixture()
def wired(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # never the developer's own desktop
    session = Session.open()
    window = MainWindow(session)
    qtbot.addWidget(window)
    bg = attach_background(QApplication.instance(), window, session, SingleInstance())
    yield window, bg, session
    bg.monitor.stop()
    bg.tray.hide()
    QApplication.instance().setQuitOnLastWindowClosed(True)


def test_with_no_tray_closing_the_window_quits_even_with_monitoring_on(wired):
    window, bg, session = wired
    assert not bg.tray.available and session.settings.monitoring
    assert QApplication.instance().quitOnLastWindowClosed()  # nothing would be left to see or quit


def test_quit_is_in_the_window_menu_and_stops_the_background(wired, qtbot):
    window, bg, _session = wired
    quit_action = window.menu_actions["quit"]
    assert quit_action.text() == "Quit Device Check" and not quit_action.shortcut().isEmpty()
    assert "Quit" in [a.text() for a in bg.tray.menu.actions()]  # and in the tray's menu
    stopped = []
    bg.monitor.stop = lambda: stopped.append(True)  # type: ignore[method-assign]
    with qtbot.waitSignal(window.quit_requested):
        quit_action.trigger()
    assert stopped == [True]


def test_first_run_welcome_saves_name_hours_and_sign_in(wired, qtbot, tmp_path):
    window, bg, session = wired
    assert session.first_run
    welcome = window.offer_welcome()
    assert not welcome.isModal()  # the checks go on behind it
    assert [welcome.save.text().replace("&", ""), welcome.later.text()] == ["Save", "Not now"]
    welcome.name.setText("Jane  Smith")
    welcome.day_boxes["fri"].setChecked(False)
    with qtbot.waitSignal(window.settings_changed):
        qtbot.keyClick(welcome.name, Qt.Key.Key_Return)  # Return saves
    saved = json.loads(session.store.settings_path.read_text())
    assert saved["candidate_name"] == "Jane Smith" and saved["start_at_login"] is True
    assert saved["week"]["fri"] is None and saved["week"]["mon"] is not None
    assert not Session.open().first_run


def test_not_now_asks_no_more(wired):
    window, _bg, session = wired
    window.offer_welcome().later.click()
    assert session.store.settings_path.exists() and not Session.open().first_run


def test_return_saves_settings(wired, qtbot):
    window, _bg, session = wired
    from desktop.settings_dialog import SettingsDialog

    dialog = SettingsDialog(session.profile, session.settings, window)
    dialog.settings_changed.connect(window.apply_settings)
    dialog.show()
    dialog.candidate_name.setText("Sam Jones")
    with qtbot.waitSignal(dialog.settings_changed):
        qtbot.keyClick(dialog.candidate_name, Qt.Key.Key_Return)
    assert session.settings.candidate_name == "Sam Jones"


def test_failures_count_as_seen_only_when_the_window_was_on_screen(wired, qtbot):
    """Started at sign-in the window runs its checks hidden: the daily notification must still say them."""
    from checks.model import CheckResult, Severity, Status
    from checks.monitor import failure_keys

    window, bg, _session = wired
    fail = CheckResult("screen-lock", Status.FAIL, Severity.REQUIRED, 2, "Your screen does not lock", "", {}, None, 0)
    keys = failure_keys(["screen-lock"])
    bg.seen_in_window([fail])  # in the tray: not seen
    assert keys[0] not in bg.memory.said
    window.showMinimized()
    qtbot.waitUntil(window.isVisible)
    bg.seen_in_window([fail])  # minimised: not seen either
    assert keys[0] not in bg.memory.said
    window.showNormal()
    qtbot.waitUntil(lambda: window.isVisible() and not window.isMinimized())
    bg.seen_in_window([fail])
    assert bg.memory.fresh(keys, bg.monitor.clock().date()) == []  # on screen: the daily check will not repeat it today
