"""Windows probes on recorded real output (tests/fixtures/recorded_output.py names every source)."""

from __future__ import annotations

import pytest

from checks.catalogue import lock_on_wake
from checks.catalogue.lock_on_wake import judge_lock_on_wake
from checks.engine import Engine
from checks.facts import Platform
from checks.model import ProbeUnknown
from checks.probes import PASSWORD_MANAGER, SCREEN_LOCK, facts_for
from checks.probes import windows_account_password as account
from checks.probes import windows_autologin as autologin
from checks.probes import windows_disk_encryption as disk
from checks.probes import windows_screen_lock as lock
from checks.profile import load_profile
from checks.readers import powercfg
from checks.snapshot import ReplaySystem, load_snapshot
from tests.conftest import FIXTURES
from tests.fixtures import recorded_output as out


@pytest.mark.parametrize(
    ("text", "guid", "expected"),
    [
        (out.VIDEOIDLE_EN_600_300, powercfg.VIDEOIDLE, (600, 300)),
        (out.VIDEOIDLE_EN_900, powercfg.VIDEOIDLE, (900, 900)),
        (out.VIDEOIDLE_DE_300_60, powercfg.VIDEOIDLE, (300, 60)),
        (out.VIDEOIDLE_FR_180_120, powercfg.VIDEOIDLE, (180, 120)),
        (out.STANDBYIDLE_FR_900_240, powercfg.STANDBYIDLE, (900, 240)),
        (out.STANDBYIDLE_EN_NEVER_180, powercfg.STANDBYIDLE, (0, 180)),
        (out.CONSOLELOCK_EN_ON, powercfg.CONSOLELOCK, (1, 1)),
        (out.CONSOLELOCK_EN_OFF, powercfg.CONSOLELOCK, (0, 0)),
        (out.VIDEOIDLE_EN_600_300.replace("\n", "\r\n"), powercfg.VIDEOIDLE, (600, 300)),
    ],
)
def test_powercfg_values_are_read_by_guid_and_position_in_any_language(text, guid, expected):
    value = powercfg.setting_value(text, guid)
    assert value is not None and (value.ac, value.dc) == expected


@pytest.mark.parametrize(
    "text",
    [
        out.CONSOLELOCK_HEADER_ONLY_EN,
        out.CONSOLELOCK_HEADER_ONLY_DE,
        out.CONSOLELOCK_HEADER_ONLY_FR,
        "",
        "The power scheme, subgroup or setting specified does not exist.\n",
    ],
)
def test_a_hidden_or_missing_setting_is_none_not_a_number(text):
    assert powercfg.setting_value(text, powercfg.CONSOLELOCK) is None


def test_the_range_bounds_are_never_taken_for_the_value():
    # Cut after the bounds: the minimum/maximum 0x lines alone must not pass for AC/DC values.
    cut = out.VIDEOIDLE_EN_600_300.split("    Current AC")[0]
    assert powercfg.setting_value(cut, powercfg.VIDEOIDLE) is None


def test_another_settings_block_is_not_read():
    assert powercfg.setting_value(out.VIDEOIDLE_EN_600_300, powercfg.STANDBYIDLE) is None


def context(name: str):
    return Engine(load_snapshot(str(FIXTURES / "windows" / f"{name}.json")), load_profile()).context()


def test_secure_screen_saver_and_consolelock_lock_the_screen():
    facts = facts_for(context("pass-en"), SCREEN_LOCK)
    assert (facts.idle_seconds, facts.lock_enabled, facts.lock_on_wake, facts.wake_grace_seconds) == (
        180,
        True,
        True,
        0,
    )
    assert facts.sources[0] == "password-protected screen saver"


def test_no_route_locks_the_screen_and_no_password_on_wake():
    facts = facts_for(context("fail-en"), SCREEN_LOCK)
    assert facts.lock_enabled is False and facts.lock_on_wake is False
    assert facts.idle_seconds == 900  # the display still turns off after 15 minutes: shown as evidence


