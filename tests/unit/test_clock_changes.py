"""`--at` and school hours across both 2026 clock changes in Europe/London (29 March: GMT to BST;
25 October: BST to GMT), with the machine's zone set the way a laptop sets it (TZ=Europe/London and the
system's tzdata)."""

import json
import time
from datetime import UTC, datetime

import pytest

from checks.monitor import plan
from checks.profile import load_profile
from checks.schoolhours import in_zone_of, next_session_start
from checks.settings import UserSettings
from tests.conftest import run_cli

LONDON = {"TZ": "Europe/London"}


@pytest.fixture
def london(monkeypatch):
    """This process in Europe/London, put back afterwards (time.tzset reads TZ again)."""
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("at", "offset", "in_session"),
    [
        ("2026-03-27T10:00", "+00:00", True),  # Friday before the clocks go forward
        ("2026-03-30T08:30", "+01:00", True),  # Monday after: BST
        ("2026-07-01T17:00", "+01:00", False),  # the case from the issue: summer, after school
        ("2026-10-23T15:00", "+01:00", True),  # Friday before the clocks go back
        ("2026-10-26T08:30", "+00:00", True),  # Monday after: GMT again
        ("2026-10-26T07:59", "+00:00", False),
    ],
)
def test_at_without_offset_uses_the_zone_rules_for_that_date(at, offset, in_session):
    proc = run_cli("check", "--json", "--only", "social-apps", "--at", at, env=LONDON)
    assert proc.returncode in (0, 1, 3), proc.stderr
    report = json.loads(proc.stdout)
    assert report["checked_at"] == at + ":00" + offset
    assert report["school_hours"]["in_session"] is in_session


def test_at_with_an_offset_is_kept():
    proc = run_cli("check", "--json", "--only", "social-apps", "--at", "2026-07-01T10:00+00:00", env=LONDON)
    assert json.loads(proc.stdout)["checked_at"] == "2026-07-01T10:00:00+00:00"


def test_next_school_start_after_each_clock_change(london):
    hours = load_profile().school_hours
    friday_march = datetime(2026, 3, 27, 17, 0).astimezone()  # GMT, as the machine's clock gives it
    monday = next_session_start(friday_march, hours, UserSettings())
    assert monday is not None and monday.astimezone(UTC) == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)  # 08:00 BST
    friday_october = datetime(2026, 10, 23, 17, 0).astimezone()  # BST
    monday = next_session_start(friday_october, hours, UserSettings())
    assert monday is not None and monday.astimezone(UTC) == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)  # 08:00 GMT


def test_monitor_wakes_at_eight_on_the_monday_after_each_change(london):
    profile = load_profile()
    for friday, monday_utc in (
        (datetime(2026, 3, 27, 16, 0), datetime(2026, 3, 30, 7, 0, tzinfo=UTC)),
        (datetime(2026, 10, 23, 16, 0), datetime(2026, 10, 26, 8, 0, tzinfo=UTC)),
    ):
        wake = plan(profile, UserSettings(), friday.astimezone()).next_wake
        assert wake is not None and wake.astimezone(UTC) == monday_utc
        assert f"{wake:%H:%M}" == "08:00"


def test_other_zones_are_kept_as_given(london):
    # A snapshot's fixed offset (another machine's clock) is not this machine's zone: it is not reinterpreted.
    snapshot_time = datetime.fromisoformat("2026-03-27T10:00:00+05:30")
    assert in_zone_of(datetime(2026, 7, 1, 10, 0), snapshot_time).utcoffset() == snapshot_time.utcoffset()
