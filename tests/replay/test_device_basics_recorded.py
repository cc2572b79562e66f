"""The firewall, os-updates and malware-protection probes for Windows and macOS on recorded output
(tests/fixtures/recorded_device_basics.py names every source), read through a replayed door."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from checks.engine import Engine, RunOptions
from checks.model import ProbeUnknown, Status
from checks.probes import (
    darwin_firewall,
    darwin_malware_protection,
    darwin_os_updates,
    windows_firewall,
    windows_malware_protection,
    windows_os_updates,
)
from checks.profile import load_profile
from checks.readers import windows_powershell
from checks.readers.windows_security import product_state, ps_date
from checks.snapshot import RecordingSystem, ReplaySystem
from tests.fixtures import recorded_device_basics as rec
from tests.fixtures.build_snapshots import powershell_json

TAKEN = "2026-11-29T10:00:00+00:00"


def snapshot(platform: str, commands=(), files=None, stats=None, registry=None) -> ReplaySystem:
    return ReplaySystem(
        {
            "schema": "devicecheck-snapshot/1",
            "platform": platform,
            "taken_at": TAKEN,
            "commands": [
                {"argv": list(argv), "returncode": rc, "stdout": out, "stderr": err} for argv, rc, out, err in commands
            ],
            "files": files or {},
            "stats": stats or {},
            "registry": registry or {},
        }
    )


def run(system: ReplaySystem, *ids: str):
    results = Engine(system, load_profile()).run(RunOptions(only=ids))
    return {r.id: r for r in results}


# ---- macOS -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "on"),
    [
        (rec.FIREWALL_ENABLED_1, True),
        (rec.FIREWALL_ENABLED_2, True),
        (rec.FIREWALL_SEQUOIA_BLOCKING, True),
        (rec.FIREWALL_DISABLED, False),
    ],
)
def test_socketfilterfw_is_read_by_its_state_number(text, on):
    assert darwin_firewall.parse_global_state(text).enabled is on


@pytest.mark.parametrize("text", ["", "Firewall is enabled.\n", "(State = 7)\n"])
def test_unknown_socketfilterfw_shapes_are_cant_tell(text):
    with pytest.raises(ProbeUnknown):
        darwin_firewall.parse_global_state(text)


def test_absent_software_update_switches_are_taken_as_their_default_and_said_so():
    automatic, how = darwin_os_updates.switches(darwin_os_updates.parse_defaults(rec.SOFTWAREUPDATE_10_15_7))
    assert automatic is True and "not set, so the default" in how[0]
    turned_off = rec.SOFTWAREUPDATE_10_15_7.replace(
        "    LastResultCode", "    AutomaticDownload = 0;\n    LastResultCode"
    )
    assert darwin_os_updates.switches(darwin_os_updates.parse_defaults(turned_off))[0] is False


def test_nested_keys_are_not_read_as_top_level_switches():
    nested = rec.SOFTWAREUPDATE_10_15_7.replace('"Display Version" = "10.15.7";', "AutomaticDownload = 0;")
    assert "AutomaticDownload" not in darwin_os_updates.parse_defaults(nested)


def install_history(*entries: tuple[str, str, datetime]) -> str:
    import plistlib

    items = [{"displayName": n, "processName": p, "date": d, "displayVersion": "1"} for n, p, d in entries]
    return plistlib.dumps(items).decode()


def test_mac_end_to_end_on_recorded_sentences():
    history = install_history(
        ("macOS Sequoia 15.7.2", "softwareupdated", datetime(2026, 11, 20, 3, 0)),
        ("XProtectPlistConfigData", "softwareupdated", datetime(2026, 11, 28, 3, 0)),
        ("Firefox", "installer", datetime(2026, 11, 27, 3, 0)),
    )
    system = snapshot(
        "darwin",
        commands=[
            (darwin_firewall.ARGV, 0, rec.FIREWALL_SEQUOIA_BLOCKING, ""),
            (darwin_malware_protection.ARGV, 0, rec.SPCTL_ENABLED, ""),
            (darwin_os_updates.PREFS, 0, rec.SOFTWAREUPDATE_10_15_7, ""),
            (darwin_os_updates.SW_VERS, 0, "15.7.2\n", ""),
        ],
        files={darwin_os_updates.INSTALL_HISTORY: history},
        stats={darwin_malware_protection.XPROTECT[0]: {"size": 900, "mtime": 0}},
    )
    results = run(system, "firewall", "os-updates", "malware-protection")
    assert results["firewall"].status is Status.PASS
    assert results["malware-protection"].status is Status.PASS
    updates = results["os-updates"]
    assert updates.status is Status.PASS, updates.detail
    assert updates.evidence["last_update"] == "2026-11-20"  # the XProtect data file does not count


def test_mac_gatekeeper_off_and_no_xprotect_is_a_failure():
    system = snapshot("darwin", commands=[(darwin_malware_protection.ARGV, 1, rec.SPCTL_DISABLED, "")])
    result = run(system, "malware-protection")["malware-protection"]
    assert result.status is Status.WARN and "Gatekeeper is off" in result.detail and "XProtect" in result.detail


# ---- Windows ----------------------------------------------------------------------------------------------


def win_answer(key: str, answer: object) -> tuple[tuple[str, ...], int, str, str]:
    """The run's one PowerShell call answering `key` with `answer` as ConvertTo-Json -Compress writes it."""
    return (windows_powershell.ARGV, 0, powershell_json({key: json.dumps(answer, separators=(",", ":"))}), "")