def test_modern_standby_without_consolelock_falls_back_to_delay_lock_interval():
    german = facts_for(context("modern-standby-de"), SCREEN_LOCK)
    assert (german.idle_seconds, german.lock_enabled, german.lock_delay_seconds) == (300, True, 0)
    assert (german.lock_on_wake, german.wake_grace_seconds) == (True, 0)
    french = facts_for(context("modern-standby-fr"), SCREEN_LOCK)
    assert (french.idle_seconds, french.lock_delay_seconds, french.wake_grace_seconds) == (180, 0, 900)


def test_group_policy_screen_saver_wins_over_the_users_own():
    facts = lock.combine(
        videoidle=powercfg.PowerValue(600, 600),
        standbyidle=None,
        consolelock=powercfg.PowerValue(1, 1),
        consolelock_read=True,
        consolelock_policy={},
        desktop={"ScreenSaveActive": "0"},
        desktop_policy={
            "ScreenSaveActive": "1",
            "ScreenSaverIsSecure": "1",
            "ScreenSaveTimeOut": "240",
            "SCRNSAVE.EXE": "scrnsave.scr",
        },
        inactivity=None,
    )
    assert (facts.idle_seconds, facts.lock_delay_seconds) == (240, 0)


def test_inactivity_limit_and_the_quickest_route_wins():
    facts = lock.combine(
        videoidle=powercfg.PowerValue(600, 600),
        standbyidle=None,
        consolelock=powercfg.PowerValue(1, 1),
        consolelock_read=True,
        consolelock_policy={},
        desktop={"ScreenSaveActive": "1", "ScreenSaverIsSecure": "1", "ScreenSaveTimeOut": "900"},
        desktop_policy={},
        inactivity=120,
    )
    assert (facts.idle_seconds, facts.lock_delay_seconds, facts.sources[0]) == (120, 0, "machine inactivity limit")


def test_wake_password_policy_wins_over_the_power_plan():
    facts = lock.combine(
        videoidle=powercfg.PowerValue(300, 300),
        standbyidle=None,
        consolelock=powercfg.PowerValue(1, 1),
        consolelock_read=True,
        consolelock_policy={"ACSettingIndex": 0, "DCSettingIndex": 0},
        desktop={},
        desktop_policy={},
        inactivity=None,
    )
    assert facts.lock_on_wake is False


@pytest.mark.parametrize(
    ("value", "present", "expected"),
    [
        (0, True, (True, 0)),  # "Every Time"
        (60, True, (True, 60)),
        (900, True, (True, 900)),  # 15 minutes, the longest choice offered
        (0xFFFFFFFF, True, (False, None)),  # "Never", as a DWORD
        (-1, True, (False, None)),  # "Never", the same DWORD read as signed
        (None, False, (True, 0)),  # absent: the default, "Every Time" (docs/unconfirmed.md#U8)
        (None, True, (None, None)),  # present but not a number
        (2 * 24 * 3600, True, (None, None)),  # past any choice offered: unknown, never a guess
        (-5, True, (None, None)),
    ],
)
def test_if_youve_been_away_values_including_never_and_absent(value, present, expected):
    assert lock.wake_from_delay_lock(value, present) == expected


def test_if_youve_been_away_never_means_the_screen_does_not_lock_on_modern_standby():
    facts = lock.combine(
        videoidle=powercfg.PowerValue(300, 180),
        standbyidle=None,
        consolelock=None,
        consolelock_read=True,
        consolelock_policy={},
        desktop={"DelayLockInterval": 0xFFFFFFFF},
        desktop_policy={},
        inactivity=None,
    )
    assert (facts.lock_enabled, facts.lock_on_wake) == (False, False)


def test_if_youve_been_away_absent_is_every_time():
    facts = lock.combine(
        videoidle=powercfg.PowerValue(300, 180),
        standbyidle=None,
        consolelock=None,
        consolelock_read=True,
        consolelock_policy={},
        desktop={},
        desktop_policy={},
        inactivity=None,
    )
    assert (facts.idle_seconds, facts.lock_enabled, facts.lock_on_wake, facts.wake_grace_seconds) == (
        300,
        True,
        True,
        0,
    )


SECURE_SAVER = {"ScreenSaveActive": "1", "ScreenSaverIsSecure": "1", "ScreenSaveTimeOut": "120"}


