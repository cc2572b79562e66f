"""The background part wired to the real main window: start at login follows the settings dialog, and
the tray menu's "Not working today" reaches the window and the monitor."""

from __future__ import annotations

import pytest
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
    instance = SingleInstance()
    bg = attach_background(QApplication.instance(), window, session, instance)
    yield window, bg, session, tmp_path / "xdg" / "autostart" / "devicecheck.desktop"
    bg.monitor.stop()
    bg.tray.hide()
    QApplication.instance().setQuitOnLastWindowClosed(True)


def toggle_start_at_login(window, session, on: bool) -> None:
    """What the candidate does: Settings, tick or untick "Start Device Check when I sign in", Save."""
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.settings_dialog import SettingsDialog

    dialog = SettingsDialog(session.profile, session.settings, window)
    dialog.settings_changed.connect(window.apply_settings)  # as MainWindow.open_settings connects it
    dialog.start_at_login.setChecked(on)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_start_at_login_follows_the_settings_dialog(wired, qtbot):
    window, bg, session, entry = wired
    assert not entry.exists()  # nothing is written until the candidate asks
    toggle_start_at_login(window, session, True)
    assert entry.is_file() and "--tray" in entry.read_text()
    assert session.store.load_settings().start_at_login
    toggle_start_at_login(window, session, False)
    assert not entry.exists()
    assert not session.store.load_settings().start_at_login


def test_not_working_today_from_the_tray_reaches_the_window(wired, qtbot):
    window, bg, session, _entry = wired
    with qtbot.waitSignal(bg.settings_saved, timeout=5000):
        bg.tray.actions["not-working"].trigger()
    today = bg.monitor.clock().date()
    assert session.settings.not_working_on == today
    assert session.store.load_settings().not_working_on == today
    assert bg.monitor.last_plan is not None and not bg.monitor.last_plan.scan_now
    assert "not working" in window.school_hours.text().lower()
    assert bg.tray.actions["not-working"].isChecked()
    with qtbot.waitSignal(bg.settings_saved, timeout=5000):  # working after all: untick it
        bg.tray.actions["not-working"].trigger()
    assert session.store.load_settings().not_working_on is None
    assert not bg.tray.actions["not-working"].isChecked()


def test_pause_until_tomorrow_from_the_tray(wired, qtbot):
    _window, bg, session, _entry = wired
    with qtbot.waitSignal(bg.settings_saved, timeout=5000):
        bg.tray.actions["pause"].trigger()
    assert session.store.load_settings().monitor_paused_until is not None
    assert bg.monitor.last_plan is not None and "paused" in bg.monitor.last_plan.reason
    with qtbot.waitSignal(bg.settings_saved, timeout=5000):  # resume
        bg.tray.actions["pause"].trigger()
    assert session.store.load_settings().monitor_paused_until is None
    assert "paused" not in bg.monitor.last_plan.reason
