"""social-sites: real Chromium History and Firefox places.sqlite files (the browsers' own schemas, see
tests/fixtures/*.source.txt) in a temporary home, read by `devicecheck check` as a user would run it."""

import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, only_result, run_cli

TZ = timezone(timedelta(hours=1))  # not UTC, so a time-zone slip shows
AT = "2026-11-25T15:00:00+01:00"  # Wednesday, in school hours (08:00-16:00)
SATURDAY = "2026-11-28T15:00:00+01:00"
SECRET_PATH = "private-page-4c1d"  # part of every URL: must never appear in a result or snapshot
CHROMIUM_OFFSET_S = 11_644_473_600


def local(hour, minute=0, day=25):
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def chromium_time(moment):
    return int((moment.timestamp() + CHROMIUM_OFFSET_S) * 1_000_000)


def make_chromium_history(path: Path, visits):
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript((FIXTURES / "chromium_history_schema.sql").read_text())
    for i, (url, moment) in enumerate(visits, start=1):
        db.execute(
            "INSERT INTO urls(id, url, title, visit_count, last_visit_time) VALUES (?, ?, ?, 1, ?)",
            (i, url, "Title " + SECRET_PATH, chromium_time(moment)),
        )
        db.execute(
            "INSERT INTO visits(url, visit_time, transition) VALUES (?, ?, 805306368)", (i, chromium_time(moment))
        )
    db.commit()
    db.close()


def make_firefox_places(path: Path, visits):
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript((FIXTURES / "firefox_places_schema.sql").read_text())
    for i, (url, moment) in enumerate(visits, start=1):
        host = url.split("/")[2]
        db.execute(
            "INSERT INTO moz_places(id, url, title, rev_host, guid) VALUES (?, ?, ?, ?, ?)",
            (i, url, "Title " + SECRET_PATH, host[::-1] + ".", f"guid{i}"),
        )
        db.execute(
            "INSERT INTO moz_historyvisits(place_id, visit_date, visit_type) VALUES (?, ?, 1)",
            (i, int(moment.timestamp() * 1_000_000)),
        )
    db.commit()
    db.close()


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    profile = tmp_path / "agency.toml"
    profile.write_text("[checks.social-sites]\nenabled = true\n")
    return home, profile


def check(home, profile, at=AT, *extra):
    proc = run_cli(
        "check",
        "--json",
        "--only",
        "social-sites",
        "--profile",
        str(profile),
        "--at",
        at,
        *extra,
        env={"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")},
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc, only_result(proc)


def chrome_visits():
    return [
        (f"https://www.facebook.com/{SECRET_PATH}", local(9, 5)),
        (f"https://m.facebook.com/{SECRET_PATH}?q=1", local(11, 40)),  # subdomain: counts
        (f"https://www.facebook.com/{SECRET_PATH}", local(7, 30)),  # before school hours
        (f"https://www.facebook.com/{SECRET_PATH}", local(17, 0, day=24)),  # yesterday evening
        (f"https://notfacebook.com/{SECRET_PATH}", local(10, 0)),  # look-alike: never counts
        (f"https://example.org/?next=https://facebook.com/{SECRET_PATH}", local(10, 30)),  # only in the path
        (f"https://www.bbc.co.uk/{SECRET_PATH}", local(10, 0)),
    ]


def test_chromium_and_firefox_visits_in_school_hours_fail_with_counts_only(home):
    home, profile = home
    make_chromium_history(home / ".config/google-chrome/Default/History", chrome_visits())
    make_chromium_history(
        home / ".config/google-chrome/Profile 1/History", [(f"https://facebook.com:443/{SECRET_PATH}", local(14, 0))]
    )
    ff = home / ".mozilla/firefox"
    make_firefox_places(
        ff / "abcd.default-release/places.sqlite",
        [
            (f"https://www.instagram.com/{SECRET_PATH}", local(13, 15)),
            (f"https://www.instagram.com/{SECRET_PATH}", local(16, 30)),
        ],
    )  # after school hours
    (ff / "profiles.ini").write_text("[Profile0]\nName=default-release\nIsRelative=1\nPath=abcd.default-release\n")

    proc, result = check(home, profile)
    assert proc.returncode == 1
    assert result["status"] == "fail"
    visits = {(v["domain"], v["browser"]): v for v in result["evidence"]["visits"]}
    assert set(visits) == {("facebook.com", "Chrome"), ("instagram.com", "Firefox")}
    fb = visits[("facebook.com", "Chrome")]
    assert fb["count"] == 3  # 09:05 and 11:40 in Default, 14:00 in Profile 1
    assert fb["first"] == "2026-11-25T09:05:00+01:00" and fb["last"] == "2026-11-25T14:00:00+01:00"
    assert visits[("instagram.com", "Firefox")]["count"] == 1
    assert "facebook.com in Chrome (3 visits, 09:05 to 14:00)" in result["detail"]
    assert SECRET_PATH not in proc.stdout and "notfacebook" not in proc.stdout
    assert sorted(result["evidence"]["browsers_read"]) == [
        "Chrome (Default)",
        "Chrome (Profile 1)",
        "Firefox (default-release)",
    ]


