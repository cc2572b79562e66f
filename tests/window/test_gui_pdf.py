"""The PDF report: what a consultant reads in it, checked through the text pdftotext extracts."""

import subprocess

import pytest

from checks.catalogue import CATALOGUE
from checks.engine import RunOptions
from checks.model import Verdict
from checks.paths import resource
from desktop.pdf import write_pdf
from desktop.session import Session
from desktop.status_words import WORDS
from tests.conftest import need, run_cli
from tests.guikit import SNAP, stand_in_judges


@pytest.fixture
def judges():
    yield from stand_in_judges()


SAMPLE = str(resource("profiles", "sample-agency.toml"))


def pdf_text(path) -> str:
    need("pdftotext")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_pdf_holds_agency_every_title_and_every_status(judges, isolated_config, tmp_path):
    from checks.snapshot import ReplaySystem

    session = Session.open(SAMPLE, system=ReplaySystem(SNAP), config_dir=isolated_config, checks=judges.checks)
    session.confirm("phone-pin", True)
    judges.set("password-manager", lambda ctx: Verdict.failed("No password manager found."))  # recommended: advice
    results = session.engine().run(RunOptions())
    assert {r.status for r in results} == set(WORDS)  # the fixture gives one of each status
    out = tmp_path / "report.pdf"
    write_pdf(session.report(results), str(out))
    text = " ".join(pdf_text(out).split())  # pdftotext wraps lines; compare with single spaces
    assert "Northfield Supply Teachers" in text
    for r in results:
        assert f"[{WORDS[r.status]}] {r.title}" in text, r.id
        assert r.title == next(c for c in CATALOGUE if c.id == r.id).titles.for_status(r.status)
    assert "How to fix: 1. Open Settings, then Privacy, then Screen Lock." in text
    assert "My mobile phone is protected with a PIN" in text
    assert "Confirmed on 25 November 2026" in text and "Not confirmed yet" in text
    assert "profile 2026.11-sample" in text and "Device Check 0." in text
    assert "2. Protect your devices with a PIN" in text and "5. Nothing that brings anyone into disrepute" in text


def test_check_pdf_works_without_a_display(tmp_path):
    out = tmp_path / "cli.pdf"
    # No display and no Qt platform chosen: write_pdf picks "offscreen" itself.
    res = run_cli(
        "check",
        "--pdf",
        str(out),
        "--profile",
        SAMPLE,
        env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""},
    )
    assert res.returncode in (0, 1), res.stderr
    assert "Traceback" not in res.stderr
    text = " ".join(pdf_text(out).split())
    assert "Northfield Supply Teachers" in text
    for check in CATALOGUE:  # each check shows the title of its own outcome
        t = check.titles
        assert any(title in text for title in (t.passed, t.failed, t.unknown, t.name)), check.id


def test_pdf_keeps_a_declaration_outside_the_policy_points():
    from desktop.pdf import report_html

    report = {
        "profile": {"agency": "A"},
        "results": [],
        "declarations": [
            {
                "id": "dbs-update",
                "clause": 0,
                "text": "I have told my consultant about any change to my DBS.",
                "confirmed_at": None,
                "due": True,
            }
        ],
    }
    html = report_html(report)
    assert html.index("Also asked by your agency") < html.index("any change to my DBS")
    assert html.count("Good practice: nothing to check here.") == 15  # no check or declaration in any point
