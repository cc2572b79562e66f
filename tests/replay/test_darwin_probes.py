"""macOS probes on recorded real output (tests/fixtures/recorded_output.py names every source)."""

from __future__ import annotations

import pytest

from checks.catalogue.disk_encryption import CHECK, judge_disk_encryption
from checks.engine import Engine, RunOptions
from checks.facts import Platform
from checks.model import ProbeUnknown, Status
from checks.probes import ACCOUNT_PASSWORD, SCREEN_LOCK, facts_for
from checks.probes import darwin_account_password as account
from checks.probes import darwin_autologin as autologin
from checks.probes import darwin_disk_encryption as disk
from checks.probes import darwin_password_manager as pm
from checks.probes import darwin_screen_lock as lock
from checks.profile import load_profile
from checks.snapshot import ReplaySystem, load_snapshot
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
    ("text", "encrypted", "in_progress", "waiting_for"),
    [
        (out.FDE_ON, True, False, ""),
        (out.FDE_ON_MASTER_KEYCHAIN, True, False, ""),
        (out.FDE_OFF, False, False, ""),
        (out.FDE_ENCRYPTING, False, True, ""),
        (out.FDE_PENDING, False, True, "power"),
        (out.FDE_ON_AFTER_RESTART, False, False, "restart"),
        (out.FDE_DEFERRED, False, False, "sign-in"),
        ("FileVault is Off.\nDecryption in progress: Percent completed = 12\n", False, False, ""),
        (out.FDE_ON.replace("\n", "\r\n"), True, False, ""),
    ],
)
def test_fdesetup_status(text, encrypted, in_progress, waiting_for):
    facts = disk.judge_status(text)
    assert (facts.encrypted, facts.in_progress, facts.waiting_for) == (encrypted, in_progress, waiting_for)


@pytest.mark.parametrize(
    ("text", "fix_key", "words"),
    [
        (out.FDE_ON_AFTER_RESTART, "restart", "Restart the Mac"),
        (out.FDE_DEFERRED, "sign-in", "Sign out or restart"),
        (out.FDE_PENDING, "power", "Plug it in"),
    ],
)
def test_filevault_waiting_to_start_fails_with_the_step_that_finishes_it(text, fix_key, words):
    verdict = judge_disk_encryption(disk.judge_status(text))
    assert (verdict.status.value, verdict.fix_key) == ("fail", fix_key)
    assert words in verdict.detail
    assert CHECK.fix_for(Platform("darwin", "macOS"), fix_key) is not CHECK.fix_for(Platform("darwin", "macOS"))


def test_fdesetup_off_with_a_non_zero_exit_is_still_off():
    facts = disk.read(_ctx({"fdesetup status": (1, out.FDE_OFF)}))
    assert facts.encrypted is False
    with pytest.raises(ProbeUnknown):
        disk.read(_ctx({"fdesetup status": (1, "fdesetup: internal error\n")}))


def test_fdesetup_strange_answer_is_unknown():
    with pytest.raises(ProbeUnknown):
        disk.judge_status("Error: unable to read status\n")


def test_autologin_key_present_missing_or_unreadable():
    assert autologin.judge(0, "sam\n", "", kcpassword_exists=True).enabled is True
    assert autologin.judge(0, "sam\n", "", kcpassword_exists=False).enabled is False
    assert autologin.judge(1, "", out.AUTOLOGIN_UNSET_STDERR).enabled is False
    with pytest.raises(ProbeUnknown):
        autologin.judge(1, "", "defaults: permission denied")


def test_password_manager_apps_by_bundle_name():
    assert pm.match_apps(["Safari.app", "KeePassXC.app", "1Password 7.app", "1Password.app"]) == [
        "KeePassXC",
        "1Password",
    ]
    assert pm.match_apps(["Slack.app"]) == []