@pytest.mark.parametrize(
    ("value", "on", "by_windows", "fresh"),
    [
        (rec.STATE_DEFENDER_ON, True, True, True),
        (rec.STATE_DEFENDER_OFF, False, True, True),
        (rec.STATE_OTHER_ON, True, False, True),
        (rec.STATE_OTHER_ON_OUT_OF_DATE, True, False, False),
        (rec.STATE_DEFENDER_ON_OUT_OF_DATE, True, True, False),
    ],
)
def test_product_state_bits(value, on, by_windows, fresh):
    state = product_state(value)
    assert state and (state.on, state.by_windows, state.up_to_date) == (on, by_windows, fresh)


def test_powershell_dates():
    assert ps_date(rec.MP_STATUS_DOC_EXAMPLE["AntivirusSignatureLastUpdated"]) == datetime(
        2013, 7, 30, 3, 1, 45, tzinfo=UTC
    )
    assert ps_date("2019-11-19T22:32:50Z") == datetime(2019, 11, 19, 22, 32, 50, tzinfo=UTC)
    assert ps_date({"value": "/Date(1720919582928)/", "DisplayHint": 2}) is not None
    assert ps_date("/Date(-11644473600000)/") is None  # FILETIME 0, shown as 1600/1601
    assert ps_date(None) is None and ps_date("") is None


@pytest.mark.parametrize(
    ("answer", "status", "words"),
    [
        (
            {
                "defender": rec.MP_STATUS_DOC_EXAMPLE,
                "products": [{"displayName": "Windows Defender", "productState": rec.STATE_DEFENDER_ON}],
            },
            Status.PASS,
            "0 days",
        ),
        ({"defender": rec.MP_STATUS_NOT_RUNNING, "products": []}, Status.WARN, "switched off"),
        (
            {
                "defender": rec.MP_STATUS_NOT_RUNNING,
                "products": [{"displayName": "Norton Security", "productState": rec.STATE_OTHER_ON}],
            },
            Status.PASS,
            "Norton",
        ),
        (
            {
                "defender": rec.MP_STATUS_NOT_RUNNING,
                "products": {"displayName": "Norton Security", "productState": rec.STATE_OTHER_ON_OUT_OF_DATE},
            },
            Status.WARN,
            "out of date",
        ),
        (
            {"defender": dict(rec.MP_STATUS_DOC_EXAMPLE, AntivirusSignatureAge=12), "products": []},
            Status.WARN,
            "12 days",
        ),
        (
            {"defender": dict(rec.MP_STATUS_DOC_EXAMPLE, RealTimeProtectionEnabled=False), "products": []},
            Status.WARN,
            "real-time",
        ),
        ({"defender": None, "products": []}, Status.UNKNOWN, "did not say"),
    ],
)
def test_windows_malware(answer, status, words):
    system = snapshot("windows", commands=[win_answer("malware_protection", answer)])
    result = run(system, "malware-protection")["malware-protection"]
    assert result.status is status and words in result.detail, result.detail


@pytest.mark.parametrize(
    ("answer", "status", "words"),
    [
        (
            {"profiles": [{"Name": n, "Enabled": 1} for n in ("Domain", "Private", "Public")], "products": None},
            Status.PASS,
            "Windows Defender Firewall",
        ),
        (
            {
                "profiles": [
                    {"Name": "Domain", "Enabled": 1},
                    {"Name": "Private", "Enabled": 1},
                    {"Name": "Public", "Enabled": 0},
                ],
                "products": [],
            },
            Status.WARN,
            "Public networks",
        ),
        (
            {
                "profiles": [{"Name": n, "Enabled": 0} for n in ("Domain", "Private", "Public")],
                "products": [{"displayName": "ZoneAlarm Firewall", "productState": rec.STATE_OTHER_ON}],
            },
            Status.PASS,
            "ZoneAlarm",
        ),
        (
            {
                "profiles": [
                    {"Name": "Domain", "Enabled": 2},
                    {"Name": "Private", "Enabled": 1},
                    {"Name": "Public", "Enabled": 1},
                ],
                "products": [],
            },
            Status.UNKNOWN,
            "Domain networks",
        ),
        ({"profiles": {"Name": "Public", "Enabled": 1}, "products": []}, Status.UNKNOWN, "Domain networks"),
    ],
)
def test_windows_firewall(answer, status, words):
    system = snapshot("windows", commands=[win_answer("firewall", answer)])
    result = run(system, "firewall")["firewall"]
    assert result.status is status and words in result.detail, result.detail


