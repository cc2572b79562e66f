"""`devicecheck check --json --replay <Windows or macOS snapshot>`, run as a user would: the verdict of every
check on recorded Windows and macOS output (tests/fixtures/windows, tests/fixtures/darwin; each names its
source in "_source"). A check with no "fail" row on an OS cannot fail there by design (see the probe)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, run_cli

AT = "2026-11-25T10:30"  # a Wednesday, inside the default school hours

COLUMNS = (
    "account-password",
    "autologin",
    "screen-lock",
    "lock-on-wake",
    "disk-encryption",
    "social-apps",
    "social-sites",
    "credential-store",
    "password-manager",
    "browser-passwords",
    "plaintext-passwords",
)
# One row per snapshot, in COLUMNS order. Disk encryption, password manager, browser and plain-text password
# checks are "recommended", so their failures show as "warn".
TABLE = {
    "windows/pass-en": "pass    pass    pass    pass    pass    pass    pass    pass    pass    pass    pass",
    "windows/fail-en": "unknown fail    fail    fail    warn    fail    fail    fail    warn    warn    warn",
    "windows/modern-standby-de": "pass    pass    pass    pass    warn    fail    unknown pass    pass    pass    pass",
    "windows/modern-standby-fr": "pass    pass    pass    fail    unknown pass    unknown fail    warn    pass    pass",
    "windows/unknown": "unknown unknown unknown unknown unknown pass    unknown unknown warn    unknown unknown",
    "darwin/pass": "pass    pass    pass    pass    pass    pass    pass    pass    pass    pass    pass",
    "darwin/never-set": "pass    pass    fail    pass    pass    pass    pass    pass    pass    pass    pass",
    "darwin/fail": "fail    fail    fail    fail    warn    fail    fail    fail    warn    pass    warn",
    "darwin/grace-encrypting": "pass    pass    pass    fail    warn    pass    pass    pass    pass    warn    pass",
    "darwin/unknown": "unknown unknown unknown unknown unknown pass    unknown unknown warn    unknown unknown",
}
# The device basics (all "recommended"), on the answers tests/fixtures/basics_state.py adds to each snapshot.
BASICS_COLUMNS = ("firewall", "os-updates", "malware-protection")
BASICS_TABLE = {
    "windows/pass-en": "pass    pass    pass",
    "windows/fail-en": "warn    warn    warn",  # Public networks off; paused, 2017, Windows 10; Defender stopped
    "windows/modern-standby-de": "pass    pass    pass",  # another maker's firewall and antivirus
    "windows/modern-standby-fr": "unknown warn    warn",  # Domain not configured; AUOptions 2; 12-day signatures
    "windows/unknown": "unknown unknown unknown",
    "darwin/pass": "pass    pass    pass",
    "darwin/never-set": "pass    pass    pass",
    "darwin/fail": "warn    warn    warn",
    "darwin/grace-encrypting": "pass    warn    pass",  # the last macOS update 24 days ago
    "darwin/unknown": "unknown unknown unknown",
}
COLUMNS += BASICS_COLUMNS
EXPECTED = {
    name: dict(zip(COLUMNS, (row + " " + BASICS_TABLE[name]).split(), strict=True)) for name, row in TABLE.items()
}
SITES_ON = str(FIXTURES / "profiles" / "sites-on.toml")


def report_for(name: str, *extra: str) -> dict:
    proc = run_cli(
        "check", "--json", "--replay", str(FIXTURES / f"{name}.json"), "--at", AT, "--profile", SITES_ON, *extra
    )
    assert proc.returncode in (0, 1, 3), proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_check_gives_the_expected_verdict(name):
    report = report_for(name)
    got = {r["id"]: r["status"] for r in report["results"]}
    wanted = EXPECTED[name]
    assert {k: got[k] for k in wanted} == wanted
    assert report["platform"]["os"] == name.split("/")[0]
    # Exit code 1 exactly when a required check fails, else 3: these snapshots confirm no statement.
    required_fail = any(r["status"] == "fail" for r in report["results"])
    proc = run_cli("check", "--replay", str(FIXTURES / f"{name}.json"), "--at", AT, "--profile", SITES_ON)
    assert proc.returncode == (1 if required_fail else 3)
    assert report["outcome"] == ("to-fix" if required_fail else "incomplete")


def test_the_tables_cover_pass_fail_and_unknown_where_an_os_can_give_them():
    seen = {(name.split("/")[0], check): set() for name in TABLE for check in COLUMNS}
    for name, row in EXPECTED.items():
        for check, status in row.items():
            seen[(name.split("/")[0], check)].add(status)
    # Every check passes, fails (or warns) and is unknown in some snapshot of each OS, except where the probe
    # explains why it cannot: on Windows account-password never fails (a blank local password cannot be told
    # without a sign-in attempt); the process list and the app folders are always readable.
    cannot = {("windows", "account-password", "fail"), ("social-apps", "unknown"), ("password-manager", "unknown")}
    for (os_name, check), statuses in seen.items():
        for wanted in ("pass", "fail", "unknown"):
            if (os_name, check, wanted) in cannot or (check, wanted) in cannot:
                continue
            assert {wanted, "warn"} & statuses if wanted == "fail" else wanted in statuses, (os_name, check, wanted)


@pytest.mark.parametrize(
    ("name", "check", "uri"),
    [
        ("windows/fail-en", "screen-lock", "ms-settings:powersleep"),
        ("windows/fail-en", "lock-on-wake", "ms-settings:signinoptions"),
        ("windows/modern-standby-fr", "lock-on-wake", "ms-settings:signinoptions"),
        (
            "darwin/grace-encrypting",
            "lock-on-wake",
            "x-apple.systempreferences:com.apple.Lock-Screen-Settings.extension",
        ),
        ("windows/fail-en", "autologin", "ms-settings:signinoptions"),
        ("windows/fail-en", "account-password", "ms-settings:signinoptions"),
        ("darwin/unknown", "social-sites", "x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles"),
        ("windows/fail-en", "disk-encryption", "ms-settings:deviceencryption"),
        ("darwin/fail", "screen-lock", "x-apple.systempreferences:com.apple.Lock-Screen-Settings.extension"),
        ("darwin/fail", "autologin", "x-apple.systempreferences:com.apple.Users-Groups-Settings.extension"),
        ("darwin/fail", "disk-encryption", "x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension"),
        ("darwin/fail", "account-password", "x-apple.systempreferences:com.apple.Users-Groups-Settings.extension"),
        ("windows/fail-en", "firewall", "ms-settings:windowsdefender"),
        ("windows/fail-en", "os-updates", "ms-settings:windowsupdate"),
        ("windows/fail-en", "malware-protection", "ms-settings:windowsdefender"),
        ("darwin/fail", "firewall", "x-apple.systempreferences:com.apple.preference.security?Firewall"),
        ("darwin/fail", "os-updates", "x-apple.systempreferences:com.apple.preferences.softwareupdate"),
        ("darwin/fail", "malware-protection", "x-apple.systempreferences:com.apple.preference.security?General"),
    ],
)
def test_failures_carry_plain_steps_and_the_settings_link(name, check, uri):
    result = next(r for r in report_for(name)["results"] if r["id"] == check)
    assert result["fix"]["settings_uri"] == uri
    steps = result["fix"]["steps"]
    assert steps and all(s[0].isupper() for s in steps)


def test_the_german_and_english_readings_agree_on_the_same_numbers():
    de = next(r for r in report_for("windows/modern-standby-de")["results"] if r["id"] == "screen-lock")
    assert de["evidence"]["idle_seconds"] == 300  # 0x12c on the German labels, read by GUID and position


@pytest.mark.parametrize(
    ("name", "browsers"),
    [
        ("windows/pass-en", {"Chrome (Default)", "Firefox (default-release)"}),
        ("windows/fail-en", {"Chrome (Default)", "Firefox (default-release)"}),
        ("darwin/pass", {"Chrome (Default)", "Safari"}),
        ("darwin/fail", {"Safari"}),
    ],
)
def test_every_browser_history_in_the_snapshot_is_read(name, browsers):
    # A recorded history query that no longer matches what the probe asks would silently read nothing.
    sites = next(r for r in report_for(name)["results"] if r["id"] == "social-sites")
    assert set(sites["evidence"]["browsers_read"]) == browsers