def _ctx(commands: dict[str, tuple[int, str]], stats: dict | None = None, stderr: bool = False):
    """A Mac that answers these commands ("argv joined by spaces": (exit status, output)) and nothing else."""
    snap = {
        "schema": "devicecheck-snapshot/1",
        "platform": "darwin",
        "taken_at": "2026-11-25T10:30:00+00:00",
        "commands": [
            {
                "argv": argv.split(" "),
                "returncode": rc,
                "stdout": "" if stderr else text,
                "stderr": text if stderr else "",
            }
            for argv, (rc, text) in commands.items()
        ],
        "stats": stats or {},
    }
    return Engine(ReplaySystem(snap), load_profile()).context()


def context(name: str):
    return Engine(load_snapshot(str(FIXTURES / "darwin" / f"{name}.json")), load_profile()).context()


def test_lock_facts_from_snapshots():
    good = facts_for(context("pass"), SCREEN_LOCK)
    assert (good.idle_seconds, good.lock_enabled, good.lock_delay_seconds, good.lock_on_wake) == (300, True, 0, True)
    bad = facts_for(context("fail"), SCREEN_LOCK)
    assert (bad.idle_seconds, bad.lock_enabled, bad.lock_on_wake) == (1200, False, False)
    with pytest.raises(ProbeUnknown, match="lock screen"):
        facts_for(context("unknown"), SCREEN_LOCK)


def test_account_password_from_local_authentication_in_the_snapshots():
    assert facts_for(context("pass"), ACCOUNT_PASSWORD).has_password is True
    assert facts_for(context("fail"), ACCOUNT_PASSWORD).has_password is False
    with pytest.raises(ProbeUnknown, match="could not ask macOS"):
        facts_for(context("unknown"), ACCOUNT_PASSWORD)  # osascript gave no answer
    system = load_snapshot(str(FIXTURES / "darwin" / "unknown.json"))
    result = Engine(system, load_profile()).run(RunOptions(only=("account-password",)))[0]
    assert result.status is Status.UNKNOWN and result.fix is not None
    assert result.fix.settings_uri == "x-apple.systempreferences:com.apple.Users-Groups-Settings.extension"


@pytest.mark.parametrize(
    ("stdout", "has_password"),
    [
        ('{"ok":true}\n', True),
        ('{"ok":false,"code":-5}\n', False),  # LAErrorPasscodeNotSet
        ('2026-06-06 16:46:33.677 osascript[1:2] warning\n{"ok":false,"code":-5}\n', False),
    ],
)
def test_local_authentication_answers(stdout, has_password):
    assert account.judge(stdout).has_password is has_password


@pytest.mark.parametrize(
    "stdout",
    ['{"ok":false,"code":-6}\n', '{"ok":false,"code":null}\n', '{"ok":"yes"}\n', "", "true\n", "{not json\n"],
)
def test_any_other_local_authentication_answer_is_unknown(stdout):
    with pytest.raises(ProbeUnknown, match="did not say"):
        account.judge(stdout)


def test_the_question_asks_without_prompting():
    # canEvaluatePolicy only assesses; evaluatePolicy would prompt, and must never be in the script.
    assert "canEvaluatePolicyError(2" in account.SCRIPT and "evaluatePolicy(" not in account.SCRIPT.replace(
        "canEvaluatePolicy", ""
    )


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


KC = {"/etc/kcpassword": {"size": 12, "mtime": 1764000000.0, "is_dir": False}}


@pytest.mark.parametrize(
    ("answer", "stats", "enabled"),
    [
        ((0, "sam\n"), KC, True),  # the account named and its saved password there: signs in by itself
        ((0, "sam\n"), {}, False),  # the key alone (salt issue 44721): the login window still asks
        ((1, out.AUTOLOGIN_UNSET_STDERR), KC, False),  # a stale kcpassword with no account named
    ],
)
def test_automatic_login_needs_the_account_and_its_saved_password(answer, stats, enabled):
    argv = " ".join(autologin.ARGV)
    rc, text = answer
    ctx = _ctx({argv: (rc, text)}, stats, stderr=rc != 0)
    assert autologin.read(ctx).enabled is enabled
