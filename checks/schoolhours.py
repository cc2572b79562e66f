"""Is it the school day? Pure functions of the profile, the candidate's settings and a local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from checks.profile import DAYS, SchoolHours
from checks.settings import UserSettings


@dataclass(frozen=True)
class SchoolDay:
    in_session: bool
    today: tuple[time, time] | None  # today's hours, or None when today is not a school day
    reason: str  # plain words: "in school hours", "weekend", "a holiday", "not working today", ...

    def today_text(self) -> str | None:
        return f"{self.today[0]:%H:%M}-{self.today[1]:%H:%M}" if self.today else None

    def to_json(self) -> dict[str, object]:
        return {"in_session": self.in_session, "today": self.today_text(), "reason": self.reason}


def in_zone_of(wall: datetime, like: datetime | None) -> datetime:
    """A naive wall-clock time given the zone of `like`. The machine's clock gives a fixed offset
    (+01:00 in summer), which is wrong on the other side of a clock change, so when `like` is this machine's
    local time (or None) the local zone's rules for `wall`'s own date decide the offset. Any other zone
    (a snapshot's, or a named zone) is kept as it is."""
    if like is None:
        return wall.astimezone()
    tz = like.tzinfo
    if isinstance(tz, timezone) and like.astimezone().utcoffset() == like.utcoffset():
        return wall.astimezone()
    return wall.replace(tzinfo=tz)


def hours_for(day: date, hours: SchoolHours, settings: UserSettings) -> tuple[tuple[time, time] | None, str]:
    """(start, end) for a date, or None with the reason it is not a school day."""
    if settings.not_working_on == day:
        return None, "you said you are not working today"
    for start, end in (*hours.holidays, *settings.holidays):
        if start <= day <= end:
            return None, "it is a school holiday"
    key = DAYS[day.weekday()]
    if settings.week is not None:
        chosen = settings.week.get(key)
        if chosen and chosen[0] >= chosen[1]:  # a hand-edited settings file: an empty day has no session
            return None, f"your hours for {_day_name(key)} end before they start"
        return (chosen, "") if chosen else (None, f"you do not work on {_day_name(key)}s")
    if key not in hours.days:
        return None, f"{_day_name(key)} is not a school day"
    return (hours.start, hours.end), ""


def school_day(at: datetime, hours: SchoolHours, settings: UserSettings) -> SchoolDay:
    today, why_not = hours_for(at.date(), hours, settings)
    if today is None:
        return SchoolDay(False, None, why_not)
    now = at.time().replace(tzinfo=None)
    if now < today[0]:
        return SchoolDay(False, today, f"school hours start at {today[0]:%H:%M}")
    if now >= today[1]:
        return SchoolDay(False, today, f"school hours ended at {today[1]:%H:%M}")
    return SchoolDay(True, today, f"in school hours ({today[0]:%H:%M} to {today[1]:%H:%M})")


def next_session_start(
    at: datetime, hours: SchoolHours, settings: UserSettings, horizon_days: int = 400
) -> datetime | None:
    """When school hours next begin after `at` (or `at` itself when in session); None if never within the horizon."""
    for offset in range(horizon_days):
        day = at.date() + timedelta(days=offset)
        today, _ = hours_for(day, hours, settings)
        if today is None:
            continue
        start = in_zone_of(datetime.combine(day, today[0]), at)
        end = in_zone_of(datetime.combine(day, today[1]), at)
        if at < end:
            return max(start, at)
    return None


DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}


def _day_name(key: str) -> str:
    return DAY_NAMES[key]
