"""macOS probes on recorded real output (tests/fixtures/recorded_output.py names every source)."""

from __future__ import annotations

import pytest

from checks.engine import Engine, RunOptions
from checks.model import ProbeUnknown, Status
from checks.probes import ACCOUNT_PASSWORD, SCREEN_LOCK, facts_for
from checks.probes import darwin_autologin as autologin
from checks.probes import darwin_disk_encryption as disk
from checks.probes import darwin_password_manager as pm
from checks.probes import darwin_screen_lock as lock
from checks.profile import load_profile
from checks.snapshot import load_snapshot
from tests.conftest import FIXTURES
from tests.fixtures import recorded_output as out


@pytest.mark.parametrize(
    ("stderr", "expected"),
    [
        (out.SCREENLOCK_IMMEDIATE, (True, 0)),
        (out.SCREENLOCK_5S, (True, 5)),
        (out.SCREENLOCK_300S, (True, 300)),
        (out.SCREENLOCK_OFF, (False, None)),
    ],
)
def test_sysadminctl_stderr_with_its_timestamp_prefix(stderr, expected):
    assert lock.parse_screenlock(stderr) == expected


@pytest.mark.parametrize("text", [out.SCREENLOCK_ERROR, "", "screenLock delay is -1 seconds"])
def test_unknown_sysadminctl_shapes_are_none(text):
    assert lock.parse_screenlock(text) is None


def test_idle_time_never_set_is_not_a_number():
    assert lock.parse_idle(1, "", out.IDLE_UNSET_STDERR) is None
    assert lock.parse_idle(0, "600\n", "") == 600
    assert lock.parse_idle(0, "0\n", "") == 0


@pytest.mark.parametrize(
    ("text", "encrypted", "in_progress"),
    [
        (out.FDE_ON, True, False),
        (out.FDE_OFF, False, False),
        (out.FDE_ENCRYPTING, False, True),
        ("FileVault is Off.\nDeferred enablement appears to be active for user 'sam'.\n", False, False),
        ("FileVault is Off.\nDecryption in progress: Percent completed = 12\n", False, False),
    ],
)
def test_fdesetup_status(text, encrypted, in_progress):
    facts = disk.judge_status(text)
    assert (facts.encrypted, facts.in_progress) == (encrypted, in_progress)


def test_fdesetup_strange_answer_is_unknown():
    with pytest.raises(ProbeUnknown):
        disk.judge_status("Error: unable to read status\n")


def test_autologin_key_present_missing_or_unreadable():
    assert autologin.judge(0, "sam\n", "").enabled is True
    assert autologin.judge(1, "", out.AUTOLOGIN_UNSET_STDERR).enabled is False
    with pytest.raises(ProbeUnknown):
        autologin.judge(1, "", "defaults: permission denied")


def test_password_manager_apps_by_bundle_name():
    assert pm.match_apps(["Safari.app", "KeePassXC.app", "1Password 7.app", "1Password.app"]) == [
        "KeePassXC",
        "1Password",
    ]
    assert pm.match_apps(["Slack.app"]) == []


def context(name: str):
    return Engine(load_snapshot(str(FIXTURES / "darwin" / f"{name}.json")), load_profile()).context()


def test_lock_facts_from_snapshots():
    good = facts_for(context("pass"), SCREEN_LOCK)
    assert (good.idle_seconds, good.lock_enabled, good.lock_delay_seconds, good.lock_on_wake) == (300, True, 0, True)
    bad = facts_for(context("fail"), SCREEN_LOCK)
    assert (bad.idle_seconds, bad.lock_enabled, bad.lock_on_wake) == (1200, False, False)
    with pytest.raises(ProbeUnknown, match="lock screen"):
        facts_for(context("unknown"), SCREEN_LOCK)


def test_account_is_unknown_with_the_users_and_groups_link():
    with pytest.raises(ProbeUnknown):
        facts_for(context("pass"), ACCOUNT_PASSWORD)
    system = load_snapshot(str(FIXTURES / "darwin" / "pass.json"))
    result = Engine(system, load_profile()).run(RunOptions(only=("account-password",)))[0]
    assert result.status is Status.UNKNOWN and result.fix is not None
    assert result.fix.settings_uri == "x-apple.systempreferences:com.apple.Users-Groups-Settings.extension"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        (out.PMSET_BATT2_AC10, 600),
        (out.PMSET_10_10, 600),
        ("AC Power:\n displaysleep         0\n", 0),
        ("Battery Power:\n sleep                1\n", None),
        ("", None),
    ],
)
def test_display_sleep_is_the_longer_of_battery_and_mains(text, seconds):
    assert lock.parse_displaysleep(text) == seconds


def test_whichever_comes_first_locks():
    assert lock.first_to_lock(300, 600) == 300
    assert lock.first_to_lock(0, 600) == 600  # no screen saver, but the display still sleeps
    assert lock.first_to_lock(0, 0) == 0
    assert lock.first_to_lock(None, None) is None


def test_a_mac_never_set_up_is_judged_by_its_display_sleep():
    facts = facts_for(context("never-set"), SCREEN_LOCK)
    assert (facts.idle_seconds, facts.lock_enabled, facts.wake_grace_seconds) == (600, True, 0)
    assert "pmset display sleep" in facts.sources
