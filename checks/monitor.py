"""The tray monitor's decisions, without Qt: when to look for social apps, when to wake up next, and
what has already been said today.

In school hours it scans every `[monitor] interval_seconds`; outside them it sleeps until the next
school-hours start (no polling all night). "Not working today", "pause monitoring until tomorrow" and
monitoring switched off all mean: no scan, no notification. Each app, and each failing check, is
mentioned once per day; the memory of what was said lives in the config folder and a new day clears it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from checks.atomic import load_json_or_backup, write_json_unless_newer
from checks.paths import config_dir
from checks.profile import Profile, SocialApp
from checks.readers.social_app_match import match_social_apps
from checks.schoolhours import in_zone_of, next_session_start, school_day
from checks.settings import UserSettings
from checks.system import ProcessInfo

MEMORY_SCHEMA = "devicecheck-monitor/1"
# A timer is never set further ahead than this: a laptop asleep overnight (or a clock change) would
# otherwise wake the monitor late. Waking only re-plans; it does not scan outside school hours.
MAX_SLEEP = timedelta(minutes=30)


@dataclass(frozen=True)
class Plan:
    scan_now: bool  # look for social apps now
    full_check_now: bool  # run every check now (once a day, at the start of school hours)
    next_wake: datetime | None  # when to plan again; None: not until the settings change
    reason: str  # plain words for the tray tooltip: "Watching for social apps until 16:00"

    def sleep_seconds(self, now: datetime) -> float | None:
        """How long a timer should wait, capped at MAX_SLEEP; None when there is nothing to wait for."""
        if self.next_wake is None:
            return None
        wait = min(self.next_wake - now, MAX_SLEEP)
        return max(0.0, wait.total_seconds())


def paused(settings: UserSettings, today: date) -> bool:
    """'Pause monitoring until tomorrow' stores tomorrow's date: paused while today is before it."""
    return settings.monitor_paused_until is not None and today < settings.monitor_paused_until


def plan(profile: Profile, settings: UserSettings, now: datetime, last_full_check: date | None = None) -> Plan:
    """What the monitor does at `now` (local, aware) and when it next wakes."""
    if not settings.monitoring:
        return Plan(False, False, None, "Monitoring is turned off in Settings.")
    hours = profile.school_hours
    interval = timedelta(seconds=profile.monitor_interval_seconds)
    if paused(settings, now.date()):
        assert settings.monitor_paused_until is not None
        resume = in_zone_of(datetime.combine(settings.monitor_paused_until, time(0)), now)
        nxt = next_session_start(resume, hours, settings)
        return Plan(False, False, nxt, "Monitoring is paused until tomorrow.")
    day = school_day(now, hours, settings)
    if day.in_session:
        assert day.today is not None
        full = last_full_check != now.date()
        return Plan(
            True,
            full,
            next_session_start(now + interval, hours, settings),
            f"Watching for social apps until {day.today[1]:%H:%M}.",
        )
    nxt = next_session_start(now, hours, settings)
    if nxt is None:
        return Plan(False, False, None, "No school hours are coming up, so there is nothing to watch.")
    return Plan(False, False, nxt, f"Not in school hours ({day.reason}). Next watch: {_when(nxt, now)}.")


def _when(at: datetime, now: datetime) -> str:
    if at.date() == now.date():
        return f"today at {at:%H:%M}"
    if at.date() == now.date() + timedelta(days=1):
        return f"tomorrow at {at:%H:%M}"
    return f"{at:%A %d %B} at {at:%H:%M}"


def pause_until_tomorrow(settings: UserSettings, today: date, on: bool = True) -> UserSettings:
    """Pause until tomorrow, or (on=False) resume now."""
    return replace(settings, monitor_paused_until=today + timedelta(days=1) if on else None)


def not_working_today(settings: UserSettings, today: date, on: bool = True) -> UserSettings:
    """'Not working today', or (on=False) working after all."""
    return replace(settings, not_working_on=today if on else None)


# ---- what has been said today -----------------------------------------------------------------------
@dataclass
class NotifyMemory:
    """Keys already notified today ("app:Discord", "check:screen-lock") and the day of the last full
    check. Saved atomically after each change, so a restart in the afternoon does not repeat itself."""

    path: Path
    day: date | None = None
    said: set[str] = field(default_factory=set)
    last_full_check: date | None = None
    warnings: list[str] = field(default_factory=list)
    save_failed: bool = False  # said once in `warnings`; later failures stay quiet

    @classmethod
    def load(cls, path: Path | None = None) -> NotifyMemory:
        path = path or config_dir() / "monitor.json"
        data, warning = load_json_or_backup(path, MEMORY_SCHEMA)
        memory = cls(path, warnings=[warning] if warning else [])
        if data:
            memory.day = _date(data.get("day"))
            said = data.get("said")
            memory.said = {str(k) for k in said} if isinstance(said, list) else set()
            memory.last_full_check = _date(data.get("last_full_check"))
        return memory

    def _roll(self, today: date) -> None:
        if self.day != today:
            self.day = today
            self.said = set()

    def fresh(self, keys: list[str], today: date) -> list[str]:
        """The keys not yet said today, in order; they are remembered (and saved) as said."""
        self._roll(today)
        new = [k for k in dict.fromkeys(keys) if k not in self.said]
        if new:
            self.said.update(new)
            self.save()
        return new

    def full_check_done(self, today: date) -> None:
        self.last_full_check = today
        self.save()

    def save(self) -> bool:
        """Never raises: a full disk or a newer version's file must not stop a notification or the monitor.
        The first failure adds one line to `warnings`; the memory still holds today's keys."""
        try:
            if write_json_unless_newer(self.path, self.to_json(), MEMORY_SCHEMA):
                return True
            problem = "was made by a newer version of Device Check and is left as it is"
        except OSError as exc:
            problem = f"could not be saved ({exc.strerror or exc})"
        if not self.save_failed:
            self.save_failed = True
            self.warnings.append(
                f"{self.path}: {problem}; monitoring goes on, but after a restart today's reminders may be repeated"
            )
        return False

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": MEMORY_SCHEMA,
            "day": self.day.isoformat() if self.day else None,
            "said": sorted(self.said),
            "last_full_check": self.last_full_check.isoformat() if self.last_full_check else None,
        }


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def app_keys(apps: tuple[str, ...] | list[str]) -> list[str]:
    return [f"app:{name}" for name in apps]


def failure_keys(failed_ids: list[str]) -> list[str]:
    return [f"check:{cid}" for cid in failed_ids]


# ---- finding an app's processes (for "Quit Discord") ------------------------------------------------
def app_processes(processes: list[ProcessInfo], app: SocialApp, os_name: str) -> list[ProcessInfo]:
    """The processes that made the scan name this app: the same matching as the social-apps probe."""
    return [p for p in processes if match_social_apps([p], [app], os_name)]


def find_app(profile: Profile, name: str) -> SocialApp | None:
    return next((a for a in profile.social_apps if a.name == name), None)