@pytest.mark.parametrize(
    "stdout",
    [
        "Get-NetFirewallProfile : Access denied\r\n",  # PowerShell printed an error, not its JSON
        '{"firewall":{"ok":true,"value":"Get-NetFirewallProfile : Access denied"}}',  # the answer is not JSON
        '{"firewall":{"ok":true,"value":""}}',  # the question answered nothing
    ],
)
def test_windows_firewall_not_json_is_cant_tell(stdout):
    system = snapshot("windows", commands=[(windows_powershell.ARGV, 0, stdout, "")])
    assert run(system, "firewall")["firewall"].status is Status.UNKNOWN


def test_the_parsers_are_pure_functions_of_the_recorded_answers():
    defender = windows_malware_protection.parse_malware({"defender": rec.MP_STATUS_DOC_EXAMPLE, "products": None})
    assert (defender.protected, defender.product, defender.signatures_age_days) == (
        True,
        "Microsoft Defender Antivirus",
        0,
    )
    other = windows_firewall.parse_firewall(
        {"profiles": [], "products": {"displayName": "ZoneAlarm Firewall", "productState": rec.STATE_OTHER_ON}}
    )
    assert (other.enabled, other.product) == (True, "ZoneAlarm Firewall")
    assert windows_os_updates.last_hotfix({"HotFixID": "KB1", "InstalledOn": rec.QFE_INSTALLED_ON}) == date(2017, 4, 11)


def test_one_failed_question_names_its_error_and_hides_no_other_answer():
    answers = {
        "firewall": {"ok": False, "error": "Access is denied."},
        "malware_protection": {
            "ok": True,
            "value": json.dumps({"defender": rec.MP_STATUS_DOC_EXAMPLE, "products": []}),
        },
    }
    system = snapshot("windows", commands=[(windows_powershell.ARGV, 0, json.dumps(answers), "")])
    results = run(system, "firewall", "malware-protection")
    assert results["firewall"].status is Status.UNKNOWN and "Access is denied" in results["firewall"].detail
    assert results["malware-protection"].status is Status.PASS


def test_the_three_checks_start_one_powershell_between_them():
    answer = {"profiles": [{"Name": n, "Enabled": 1} for n in ("Domain", "Private", "Public")], "products": []}
    recorder = RecordingSystem(snapshot("windows", commands=[win_answer("firewall", answer)]))
    run(recorder, "firewall", "os-updates", "malware-protection")  # type: ignore[arg-type]
    started = [c["argv"] for c in recorder.snapshot()["commands"] if c["argv"][0] == "powershell"]
    assert started == [list(windows_powershell.ARGV)]


def test_every_question_runs_in_a_subexpression_so_statements_parse():
    # ( ) takes one expression only: a question with statements inside it would be a parse error that
    # stops the whole script, and with it every Windows check that asks PowerShell.
    text = windows_powershell.script()
    for key, expression in windows_powershell.QUESTIONS:
        assert f"$r['{key}'] = @{{ ok = $true; value = [string]$({expression}) }}" in text


def windows_updates(pause: str | None, hotfix: str, build: str = "26200") -> ReplaySystem:
    ux = {"PauseUpdatesExpiryTime": pause} if pause else {}
    return snapshot(
        "windows",
        commands=[
            win_answer(
                "installed_updates",
                [
                    {"HotFixID": "KB5066835", "InstalledOn": hotfix},
                    {"HotFixID": "KB1", "InstalledOn": rec.QFE_INSTALLED_ON},
                ],
            )
        ],
        registry={
            windows_os_updates.UX_SETTINGS: ux,
            windows_os_updates.CURRENT_VERSION: {
                "CurrentBuild": build,
                "CurrentMajorVersionNumber": 10,
                "CurrentMinorVersionNumber": 0,
                "DisplayVersion": "25H2",
            },
        },
    )


def test_windows_updates_not_paused_recent_and_supported():
    result = run(windows_updates(None, "11/18/2026"), "os-updates")["os-updates"]
    assert result.status is Status.PASS, result.detail


def test_windows_updates_paused_until_a_future_date():
    result = run(windows_updates("2026-12-20T06:20:03Z", "11/18/2026"), "os-updates")["os-updates"]
    assert result.status is Status.WARN and "paused until 20 December 2026" in result.detail


def test_an_expired_pause_left_behind_is_not_a_pause():
    assert run(windows_updates("2024-03-31T06:20:25Z", "11/18/2026"), "os-updates")["os-updates"].status is Status.PASS


def test_windows_installed_on_shapes():
    assert windows_os_updates.installed_on(rec.QFE_INSTALLED_ON) == date(2017, 4, 11)
    # A FILETIME in hex (older systems; no recorded capture, docs/unconfirmed.md): checked against the Unix
    # epoch offset, (value - 116444736000000000) / 10**7 seconds, not against the code's own sum.
    filetime = 0x01CC2A1E6E4C8A2E
    expected = datetime.fromtimestamp((filetime - 116444736000000000) / 10**7, tz=UTC).date()
    assert windows_os_updates.installed_on(f"{filetime:016x}") == expected == date(2011, 6, 13)
    assert windows_os_updates.installed_on("") is None and windows_os_updates.installed_on("16.11.2026") is None