@pytest.mark.parametrize(
    ("program", "exists", "credited"),
    [
        (None, True, False),  # "(None)" chosen: SCRNSAVE.EXE absent, nothing runs (ADMX text)
        ("", True, False),  # present but empty
        ("   ", True, False),
        ("scrnsave.scr", True, True),  # a bare name: Windows finds it in System32
        ("C:\\Windows\\system32\\Mystify.scr", False, False),  # chosen, but not on disk
        ("C:\\Windows\\system32\\Mystify.scr", True, True),
    ],
)
def test_secure_after_n_seconds_locks_only_when_a_screen_saver_program_is_chosen(program, exists, credited):
    desktop = dict(SECURE_SAVER) if program is None else {**SECURE_SAVER, "SCRNSAVE.EXE": program}
    facts = lock.combine(
        videoidle=powercfg.PowerValue(600, 600),
        standbyidle=powercfg.PowerValue(1800, 1800),
        consolelock=powercfg.PowerValue(0, 0),
        consolelock_read=True,
        consolelock_policy={},
        desktop=desktop,
        desktop_policy={},
        inactivity=None,
        saver_program_exists=exists,
    )
    assert facts.lock_enabled is credited
    assert ("password-protected screen saver" in facts.sources) is credited


def test_the_screen_saver_path_is_checked_on_disk_with_windows_names_expanded():
    env = {"SystemRoot": "C:\\WINDOWS"}
    assert lock.program_path("%SystemRoot%\\system32\\Ribbons.scr", env) == "C:\\WINDOWS\\system32\\Ribbons.scr"
    assert lock.program_path("C:\\Windows\\system32\\scrnsave.scr", {}) == "C:\\Windows\\system32\\scrnsave.scr"
    assert lock.program_path("scrnsave.scr", env) == ""  # a bare name is Windows' to find
    assert lock.program_path("%UNKNOWN%\\x.scr", env) == ""


def test_powercfg_absent_is_unknown_with_a_reason():
    with pytest.raises(ProbeUnknown, match="power settings"):
        facts_for(context("unknown"), SCREEN_LOCK)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"AutoAdminLogon": "1", "DefaultUserName": "sam", "Shell": "explorer.exe"}, (True, "sam")),
        ({"AutoAdminLogon": "0", "DefaultUserName": "sam", "Shell": "explorer.exe"}, (False, None)),
        ({"Shell": "explorer.exe"}, (False, None)),
    ],
)
def test_autologin_values(values, expected):
    facts = autologin.judge_values(values)
    assert (facts.enabled, facts.user) == expected


def test_autologin_unreadable_or_strange_is_unknown():
    with pytest.raises(ProbeUnknown):
        autologin.judge_values({})
    with pytest.raises(ProbeUnknown, match="does not recognise"):
        autologin.judge_values({"AutoAdminLogon": "yes", "Shell": "explorer.exe"})


def test_autologin_never_asks_for_the_password_value():
    asked: list[list[str]] = []

    class Spy(ReplaySystem):
        def registry_values(self, key, names):
            asked.append(list(names))
            return super().registry_values(key, names)

    data = {
        "schema": "devicecheck-snapshot/1",
        "platform": "windows",
        "taken_at": "2026-11-25T10:30:00+00:00",
        "registry": {
            autologin.WINLOGON: {"AutoAdminLogon": "1", "DefaultPassword": "hunter2", "Shell": "explorer.exe"}
        },
    }
    ctx = Engine(Spy(data), load_profile()).context()
    facts = autologin.read(ctx)
    assert facts.enabled is True
    assert all("defaultpassword" not in n.lower() for names in asked for n in names)
    assert "hunter2" not in repr(facts)
    with pytest.raises(ValueError):
        ctx.system.registry_values(autologin.WINLOGON, ["DefaultPassword"])


@pytest.mark.parametrize("source", ["MicrosoftAccount", "AzureAD", "ActiveDirectory", "microsoftaccount\r\n"])
def test_online_accounts_always_need_a_password(source):
    assert account.judge(source, None).has_password is True


def test_a_local_account_with_windows_hello_set_up_needs_a_password():
    assert account.judge("Local", "Available").has_password is True


