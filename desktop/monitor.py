"""The tray monitor: one single-shot QTimer, set from checks.monitor.plan().

Each wake-up re-reads the candidate's settings (so "not working today" from the window or the tray takes
effect at once), plans, and, in school hours, runs the social-apps probe on a worker thread: one process
list, no subprocess. Found apps are notified once per app per day. The full check runs once a day at the
start of school hours; a newly failing check is notified once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from checks.acknowledge import quiet_ids
from checks.catalogue import CATALOGUE
from checks.check import Check
from checks.context import CheckContext
from checks.engine import Engine
from checks.model import CheckResult, Status
from checks.monitor import NotifyMemory, Plan, app_keys, failure_keys, plan
from checks.probes import SOCIAL_APPS, facts_for
from checks.profile import Profile
from checks.settings import SettingsStore, UserSettings
from checks.system import System
from desktop.notify import Notifier

Clock = Callable[[], datetime]


SAID_BY_THE_SCAN = {"social-apps"}  # the scan names each open app in its own notification, once a day


class Monitor(QObject):
    planned = Signal(object)  # Plan, after every wake-up
    scanned = Signal(object)  # tuple of app names found (possibly empty)
    checked = Signal(object)  # list[CheckResult] from the daily full check
    scan_failed = Signal(str)  # a plain reason the scan could not run
    storage_warning = Signal(str)  # a file the monitor keeps could not be saved (said once)

    def __init__(
        self,
        system: System,
        profile: Profile,
        store: SettingsStore,
        notifier: Notifier,
        memory: NotifyMemory | None = None,
        clock: Clock | None = None,
        time_scale: float = 1.0,
        parent: QObject | None = None,
        checks: tuple[Check, ...] = CATALOGUE,
    ) -> None:
        super().__init__(parent)
        self.checks = checks
        self.system = system
        self.profile = profile
        self.store = store
        self.notifier = notifier
        self.memory = memory or NotifyMemory.load()
        self.clock = clock or system.now
        self.time_scale = time_scale  # tests run the timetable faster; 1.0 in the app
        self.scans = 0
        self.last_plan: Plan | None = None
        self.last_settings: UserSettings | None = None
        self._busy = False
        self._warned = len(self.memory.warnings)  # a load warning is the window's to show, not ours
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.wake)
        self.scanned.connect(self._notify_apps)
        self.checked.connect(self._notify_failures)

    # ---- timetable ----------------------------------------------------------------------------------
    def start(self) -> None:
        self.wake()

    def stop(self) -> None:
        self._timer.stop()

    def settings(self) -> UserSettings:
        return self.store.load_settings()

    def wake(self) -> None:
        """Plan now: scan if it is time, then set the one timer for the next wake-up (or none)."""
        now = self.clock()
        settings = self.last_settings = self.settings()
        step = plan(self.profile, settings, now, self.memory.last_full_check)
        self.last_plan = step
        # The next wake-up is set before anything is written, so nothing that fails below can stop monitoring.
        wait = step.sleep_seconds(now)
        if wait is not None:
            self._timer.start(max(1, int(wait * 1000 * self.time_scale)))
        else:
            self._timer.stop()  # monitoring off: nothing until the settings change (see replan)
        if step.full_check_now:
            self.memory.full_check_done(now.date())
            self.run_full_check(settings, now)
        if step.scan_now:
            self._scan(settings, now)
        self._say_storage_warnings()
        self.planned.emit(step)

    def _say_storage_warnings(self) -> None:
        for warning in self.memory.warnings[self._warned :]:
            self.storage_warning.emit(warning)
        self._warned = len(self.memory.warnings)

    def replan(self) -> None:
        """The settings changed (from the window or the tray menu): plan again now."""
        self._timer.stop()
        self.wake()

    @property
    def next_timer_ms(self) -> int | None:
        return self._timer.remainingTime() if self._timer.isActive() else None

    # ---- work off the GUI thread ----------------------------------------------------------------------
    def _scan(self, settings: UserSettings, now: datetime) -> None:
        if self._busy:  # the last scan has not finished (a very slow machine): skip this one
            return
        self._busy = True
        self.scans += 1
        threading.Thread(target=self._scan_worker, args=(settings, now), name="social-apps-scan", daemon=True).start()

    def _scan_worker(self, settings: UserSettings, now: datetime) -> None:
        try:
            ctx = CheckContext(self.system, self.profile, settings, now)
            facts = facts_for(ctx, SOCIAL_APPS)
            apps = tuple(facts.apps)
        except Exception as exc:  # the probe could not tell: say why once, keep the timetable going
            self._busy = False
            self.scan_failed.emit(str(exc))
            return
        self._busy = False
        self.scanned.emit((apps, now))

    def run_full_check(self, settings: UserSettings | None = None, now: datetime | None = None) -> None:
        settings = settings or self.settings()
        at = now or self.clock()

        def work() -> None:
            results = Engine(self.system, self.profile, settings, at, self.checks).run()
            self.checked.emit((results, at))

        threading.Thread(target=work, name="full-check", daemon=True).start()

    # ---- saying it once ------------------------------------------------------------------------------
    def _notify_apps(self, payload: tuple[tuple[str, ...], datetime]) -> None:
        apps, now = payload
        for key in self.memory.fresh(app_keys(list(apps)), now.date()):
            name = key.split(":", 1)[1]
            self.notifier.notify(
                key,
                f"{name} is open during school hours",
                f"Your agency's policy asks you not to use social media during the school day. "
                f"Please close {name} until school finishes.",
                [("quit", f"Quit {name}"), ("default", f"Quit {name}")],
            )
        self._say_storage_warnings()

    def _notify_failures(self, payload: tuple[list[CheckResult], datetime]) -> None:
        """Once per problem per day. The count is every check to fix, as the window and the tray say; the
        list names only what is new today. A check marked "Talked to my consultant" is not brought up, and
        social-apps is left to the scan's own "<app> is open" notice, so one problem is said once."""
        results, now = payload
        failing = {r.id: r for r in results if r.status is Status.FAIL}
        quiet = quiet_ids(results, self.store.load_acknowledgements(), now) | SAID_BY_THE_SCAN
        fresh = self.memory.fresh(failure_keys([cid for cid in failing if cid not in quiet]), now.date())
        if not fresh:
            return
        titles = [failing[k.split(":", 1)[1]].title for k in fresh]
        body = "\n".join(f"• {t}" for t in titles)
        count = "1 thing" if len(failing) == 1 else f"{len(failing)} things"
        self.notifier.notify(
            "checks",
            f"Device Check: {count} to fix",
            body + "\n\nOpen Device Check to see how.",
            [("default", "Open Device Check")],
        )
        self._say_storage_warnings()