def test_snapshot_keeps_only_counts_and_replays(home, tmp_path):
    home, profile = home
    make_chromium_history(home / ".config/google-chrome/Default/History", chrome_visits())
    snap = tmp_path / "snap.json"
    proc = run_cli(
        "snapshot",
        "-o",
        str(snap),
        "--profile",
        str(profile),
        env={
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / "data"),
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-devicecheck-test",
        },
    )
    assert proc.returncode == 0, proc.stderr
    text = snap.read_text()
    assert SECRET_PATH not in text and "Title" not in text
    rows = [q["rows"] for q in json.loads(text)["queries"] if q["path"].endswith("History")]
    if rows:  # the snapshot was taken "now": only a school day has a window to record
        assert all(len(row) == 4 for r in rows for row in r)  # domain, count, first, last
    replay = run_cli("check", "--json", "--only", "social-sites", "--profile", str(profile), "--replay", str(snap))
    assert replay.returncode in (0, 1, 3), replay.stderr


def test_firefox_profiles_in_snap_flatpak_and_absolute_paths(home, tmp_path):
    home, profile = home
    snap_root = home / "snap/firefox/common/.mozilla/firefox"
    elsewhere = tmp_path / "elsewhere-profile"
    make_firefox_places(elsewhere / "places.sqlite", [(f"https://www.reddit.com/{SECRET_PATH}", local(10, 0))])
    (snap_root).mkdir(parents=True)
    (snap_root / "profiles.ini").write_text(f"[Profile0]\nName=roaming\nIsRelative=0\nPath={elsewhere}\n")
    flat_root = home / ".var/app/org.mozilla.firefox/.mozilla/firefox"
    make_firefox_places(
        flat_root / "x.default/places.sqlite", [(f"https://old.reddit.com/{SECRET_PATH}", local(12, 0))]
    )
    (flat_root / "profiles.ini").write_text("[Profile0]\nName=flat\nIsRelative=1\nPath=x.default\n")
    proc, result = check(home, profile)
    assert result["status"] == "fail"
    assert result["evidence"]["visits"] == [
        {
            "domain": "reddit.com",
            "count": 2,
            "first": "2026-11-25T10:00:00+01:00",
            "last": "2026-11-25T12:00:00+01:00",
            "browser": "Firefox",
        }
    ]


def test_no_visit_in_school_hours_passes(home):
    home, profile = home
    make_chromium_history(
        home / ".config/chromium/Default/History", [(f"https://www.facebook.com/{SECRET_PATH}", local(18, 0))]
    )
    proc, result = check(home, profile)
    assert result["status"] == "pass", result
    assert result["evidence"]["browsers_read"] == ["Chromium (Default)"]


def test_not_a_school_day_passes_without_reading(home):
    home, profile = home
    make_chromium_history(home / ".config/google-chrome/Default/History", chrome_visits())
    proc, result = check(home, profile, SATURDAY)
    assert result["status"] == "pass"
    assert "Saturday is not a school day" in result["detail"]


def test_off_unless_turned_on(home):
    home, _profile = home
    proc = run_cli("check", "--json", "--only", "social-sites", "--at", AT, env={"HOME": str(home)})
    assert only_result(proc)["status"] == "skipped"


def test_a_database_locked_by_the_browser_is_still_read(home):
    home, profile = home
    path = home / ".config/BraveSoftware/Brave-Browser/Default/History"
    make_chromium_history(path, chrome_visits())
    browser = sqlite3.connect(path, isolation_level=None)  # what a running browser holds: an exclusive lock
    browser.execute("BEGIN EXCLUSIVE")
    browser.execute("INSERT INTO visits(url, visit_time) VALUES (1, ?)", (chromium_time(local(12, 0)),))
    try:
        proc, result = check(home, profile)
    finally:
        browser.execute("ROLLBACK")
        browser.close()
    # Read without waiting for the lock (immutable): the committed visits count, the unfinished one does not.
    assert result["status"] == "fail"
    assert result["evidence"]["visits"][0]["count"] == 2
    assert result["evidence"]["unreadable"] == []


def test_uncheckpointed_wal_rows_are_read(home):
    home, profile = home
    path = home / ".mozilla/firefox/p.default/places.sqlite"
    make_firefox_places(path, [])
    (home / ".mozilla/firefox/profiles.ini").write_text("[Profile0]\nName=default\nIsRelative=1\nPath=p.default\n")
    firefox = sqlite3.connect(path)  # Firefox runs places.sqlite in WAL mode and keeps it open
    firefox.execute("PRAGMA journal_mode=WAL")
    firefox.execute("PRAGMA wal_autocheckpoint=0")
    firefox.execute(
        "INSERT INTO moz_places(id, url, rev_host) VALUES (1, 'https://www.tiktok.com/x', 'moc.kotkit.www.')"
    )
    firefox.execute(
        "INSERT INTO moz_historyvisits(place_id, visit_date) VALUES (1, ?)",
        (int(local(10, 0).timestamp() * 1_000_000),),
    )
    firefox.commit()
    try:
        assert (path.parent / "places.sqlite-wal").stat().st_size > 0
        proc, result = check(home, profile)
    finally:
        firefox.close()
    assert result["status"] == "fail"
    assert [v["domain"] for v in result["evidence"]["visits"]] == ["tiktok.com"]


def test_damaged_history_is_listed_and_alone_gives_unknown(home):
    home, profile = home
    bad = home / ".config/microsoft-edge/Default/History"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"this is not a database" * 100)
    proc, result = check(home, profile)
    assert result["status"] == "unknown"
    assert "Edge (Default)" in result["detail"]
    make_chromium_history(home / ".config/google-chrome/Default/History", chrome_visits())
    proc, result = check(home, profile)
    assert result["status"] == "fail"
    assert result["evidence"]["unreadable"] and "Edge (Default)" in result["evidence"]["unreadable"][0]


def test_no_browser_at_all_is_unknown(home):
    home, profile = home
    proc, result = check(home, profile)
    assert result["status"] == "unknown"
    assert "no browser history" in result["detail"]
