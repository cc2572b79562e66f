"""Screen lock on XFCE (real xfconf-query and xfconfd on a private bus) and KDE Plasma (real
kscreenlockerrc files, including none at all), judged through LiveSystem; plus desktops we do not know."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks.engine import Engine, RunOptions
from checks.live import LiveSystem
from checks.model import CheckResult, Status
from checks.probes.linux_screen_lock_kde import merge_daemon, parse_kconfig_group
from checks.probes.linux_screen_lock_xfce import parse_xfconf_list, xfce_saver_facts
from checks.profile import load_profile
from tests.conftest import need
from tests.session_bus import desktop_env, run_ok, session_bus, use_env

XFCONFD = Path("/usr/lib/x86_64-linux-gnu/xfce4/xfconf/xfconfd")


def lock_results(profile: Path | None = None) -> dict[str, CheckResult]:
    engine = Engine(LiveSystem(), load_profile(profile))
    return {r.id: r for r in engine.run(RunOptions(only=("screen-lock", "lock-on-wake")))}


# ---- XFCE -----------------------------------------------------------------------------------------


@pytest.fixture
def xfce(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    need("xfconf-query", "dbus-daemon")
    if not XFCONFD.exists() and not Path("/usr/lib/xfce4/xfconf/xfconfd").exists():
        (pytest.fail if os.environ.get("CI") else pytest.skip)("xfconfd is not installed (package xfconf)")
    home = tmp_path / "home"
    env = desktop_env(home, "XFCE")
    # The probe reads xfce4-screensaver's settings only when that locker is installed. Debian 12 does not
    # package it, so a stand-in program of that name goes on PATH: only its presence is looked at; the
    # settings themselves are real, in the real xfconfd.
    bindir = tmp_path / "bin"
    bindir.mkdir()
    stand_in = bindir / "xfce4-screensaver"
    stand_in.write_text("#!/bin/sh\nexit 0\n")
    stand_in.chmod(0o755)
    env["PATH"] = f"{bindir}:{env['PATH']}"
    with session_bus(env) as bus_env:
        use_env(monkeypatch, bus_env)

        def xset(channel: str, prop: str, kind: str, value: str) -> None:
            run_ok(["xfconf-query", "-c", channel, "-p", prop, "-n", "-t", kind, "-s", value], bus_env)

        yield xset, bindir


def test_xfce_defaults_pass_with_nothing_set(xfce):
    results = lock_results()
    assert results["screen-lock"].status is Status.PASS, results["screen-lock"].detail
    assert results["screen-lock"].detail == "Your screen locks after 5 minutes of no use."
    assert results["lock-on-wake"].status is Status.PASS
    assert any("(not set: 5)" in s for s in results["screen-lock"].evidence["sources"])


def test_xfce_lock_off_fails(xfce):
    xset, _bin = xfce
    xset("xfce4-screensaver", "/lock/enabled", "bool", "false")
    results = lock_results()
    assert results["screen-lock"].status is Status.FAIL
    assert results["screen-lock"].fix.settings_command == ("xfce4-screensaver-preferences",)
    assert results["lock-on-wake"].status is Status.FAIL


def test_xfce_saver_off_means_never(xfce):
    xset, _bin = xfce
    xset("xfce4-screensaver", "/saver/idle-activation/enabled", "bool", "false")
    lock = lock_results()["screen-lock"]
    assert lock.status is Status.FAIL and "never" in lock.detail


def test_xfce_minutes_over_the_limit_then_raised_limit(xfce, tmp_path):
    xset, _bin = xfce
    xset("xfce4-screensaver", "/saver/idle-activation/delay", "int", "10")
    xset("xfce4-screensaver", "/lock/saver-activation/delay", "int", "2")
    lock = lock_results()["screen-lock"]
    assert lock.status is Status.FAIL and "12 minutes" in lock.detail
    profile = tmp_path / "p.toml"
    profile.write_text("[lock]\nmax_idle_minutes = 12\n")
    assert lock_results(profile)["screen-lock"].status is Status.PASS


def test_xfce_no_lock_on_sleep_fails_wake_only(xfce):
    xset, _bin = xfce
    xset("xfce4-power-manager", "/xfce4-power-manager/lock-screen-suspend-hibernate", "bool", "false")
    results = lock_results()
    assert results["screen-lock"].status is Status.PASS
    assert results["lock-on-wake"].status is Status.FAIL


def test_xfce_without_any_locker_is_unknown(xfce):
    _xset, bindir = xfce
    (bindir / "xfce4-screensaver").unlink()
    if LiveSystem().which("light-locker"):
        pytest.skip("light-locker is installed on this machine")
    lock = lock_results()["screen-lock"]
    assert lock.status is Status.UNKNOWN and "No screen locker" in lock.detail


def test_xfconf_list_parser_on_recorded_output():
    # Recorded on Debian 12 (xfconf 4.18.0) with `xfconf-query -c xfce4-screensaver -l -v` after two sets.
    recorded = "/lock/enabled                 false\n/saver/idle-activation/delay  10\n"
    props = parse_xfconf_list(recorded)
    assert props == {"/lock/enabled": "false", "/saver/idle-activation/delay": "10"}
    facts = xfce_saver_facts(props, {})
    assert facts.idle_seconds == 600 and facts.lock_enabled is False and facts.lock_on_wake is False


# ---- KDE ------------------------------------------------------------------------------------------


@pytest.fixture
def kde(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path / "home"
    env = desktop_env(home, "KDE")
    env["KDE_SESSION_VERSION"] = "6"
    use_env(monkeypatch, env)
    config = home / ".config"
    config.mkdir(parents=True)
    return config / "kscreenlockerrc"


def test_kde_no_file_at_all_is_the_secure_default(kde):
    assert not kde.exists()
    results = lock_results()
    lock = results["screen-lock"]
    assert lock.status is Status.PASS, lock.detail
    assert lock.detail == "Your screen locks after 5 minutes of no use."
    assert "not present" in lock.evidence["sources"][0]
    # Default grace: 5 seconds after the lock screen appears before a password is needed.
    wake = results["lock-on-wake"]
    assert wake.status is Status.PASS and "5 seconds" in wake.detail


def test_kde_long_grace_fails_lock_on_wake(kde):
    kde.write_text("[Daemon]\nLockGrace=300\n")
    results = lock_results()
    assert results["screen-lock"].status is Status.PASS
    wake = results["lock-on-wake"]
    assert wake.status is Status.FAIL and "5 minutes" in wake.detail and "1 minute or less" in wake.detail


def test_kde_autolock_off_fails_with_plasma_6_settings(kde):
    kde.write_text("[Daemon]\nAutolock=false\n")
    lock = lock_results()["screen-lock"]
    assert lock.status is Status.FAIL
    assert lock.fix.settings_command == ("systemsettings", "kcm_screenlocker")


def test_kde_timeout_in_minutes_over_the_limit(kde):
    kde.write_text("[Daemon]\nTimeout=15\n")
    lock = lock_results()["screen-lock"]
    assert lock.status is Status.FAIL and "15 minutes" in lock.detail


def test_kde_no_lock_on_resume_fails_wake(kde, monkeypatch):
    monkeypatch.setenv("KDE_SESSION_VERSION", "5")
    kde.write_text("[Daemon]\nLockOnResume=false\nTimeout=3\n")
    results = lock_results()
    assert results["screen-lock"].status is Status.PASS
    wake = results["lock-on-wake"]
    assert wake.status is Status.FAIL
    assert wake.fix.settings_command == ("kcmshell5", "kcm_screenlocker")


def test_kde_honours_xdg_config_home(kde, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "kscreenlockerrc").write_text("[Daemon]\nAutolock=false\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(elsewhere))
    assert lock_results()["screen-lock"].status is Status.FAIL


def test_kconfig_parsing_immutable_and_translated_keys():
    system = "[Daemon][$i]\nTimeout=2\n"
    user = "# mine\n[Daemon]\nTimeout=30\nAutolock[$i]=true\nLockGrace[en_GB]=99\n[Greeter]\nTimeout=77\n"
    assert parse_kconfig_group(user, "Daemon") == {"Timeout": ("30", False), "Autolock": ("true", True)}
    merged = merge_daemon(system, user)
    assert merged["Timeout"] == "2"  # the system file locked it
    assert merged["LockGrace"] == "5"  # the translated variant is not the value


# ---- desktops we cannot read ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("desktop", "expected"),
    [("sway", "does not know how to read the screen lock on sway"), (None, "No desktop session was found")],
)
def test_unknown_or_no_desktop_is_unknown_never_pass(tmp_path, monkeypatch, desktop, expected):
    use_env(monkeypatch, desktop_env(tmp_path / "home", desktop))
    for result in lock_results().values():
        assert result.status is Status.UNKNOWN
        assert expected in result.detail


def light_locker_snapshot(after: str, on_suspend: str):
    # light-locker's schema (apps.light-locker) is not installable here without LightDM, so this is replayed:
    # the answers are in gsettings' own print format (uint32 values with their type, as recorded live for
    # org.gnome.desktop.session idle-delay), with the key types of light-locker's
    # data/apps.light-locker.gschema.xml.in.in (lock-after-screensaver: u, lock-on-suspend: b).
    from checks.snapshot import ReplaySystem

    def get(key: str, out: str) -> dict:
        return {"argv": ["gsettings", "get", "apps.light-locker", key], "returncode": 0, "stdout": out, "stderr": ""}

    return ReplaySystem(
        {
            "schema": "devicecheck-snapshot/1",
            "platform": "linux",
            "taken_at": "2026-11-25T10:30:00+00:00",
            "env": {"XDG_CURRENT_DESKTOP": "XFCE"},
            "which": {"light-locker": "/usr/bin/light-locker"},
            "commands": [get("lock-after-screensaver", after), get("lock-on-suspend", on_suspend)],
        }
    )


def test_light_locker_reads_what_it_can_and_says_what_it_cannot():
    engine = Engine(light_locker_snapshot("uint32 5\n", "true\n"), load_profile())
    results = {r.id: r for r in engine.run(RunOptions(only=("screen-lock", "lock-on-wake")))}
    assert results["screen-lock"].status is Status.UNKNOWN
    assert "light-locker" in results["screen-lock"].detail
    assert results["lock-on-wake"].status is Status.PASS


def test_light_locker_never_locking_fails():
    engine = Engine(light_locker_snapshot("uint32 0\n", "false\n"), load_profile())
    results = {r.id: r for r in engine.run(RunOptions(only=("screen-lock", "lock-on-wake")))}
    assert results["screen-lock"].status is Status.FAIL
    assert results["lock-on-wake"].status is Status.FAIL
    assert results["screen-lock"].fix.settings_command == ("xfce4-power-manager-settings",)


def test_xfce_without_a_session_bus_is_unknown_with_the_reason(tmp_path, monkeypatch):
    need("xfconf-query")
    env = desktop_env(tmp_path / "home", "XFCE")  # no DBUS_SESSION_BUS_ADDRESS, no DISPLAY
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "xfce4-screensaver").write_text("#!/bin/sh\nexit 0\n")
    (bindir / "xfce4-screensaver").chmod(0o755)
    env["PATH"] = f"{bindir}:{env['PATH']}"
    use_env(monkeypatch, env)
    lock = lock_results()["screen-lock"]
    assert lock.status is Status.UNKNOWN
    assert "Could not read XFCE's settings" in lock.detail and "D-Bus" in lock.detail
