"""Everything that runs behind the window: the tray icon, the monitor, notifications and their "Quit"
action, and the login item. desktop/app.py makes one `Background` and connects a few signals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from checks.catalogue import CATALOGUE
from checks.check import Check
from checks.live import LiveSystem
from checks.model import CheckResult, Status
from checks.monitor import NotifyMemory, failure_keys, not_working_today, pause_until_tomorrow, paused
from checks.outcome import outcome_of, summary_line
from checks.policy import declaration_states
from checks.profile import Profile
from checks.settings import SettingsStore, UserSettings
from checks.system import System
from desktop import autostart
from desktop.monitor import Clock, Monitor
from desktop.notify import make_notifier
from desktop.quit_app import QuitAsker
from desktop.single_instance import SingleInstance
from desktop.tray import Tray


def attach_background(
    app: QApplication,
    window: Any,
    session: Any,
    instance: SingleInstance,
    clock: Clock | None = None,
    time_scale: float = 1.0,
) -> Background:
    """Wire the background part to the main window (desktop/app.py calls this once; the tray tests pass a
    clock that starts in school hours and runs fast)."""
    bg = Background(
        app,
        window,
        session.profile,
        session.store,
        session.system,
        clock,
        time_scale,
        parent=app,
        checks=session.checks,
    )
    # A replayed snapshot or a pretend time (--replay, --at) is for looking, not for watching this laptop.
    bg.watching = isinstance(session.system, LiveSystem) and session.at is None
    bg.update_close_behaviour()
    instance.show_requested.connect(bg.show_window)
    window.settings_changed.connect(bg.settings_changed)
    window.run_finished.connect(bg.seen_in_window)
    window.quit_requested.connect(bg.quit)
    # Always current: the monitor's daily check fills the window too, and the social apps row checks again
    # after "Quit <app>" and whenever the monitor sees apps come or go.
    bg.monitor.checked.connect(window.take_results)
    bg.asker.closed.connect(window.recheck_social_apps)
    bg.apps_changed.connect(window.recheck_social_apps)

    def check_now() -> None:  # "Check now" from the tray: bring the window up and run every check
        bg.show_window()
        window.check_everything()

    bg.check_requested.connect(check_now)

    def tray_saved(settings: UserSettings) -> None:  # "not working today" / "pause" from the tray menu
        session.settings = settings
        window.refresh_school_hours()

    bg.settings_saved.connect(tray_saved)
    bg.notice.connect(lambda text: window.show_notice([text]))
    return bg


NO_TRAY_NOTICE = (
    "Your desktop has no tray area, so Device Check has no icon there. While its window is open, even "
    "minimised, it watches for social apps in school hours and tells you with a notification. Closing "
    "the window stops it."
)


class Background(QObject):
    check_requested = Signal()  # "Check now" from the tray: the window runs its checks
    settings_saved = Signal(object)  # UserSettings changed from the tray menu
    notice = Signal(str)  # a line for the window's status area
    apps_changed = Signal(object)  # the social apps open now (a tuple of names), when it differs from before

    def __init__(
        self,
        app: QApplication,
        window: QWidget | None,
        profile: Profile,
        store: SettingsStore | None = None,
        system: System | None = None,
        clock: Clock | None = None,
        time_scale: float = 1.0,
        parent: QObject | None = None,
        checks: tuple[Check, ...] = CATALOGUE,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.window = window
        self.profile = profile
        self.store = store or SettingsStore()
        self.system = system or LiveSystem()
        self.tray = Tray(self)
        self._problems: list[str] = []  # said in start(), once the window listens
        self.notifier = make_notifier(self.tray.icon, on_problem=self._problems.append)
        self.memory = NotifyMemory.load(self.store.folder / "monitor.json")
        self.monitor = Monitor(
            self.system, profile, self.store, self.notifier, self.memory, clock, time_scale, self, checks
        )
        self.asker = QuitAsker(self.system, profile, self)
        self._start_at_login = self.store.load_settings().start_at_login
        self.watching = True

        self.notifier.action.connect(self._notification_action)
        self.tray.open_requested.connect(self.show_window)
        self.tray.check_requested.connect(self.check_requested)
        self.tray.not_working_today.connect(lambda on: self._change(not_working_today, on))
        self.tray.pause_requested.connect(lambda on: self._change(pause_until_tomorrow, on))
        self.monitor.planned.connect(lambda _plan: self._show_choices())
        self.tray.quit_requested.connect(self.quit)
        self.monitor.checked.connect(lambda payload: self.show_results(payload[0]))
        self.monitor.storage_warning.connect(self.notice)
        self._apps_seen: tuple[str, ...] | None = None
        self._quitting = False
        self.monitor.scanned.connect(self._apps_scanned)
        self.update_close_behaviour()

    def update_close_behaviour(self, settings: UserSettings | None = None) -> None:
        """Closing the window leaves the monitor running only where its icon stays in the tray, with "Quit"
        in its menu. With no tray, or monitoring off, closing the window quits: no process is ever left
        running without a window or an icon."""
        settings = settings or self.store.load_settings()
        stays = self.tray.available and settings.monitoring and self.watching
        self.app.setQuitOnLastWindowClosed(not stays)

    def start(self) -> None:
        if not self.watching:
            return
        for problem in self._problems:
            self.notice.emit(problem)
        if not self.tray.available:
            self.notice.emit(NO_TRAY_NOTICE)
            if self.memory.fresh(["notice:no-tray"], self.monitor.clock().date()):
                self.notifier.notify("notice:no-tray", "Device Check is running", NO_TRAY_NOTICE)
        self.monitor.start()

    # ---- from the window -----------------------------------------------------------------------------
    def show_results(self, results: list[CheckResult]) -> None:
        """The tray icon follows the latest results, from the window's run or the daily check."""
        decls = declaration_states(self.profile.declarations, self.store.load_declarations())
        now = self.monitor.clock()
        self.tray.set_outcome(outcome_of(results, decls, now), summary_line(results, decls, now))

    def seen_in_window(self, results: list[CheckResult]) -> None:
        """The candidate has just seen these failures in the window: the daily check need not repeat them.
        A window in the tray or minimised (started at sign-in) was not seen: the daily check still says them."""
        self.show_results(results)
        if self.window is None or not self.window.isVisible() or self.window.isMinimized():
            return
        self.memory.fresh(failure_keys([r.id for r in results if r.status is Status.FAIL]), self.monitor.clock().date())

    def settings_changed(self, settings: UserSettings | None = None) -> None:
        """The settings dialog saved: follow "start at login" and re-plan the monitor."""
        settings = settings or self.store.load_settings()
        if settings.start_at_login != self._start_at_login:
            try:
                autostart.apply(settings.start_at_login)
            except OSError as exc:
                self.notice.emit(
                    f"Device Check could not change its start-when-you-sign-in setting ({exc.strerror or exc})."
                )
            self._start_at_login = settings.start_at_login
        self.update_close_behaviour(settings)
        self.monitor.replan()

    def _apps_scanned(self, payload: tuple[tuple[str, ...], object]) -> None:
        apps = tuple(sorted(payload[0]))
        if self._apps_seen is not None and apps != self._apps_seen:
            self.apps_changed.emit(apps)
        self._apps_seen = apps

    def show_window(self) -> None:
        if self.window is None:
            return
        self.window.show()
        self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
        self.window.raise_()
        self.window.activateWindow()

    def quit(self) -> None:
        if self._quitting:  # the window's menu and the tray may both ask
            return
        self._quitting = True
        self.monitor.stop()
        self.tray.hide()
        self.notifier.close()
        self.app.quit()

    # ---- from the tray and notifications ----------------------------------------------------------------
    def _change(self, how: Callable[[UserSettings, date, bool], UserSettings], on: bool) -> None:
        settings = how(self.store.load_settings(), self.monitor.clock().date(), on)
        try:
            self.store.save_settings(settings)
        except OSError as exc:  # a full disk: the choice still holds until Device Check is closed
            self.notice.emit(f"Device Check could not save your settings ({exc.strerror or exc}).")
        self.settings_saved.emit(settings)
        self.monitor.replan()

    def _show_choices(self) -> None:
        settings = self.monitor.last_settings
        today = self.monitor.clock().date()
        if settings is not None:
            self.tray.show_choices(settings.not_working_on == today, paused(settings, today))

    def _notification_action(self, key: str, action: str) -> None:
        if key.startswith("app:") and action in ("quit", "default"):
            self.asker.ask(key.split(":", 1)[1], self.window if self.window and self.window.isVisible() else None)
        elif action == "default":
            self.show_window()
