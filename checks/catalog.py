"""The check catalogue: every check id with its clause, title and judge, and the context a judge gets.

Each module in checks/rules/ registers its checks with `@register(...)`. A judge takes a CheckContext and
returns a Verdict; it reads the machine only through `ctx.system` (the one door), usually via a probe.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from checks.desktops import detect_desktop
from checks.facts import Platform
from checks.model import Verdict
from checks.profile import CHECK_IDS, Profile
from checks.schoolhours import SchoolDay, school_day
from checks.settings import UserSettings
from checks.system import System

T = TypeVar("T")
Judge = Callable[["CheckContext"], Verdict]


@dataclass(frozen=True)
class CheckSpec:
    id: str
    clause: int
    title: str  # what passing means, in plain words: "Your screen locks by itself"
    judge: Judge | None  # None: not built yet on this version
    opt_in: bool = False  # off unless the profile or the candidate turns it on


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


CLAUSE_OF = {
    "account-password": 2,
    "autologin": 2,
    "screen-lock": 2,
    "lock-on-wake": 2,
    "disk-encryption": 2,
    "social-apps": 1,
    "social-sites": 1,
    "credential-store": 11,
    "password-manager": 2,
    "browser-passwords": 2,
    "plaintext-passwords": 11,
}
TITLES = {
    "account-password": "Signing in needs a password or PIN",
    "autologin": "The laptop does not sign in by itself",
    "screen-lock": "The screen locks by itself when you step away",
    "lock-on-wake": "A password is asked when the laptop wakes",
    "disk-encryption": "The laptop's disk is encrypted",
    "social-apps": "No social media apps open during the school day",
    "social-sites": "No social media sites visited during the school day",
    "credential-store": "Saved passwords are kept in a safe store",
    "password-manager": "A password manager is installed",
    "browser-passwords": "Passwords saved in your browser are protected",
    "plaintext-passwords": "No password lists saved as ordinary files",
}
_REGISTRY: dict[str, CheckSpec] = {
    cid: CheckSpec(cid, CLAUSE_OF[cid], TITLES[cid], None, opt_in=(cid == "social-sites")) for cid in CHECK_IDS
}


def register(check_id: str) -> Callable[[Judge], Judge]:
    """Attach a judge to a check id from DESIGN.md."""

    def attach(judge: Judge) -> Judge:
        spec = _REGISTRY[check_id]
        _REGISTRY[check_id] = CheckSpec(spec.id, spec.clause, spec.title, judge, spec.opt_in)
        return judge

    return attach


def all_specs() -> list[CheckSpec]:
    import checks.rules  # noqa: F401 - importing registers every built judge

    return [_REGISTRY[cid] for cid in CHECK_IDS]


def spec(check_id: str) -> CheckSpec:
    return {s.id: s for s in all_specs()}[check_id]
