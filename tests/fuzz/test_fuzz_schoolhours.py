"""Fuzz school hours: for any profile hours, candidate settings and moment, the answers agree with each
other: the next session never starts in the past, "in session now" exactly when it starts now and
today's hours say so, and the moment it names is itself in session."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from checks.profile import DAYS, SchoolHours
from checks.schoolhours import hours_for, next_session_start, school_day
from checks.settings import UserSettings
from tests.fuzz.conftest import FUZZ

minutes = st.times().map(lambda t: t.replace(second=0, microsecond=0))
near_dates = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31))
ranges = st.tuples(near_dates, st.integers(0, 20)).map(lambda p: (p[0], p[0] + timedelta(days=p[1])))


@st.composite
def profile_hours(draw: st.DrawFn) -> SchoolHours:
    start = draw(minutes.filter(lambda t: t < time(23, 59)))
    end = draw(minutes.filter(lambda t: t > start))  # the profile loader refuses end <= start
    days = tuple(draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=7, unique=True)))
    return SchoolHours(days, start, end, tuple(draw(st.lists(ranges, max_size=3))))


week_hours = st.none() | st.tuples(minutes, minutes)  # settings.json may hold any pair, even end before start
user_settings = st.builds(
    UserSettings,
    week=st.none() | st.fixed_dictionaries({d: week_hours for d in DAYS}),
    holidays=st.lists(ranges, max_size=3).map(tuple),
    not_working_on=st.none() | near_dates,
)
moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.timezones())


@FUZZ
@given(hours=profile_hours(), settings=user_settings, at=moments)
def test_school_hours_answers_agree(hours: SchoolHours, settings: UserSettings, at: datetime) -> None:
    day = school_day(at, hours, settings)
    nxt = next_session_start(at, hours, settings)
    today, why_not = hours_for(at.date(), hours, settings)
    assert day.reason and (today is not None or why_not)
    if nxt is not None:
        assert nxt >= at
        assert school_day(nxt, hours, settings).in_session, (nxt, hours_for(nxt.date(), hours, settings))
    assert day.in_session == (nxt == at)
    if day.in_session:
        assert today is not None and today[0] <= at.time().replace(tzinfo=None) < today[1]
        assert day.today == today and day.today_text()
