"""What a judge gets: the one door to the OS, the profile, the candidate's settings and the time."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from checks.desktops import detect_desktop
from checks.facts import Platform
from checks.profile import Profile
from checks.schoolhours import SchoolDay, school_day
from checks.settings import UserSettings
from checks.system import System

T = TypeVar("T")


@dataclass
class CheckContext:
    system: System
    profile: Profile
    settings: UserSettings
    now: datetime  # local, aware: `--at` or the snapshot's time, else the clock
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _memo_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def school_day(self) -> SchoolDay:
        return school_day(self.now, self.profile.school_hours, self.settings)

    @property
    def platform(self) -> Platform:
        if self.system.platform == "windows":
            return Platform("windows", "Windows")
        if self.system.platform == "darwin":
            return Platform("darwin", "macOS")
        known, raw = detect_desktop(self.system.env)
        return Platform("linux", known, raw)

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """Compute a probe's facts once per run even when two checks ask at the same time."""
        with self._memo_lock:
            slot = self._memo.get(key)
            if slot is None:
                slot = self._memo[key] = _Once()
        return slot.get(compute)  # type: ignore[no-any-return]


class _Once:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = False
        self._value: Any = None
        self._error: BaseException | None = None

    def get(self, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if not self._done:
                try:
                    self._value = compute()
                except BaseException as exc:  # every asker sees the same failure
                    self._error = exc
                self._done = True
        if self._error is not None:
            raise self._error
        return self._value
