"""'Quit <app>' asks first and only ever asks the app to close; a newly failing check is said once a day."""

from __future__ import annotations

import secrets
import signal
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from checks.live import LiveSystem
from checks.model import CheckResult, Severity, Status
from checks.monitor import NotifyMemory
from checks.profile import load_profile
from checks.settings import SettingsStore
from desktop.monitor import Monitor
from desktop.notify import Notifier
from desktop.quit_app import QuitAsker
from tests.conftest import stand_in_app

PROFILE = """\
[[social_apps]]
name = "Discord"
processes = {{ linux = ["{exe}"], windows = ["{exe}.exe"], darwin = ["{exe}"] }}
"""
# Other test runs share this machine: the stand-in's file name is unique to this run, so a scan or a
# "Quit Discord" here can only ever see (and close) the process this run started.
EXE_NAME = f"Discord-{secrets.token_hex(3)}"  # 14 characters: within Linux's 15-character process name


class Collected(Notifier):
    """Keeps what would have been shown (the real services are exercised in test_tray_session.py)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[tuple[str, str, str]] = []

    def notify(self, key, title, body, actions=None):  # type: ignore[no-untyped-def]
        self.shown.append((key, title, body))
        return True


@pytest.fixture()
def profile(tmp_path: Path):
    path = tmp_path / "agency.toml"
    path.write_text(PROFILE.format(exe=EXE_NAME))
    return load_profile(path)


@pytest.fixture()
def discord(tmp_path: Path):
    with stand_in_app(tmp_path / EXE_NAME) as proc:
        yield proc


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_quit_asks_first_and_only_terminates_on_yes(qtbot, profile, discord, answer):
    asker = QuitAsker(LiveSystem(), profile)
    box = asker.ask("Discord")
    assert box.isVisible() and box.windowTitle() == "Quit Discord?"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)  # Enter never closes an app
    assert asker.ask("Discord") is box  # a second click brings the same question forward
    with qtbot.waitSignal(asker.done, timeout=5000) as done:
        box.button(QMessageBox.StandardButton.Yes if answer == "yes" else QMessageBox.StandardButton.No).click()
    if answer == "yes":
        assert done.args == ["Discord", 1]
        assert discord.wait(10) == -signal.SIGTERM  # asked politely, not killed
    else:
        assert done.args == ["Discord", 0]
        assert discord.poll() is None


def test_a_new_failure_is_said_once_a_day(qtbot, profile, tmp_path):
    shown = Collected()
    memory = NotifyMemory.load(tmp_path / "monitor.json")
    monitor = Monitor(LiveSystem(), profile, SettingsStore(tmp_path / "cfg"), shown, memory)

    def result(cid: str, status: Status) -> CheckResult:
        return CheckResult(
            id=cid,
            status=status,
            severity=Severity.REQUIRED,
            clause=2,
            title=f"title of {cid}",
            detail="",
            evidence={},
            fix=None,
            duration_ms=1,
        )

    morning = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    monitor.checked.emit(([result("screen-lock", Status.FAIL), result("autologin", Status.PASS)], morning))
    monitor.checked.emit(([result("screen-lock", Status.FAIL)], morning))  # the candidate pressed "Check now"
    assert [s[1] for s in shown.shown] == ["Device Check: 1 thing to fix"]
    assert "title of screen-lock" in shown.shown[0][2]
    monitor.checked.emit(([result("screen-lock", Status.FAIL), result("autologin", Status.FAIL)], morning))
    assert "title of autologin" in shown.shown[-1][2] and "screen-lock" not in shown.shown[-1][2]
    next_day = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
    monitor.checked.emit(([result("screen-lock", Status.FAIL)], next_day))
    assert len(shown.shown) == 3


def test_after_quit_the_asker_says_the_app_has_closed(qtbot, profile, discord):
    """The window's social apps row listens for this to check again by itself."""
    asker = QuitAsker(LiveSystem(), profile)
    box = asker.ask("Discord")
    with qtbot.waitSignal(asker.closed, timeout=20000) as closed:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert closed.args == ["Discord"] and discord.poll() is not None


def test_an_acknowledged_failure_is_not_brought_up(qtbot, profile, tmp_path):
    from checks.acknowledge import acknowledge

    shown = Collected()
    store = SettingsStore(tmp_path / "cfg")
    morning = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    store.save_acknowledgements({"disk-encryption": acknowledge("disk-encryption", morning, 7, 7)})
    monitor = Monitor(LiveSystem(), profile, store, shown, NotifyMemory.load(tmp_path / "monitor.json"))

    def failing(cid: str) -> CheckResult:
        return CheckResult(cid, Status.FAIL, Severity.REQUIRED, 2, f"title of {cid}", "", {}, None, 1)

    monitor.checked.emit(([failing("disk-encryption")], morning))
    assert shown.shown == []  # the only failure is acknowledged: no reminder
    monitor.checked.emit(([failing("disk-encryption"), failing("screen-lock")], morning))
    # The count is every check to fix, as the window says; the list names only the new, unacknowledged one.
    assert shown.shown[-1][1] == "Device Check: 2 things to fix"
    assert "title of screen-lock" in shown.shown[-1][2] and "disk-encryption" not in shown.shown[-1][2]
