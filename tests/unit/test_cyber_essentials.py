"""The Cyber Essentials section: each control's state from the checks and declarations mapped to it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from checks.cyber_essentials import cyber_essentials_section
from checks.model import CheckResult, Severity, Status
from checks.policy import declaration_states
from checks.profile import ProfileError, load_profile
from desktop.pdf import report_html
from tests.conftest import run_cli

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def res(check_id: str, status: Status, **evidence) -> CheckResult:
    return CheckResult(check_id, status, Severity.RECOMMENDED, 2, check_id, "", evidence)


def states(results, confirmed=None):
    profile = load_profile()
    decls = declaration_states(profile.declarations, confirmed or {})
    return {row["control"]: row["state"] for row in cyber_essentials_section(results, decls, profile, NOW)}


def test_each_control_from_what_maps_to_it():
    got = states(
        [
            res("firewall", Status.WARN),
            res("os-updates", Status.PASS),
            res("malware-protection", Status.PASS, not_needed=True),
            res("account-password", Status.PASS),
            res("autologin", Status.PASS),
            res("screen-lock", Status.PASS),
            res("lock-on-wake", Status.UNKNOWN),
        ],
        confirmed={"two-step-sign-in": NOW - timedelta(days=1)},
    )
    assert got == {
        "firewalls": "not-met",
        "security-update-management": "met",
        "malware-protection": "not-checked",  # "not needed on Linux" says nothing either way
        "secure-configuration": "unknown",  # lock-on-wake unknown, phone PIN not confirmed
        "user-access-control": "met",
    }


def test_a_declaration_due_again_is_no_longer_met():
    results = [res("account-password", Status.PASS), res("autologin", Status.PASS)]
    assert states(results, {"two-step-sign-in": NOW - timedelta(days=400)})["user-access-control"] == "unknown"


def test_profile_rejects_an_unknown_control(tmp_path: Path):
    bad = tmp_path / "agency.toml"
    bad.write_text('[checks.firewall]\ncyber_essentials = ["firewall"]\n')
    with pytest.raises(ProfileError, match=r"\[checks.firewall\] cyber_essentials: must be a list of Cyber Essentials"):
        load_profile(bad)


def test_json_report_and_pdf_carry_the_section():
    out = run_cli("check", "--json", "--only", "firewall,os-updates,malware-protection")
    report = json.loads(out.stdout)
    controls = [row["control"] for row in report["cyber_essentials"]]
    assert controls == [
        "firewalls",
        "secure-configuration",
        "security-update-management",
        "user-access-control",
        "malware-protection",
    ]
    html = report_html(report)
    assert "Cyber Essentials: user device" in html and "Security update management" in html
