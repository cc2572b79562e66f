"""The tray monitor's timetable and its once-a-day memory (pure logic, no Qt)."""

from datetime import UTC, date, datetime, timedelta

from checks.monitor import (
    MAX_SLEEP,
    NotifyMemory,
    app_keys,
    app_processes,
    not_working_today,
    pause_until_tomorrow,
    plan,
)
from checks.profile import SocialApp, load_profile
from checks.settings import UserSettings
from checks.system import ProcessInfo

PROFILE = load_profile()  # Monday to Friday, 08:00-16:00, 60 s interval


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_in_school_hours_it_scans_and_wakes_after_one_interval():
    p = plan(PROFILE, UserSettings(), at("2026-11-25T10:30"))  # a Wednesday
    assert p.scan_now
    assert p.next_wake == at("2026-11-25T10:31")
    assert p.sleep_seconds(at("2026-11-25T10:30")) == 60
    assert "16:00" in p.reason


def test_last_interval_of_the_day_sleeps_until_the_next_morning():
    p = plan(PROFILE, UserSettings(), at("2026-11-25T15:59:30"))
    assert p.scan_now
    assert p.next_wake == at("2026-11-26T08:00")


def test_evening_and_weekend_sleep_until_school_starts_without_scanning():
    evening = plan(PROFILE, UserSettings(), at("2026-11-25T19:00"))
    assert not evening.scan_now and evening.next_wake == at("2026-11-26T08:00")
    assert "tomorrow at 08:00" in evening.reason
    friday = plan(PROFILE, UserSettings(), at("2026-11-27T16:30"))
    assert not friday.scan_now and friday.next_wake == at("2026-11-30T08:00")  # Monday


def test_a_long_wait_is_cut_into_re_plans_so_a_sleeping_laptop_wakes_on_time():
    now = at("2026-11-25T19:00")
    p = plan(PROFILE, UserSettings(), now)
    assert p.sleep_seconds(now) == MAX_SLEEP.total_seconds()
    # Re-planning at every capped wake-up never scans before 08:00: 26 wake-ups, not 780 scans.
    wakes, t = 0, now
    while True:
        step = plan(PROFILE, UserSettings(), t)
        if step.scan_now:
            break
        wakes += 1
        secs = step.sleep_seconds(t)
        assert secs is not None and secs > 0
        t += timedelta(seconds=secs)
    assert t == at("2026-11-26T08:00") and wakes == 26


def test_not_working_today_means_no_scan_until_the_next_working_day():
    now = at("2026-11-25T10:30")
    s = not_working_today(UserSettings(), now.date())
    p = plan(PROFILE, s, now)
    assert not p.scan_now and p.next_wake == at("2026-11-26T08:00")


def test_pause_until_tomorrow_and_monitoring_off():
    now = at("2026-11-25T10:30")
    p = plan(PROFILE, pause_until_tomorrow(UserSettings(), now.date()), now)
    assert not p.scan_now and p.next_wake == at("2026-11-26T08:00") and "paused" in p.reason
    # The next day the pause is over by itself.
    assert plan(PROFILE, pause_until_tomorrow(UserSettings(), now.date()), at("2026-11-26T09:00")).scan_now
    off = plan(PROFILE, UserSettings(monitoring=False), now)
    assert not off.scan_now and off.next_wake is None and off.sleep_seconds(now) is None


def test_full_check_once_a_day_at_the_start_of_school_hours():
    first = plan(PROFILE, UserSettings(), at("2026-11-25T08:00"), last_full_check=date(2026, 11, 24))
    assert first.full_check_now
    again = plan(PROFILE, UserSettings(), at("2026-11-25T08:01"), last_full_check=date(2026, 11, 25))
    assert not again.full_check_now and again.scan_now
    assert not plan(PROFILE, UserSettings(), at("2026-11-25T07:00")).full_check_now


def test_memory_says_each_app_once_per_day_and_survives_a_restart(tmp_path):
    path = tmp_path / "monitor.json"
    mem = NotifyMemory.load(path)
    day = date(2026, 11, 25)
    assert mem.fresh(app_keys(["Discord"]), day) == ["app:Discord"]
    assert mem.fresh(app_keys(["Discord", "WhatsApp"]), day) == ["app:WhatsApp"]
    reloaded = NotifyMemory.load(path)  # the app restarted in the afternoon
    assert reloaded.fresh(app_keys(["Discord", "WhatsApp"]), day) == []
    assert reloaded.fresh(app_keys(["Discord"]), day + timedelta(days=1)) == ["app:Discord"]  # a new day
    assert not list(tmp_path.glob("*.tmp"))


def test_a_damaged_memory_file_is_kept_aside_and_named(tmp_path):
    path = tmp_path / "monitor.json"
    path.write_text("{not json")
    mem = NotifyMemory.load(path)
    assert mem.said == set() and str(path) in mem.warnings[0]
    [backup] = tmp_path.glob("monitor.json.*.bak")
    assert backup.read_text() == "{not json"


def test_quit_targets_the_processes_the_scan_matched():
    app = SocialApp(
        "Discord",
        {"linux": ("Discord", "com.discordapp.Discord"), "windows": ("Discord.exe",), "darwin": ()},
        ("discord.com",),
    )
    procs = [
        ProcessInfo(10, "Discord"),
        ProcessInfo(11, "python3", "/usr/bin/python3"),
        ProcessInfo(12, "x", "/opt/discord/Discord"),
        ProcessInfo(13, "discord-helper"),
        ProcessInfo(14, "bwrap", "/usr/bin/bwrap", ("bwrap", "--args", "com.discordapp.Discord")),
    ]
    assert [p.pid for p in app_processes(procs, app, "linux")] == [10, 12, 14]
    assert [p.pid for p in app_processes([ProcessInfo(5, "DISCORD.EXE")], app, "windows")] == [5]
    assert app_processes(procs, app, "darwin") == []