@pytest.mark.parametrize(
    ("source", "hello", "reason"),
    [
        ("Local", "NotConfiguredForUser", "Windows Hello is not set up"),
        ("Local", "DeviceNotPresent", "Windows Hello is not set up"),
        ("Local", "DisabledByPolicy", "Windows Hello is not set up"),
        ("Local", None, "did not say whether Windows Hello"),
        ("", "Available", "what kind of Windows account"),
        ("Get-LocalUser : The term 'Get-LocalUser' is not recognized", None, "what kind of Windows account"),
    ],
)
def test_local_or_unreadable_account_is_unknown_with_the_reason_never_a_guess(source, hello, reason):
    with pytest.raises(ProbeUnknown, match=reason):
        account.judge(source, hello)


@pytest.mark.parametrize(
    ("stdout", "encrypted"),
    [("1\r\n", True), ("3\n", True), ("5\n", True), ("6\n", True), ("2\n", False), ("4\n", False)],
)
def test_bitlocker_protection_values(stdout, encrypted):
    assert disk.judge_value(stdout, "C:").encrypted is encrypted


@pytest.mark.parametrize("stdout", ["0\n", "", "\r\n", "7\n", "Exception calling NameSpace"])
def test_bitlocker_unknown_values(stdout):
    with pytest.raises(ProbeUnknown):
        disk.judge_value(stdout, "C:")


def test_windows_home_is_named_and_explained():
    assert disk.judge_value("1", "C:", home=True).method == "Device encryption"
    off = disk.judge_value("2", "C:", home=True)
    assert (off.encrypted, off.method) == (False, "Device encryption")
    with pytest.raises(ProbeUnknown, match="Device encryption") as unknown:
        disk.judge_value("0", "C:", home=True)
    assert unknown.value.fix_key == "home"


def test_password_manager_programs_and_store_apps():
    assert facts_for(context("pass-en"), PASSWORD_MANAGER).found == ("Bitwarden",)
    assert facts_for(context("fail-en"), PASSWORD_MANAGER).found == ()


def test_modern_standby_with_an_unreadable_sign_in_delay_is_unknown_with_a_reason():
    facts = lock.combine(
        videoidle=powercfg.PowerValue(300, 180),
        standbyidle=None,
        consolelock=None,
        consolelock_read=True,
        consolelock_policy={},
        desktop={"DelayLockInterval": "not a number"},
        desktop_policy={},
        inactivity=None,
    )
    assert (facts.lock_enabled, facts.lock_on_wake) == (None, None)
    assert "If you've been away" in facts.notes[0]
    # The wake-up password has its own settings page on Windows, not the power page of the screen lock.
    verdict = judge_lock_on_wake(facts, 60)
    assert verdict.fix_key == "Windows"
    fix = lock_on_wake.CHECK.fix_for(Platform("windows", "Windows"), verdict.fix_key)
    assert fix is not None and fix.settings_uri == "ms-settings:signinoptions"


@pytest.mark.parametrize(
    ("text", "header_only"),
    [
        (out.CONSOLELOCK_HEADER_ONLY_EN, True),
        (out.CONSOLELOCK_HEADER_ONLY_DE, True),
        (out.CONSOLELOCK_HEADER_ONLY_FR, True),
        (out.CONSOLELOCK_HEADER_ONLY_EN.replace("\n", "\r\n"), True),
        ("", False),  # empty: not an answer
        (out.CONSOLELOCK_EN_ON, False),  # the setting itself
        ("\x00\x93garbled 381b4222-f694-41f0-9685-ff5bb260df2e\n0x1\n", False),
        ("The power scheme, subgroup or setting specified does not exist.\n", False),
    ],
)
def test_only_the_scheme_header_counts_as_no_consolelock(text, header_only):
    assert powercfg.scheme_header_only(text) is header_only


def test_garbled_consolelock_with_no_sign_in_delay_is_not_taken_for_modern_standby():
    # An absent "If you've been away" value means "every time" only where the setting exists (Modern Standby,
    # recognised by the header-only answer): garbled powercfg output must not turn into a pass.
    facts = lock.combine(
        videoidle=powercfg.PowerValue(900, 900),
        standbyidle=powercfg.PowerValue(0, 180),
        consolelock=None,
        consolelock_read=True,
        consolelock_policy={},
        desktop={},
        desktop_policy={},
        inactivity=None,
        consolelock_header_only=False,
    )
    assert facts.lock_on_wake is None and facts.lock_enabled is not True
