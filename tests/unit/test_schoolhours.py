from datetime import UTC, date, datetime, time

from checks.profile import load_profile
from checks.schoolhours import next_session_start, school_day
from checks.settings import UserSettings

UTC = UTC
HOURS = load_profile().school_hours


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_weekday_inside_and_outside_hours():
    assert school_day(at("2026-11-25T10:30"), HOURS, UserSettings()).in_session  # a Wednesday
    before = school_day(at("2026-11-25T07:59"), HOURS, UserSettings())
    assert not before.in_session and "start at 08:00" in before.reason
    assert not school_day(at("2026-11-25T16:00"), HOURS, UserSettings()).in_session


def test_weekend_holiday_and_not_working_today():
    assert "Saturday" in school_day(at("2026-11-28T10:00"), HOURS, UserSettings()).reason
    holiday = UserSettings(holidays=((date(2026, 11, 23), date(2026, 11, 27)),))
    assert school_day(at("2026-11-25T10:00"), HOURS, holiday).reason == "it is a school holiday"
    off = UserSettings(not_working_on=date(2026, 11, 25))
    assert not school_day(at("2026-11-25T10:00"), HOURS, off).in_session
    assert school_day(at("2026-11-26T10:00"), HOURS, off).in_session


def test_candidate_week_overrides_profile_days():
    week = {d: None for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    week["sat"] = (time(9), time(12))
    s = UserSettings(week=week)
    assert school_day(at("2026-11-28T10:00"), HOURS, s).in_session
    assert not school_day(at("2026-11-25T10:00"), HOURS, s).in_session


def test_next_start_skips_the_weekend():
    nxt = next_session_start(at("2026-11-27T17:00"), HOURS, UserSettings())  # Friday evening
    assert nxt == at("2026-11-30T08:00")
    inside = at("2026-11-25T10:00")
    assert next_session_start(inside, HOURS, UserSettings()) == inside
