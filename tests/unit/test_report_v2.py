"""The report a consultant relies on (schema devicecheck-report/2): real `devicecheck check` runs, validated
against resources/schemas/report-2.schema.json, with the outcome, exit code, names, times and marks checked."""

import json
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from checks.profile import load_profile
from tests.conftest import FIXTURES, ROOT, need, run_cli

SCHEMA = json.loads((ROOT / "resources" / "schemas" / "report-2.schema.json").read_text())
SAMPLE = str(ROOT / "resources" / "profiles" / "sample-agency.toml")
FAIL_SNAPSHOT = FIXTURES / "windows" / "fail-en.json"  # recorded Windows output: required checks fail


def config_with(folder: Path, name: str = "", confirmed_days_ago: dict[str, int] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps({"schema": "devicecheck-settings/1", "candidate_name": name}))
    now = datetime.now().astimezone()
    decls = {d: (now - timedelta(days=n)).isoformat(timespec="seconds") for d, n in (confirmed_days_ago or {}).items()}
    (folder / "declarations.json").write_text(json.dumps({"schema": "devicecheck-declarations/1", "confirmed": decls}))
    return folder


def all_confirmed(days_ago: int = 1) -> dict[str, int]:
    return {d.id: days_ago for d in load_profile(SAMPLE).declarations}


def page_tops(pdf: Path) -> list[str]:
    """The text of the band above each page's content (A4 at 72 points an inch: the top 80 points), in drawing
    order (-raw): the lines of a paragraph that runs over a page break sit, clipped and unseen, on both pages."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    tops = []
    for page in range(1, count + 1):
        band = ["-raw", "-f", str(page), "-l", str(page), "-x", "0", "-y", "0", "-W", "595", "-H", "80"]
        text = subprocess.run(["pdftotext", *band, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        tops.append(" ".join(text.split()))
    return tops


def check(*args: str) -> tuple[dict, int]:
    proc = run_cli("check", "--json", *args)
    assert proc.returncode != 2, proc.stderr
    report = json.loads(proc.stdout)
    jsonschema.validate(report, SCHEMA)
    return report, proc.returncode


def test_all_clear_names_the_candidate_agency_and_until_when(tmp_path):
    # One statement was confirmed 80 days ago and is reviewed every 90: the report stands 10 days, not 30.
    ages = all_confirmed(1) | {"privacy-settings": 80}
    cfg = config_with(tmp_path / "cfg", "Jane Smith", ages)
    before = datetime.now().astimezone()
    report, code = check("--only", "social-apps", "--profile", SAMPLE, "--config-dir", str(cfg))
    assert (report["outcome"], code) == ("all-clear", 0)
    assert report["candidate"] == {"name": "Jane Smith"}
    assert report["agency"] == {
        "name": "Northfield Supply Teachers",
        "consultant": {"name": "Priya Shah", "phone": "0161 496 0000", "email": "priya.shah@example.org"},
    }
    assert report["profile"]["version"] == "2026.11-sample"
    made = datetime.fromisoformat(report["generated_at"])
    assert abs((made - before).total_seconds()) < 60
    assert report["run"] == {
        "live": True,
        "at_overridden": False,
        "replay_of": None,
        "partial": True,
        "only": ["social-apps"],
    }
    confirmed = datetime.fromisoformat(
        next(d["confirmed_at"] for d in report["declarations"] if d["id"] == "privacy-settings")
    )
    assert datetime.fromisoformat(report["valid_until"]) == confirmed + timedelta(days=90)
    assert report["summary"]["to_confirm"] == 0 and report["summary"]["confirmed"] == len(ages)


def test_valid_until_is_the_profiles_days_when_no_statement_is_due_sooner(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text("[report]\nvalid_days = 7\n")
    report, _ = check(
        "--only", "social-apps", "--profile", str(profile), "--config-dir", str(config_with(tmp_path / "c"))
    )
    made = datetime.fromisoformat(report["generated_at"])
    assert datetime.fromisoformat(report["valid_until"]) == made + timedelta(days=7)


def test_a_bad_valid_days_is_one_line_and_exit_2(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text("[report]\nvalid_days = 0\n")
    proc = run_cli("check", "--profile", str(profile))
    assert proc.returncode == 2 and "[report] valid_days" in proc.stderr and len(proc.stderr.splitlines()) == 1


def test_unconfirmed_statements_are_incomplete_exit_3_and_the_line_names_them(tmp_path):
    cfg = config_with(tmp_path / "cfg")
    proc = run_cli("check", "--only", "social-apps", "--profile", SAMPLE, "--config-dir", str(cfg))
    count = len(load_profile(SAMPLE).declarations)
    assert proc.returncode == 3
    assert f"Nothing to fix — {count} statements still to confirm" in proc.stdout
    assert "Partial check: only social-apps were run" in proc.stdout
    assert "Candidate: not given" in proc.stdout


def test_candidate_option_names_this_run_only(tmp_path):
    cfg = config_with(tmp_path / "cfg", "Stored Name")
    report, _ = check("--only", "social-apps", "--candidate", "Sam Jones", "--config-dir", str(cfg))
    assert report["candidate"]["name"] == "Sam Jones"
    assert json.loads((cfg / "settings.json").read_text())["candidate_name"] == "Stored Name"


def test_at_keeps_the_real_clock_and_marks_the_text_and_every_pdf_page(tmp_path):
    need("pdftotext")
    cfg = config_with(tmp_path / "cfg", "Jane Smith")
    pdf = tmp_path / "r.pdf"
    at = ["--at", "2026-11-25T10:30", "--config-dir", str(cfg)]
    report, _ = check(*at)
    assert report["checked_at"].startswith("2026-11-25T10:30:00")
    assert abs((datetime.fromisoformat(report["generated_at"]) - datetime.now().astimezone()).total_seconds()) < 120
    assert report["run"]["live"] is False and report["run"]["at_overridden"] is True
    text = run_cli("check", *at, "--pdf", str(pdf)).stdout
    mark = "Checked as if it were 25 November 2026 at 10:30: the time was set by hand"
    assert text.count(mark) == 2  # at the top and by the summary line
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    tops = page_tops(pdf)
    assert len(tops) >= 2
    for top in tops:
        assert mark in top, top
    assert "Jane Smith" in pages.split("\f")[0]
    assert "Made on this laptop" not in pages


def test_replay_is_to_fix_exit_1_and_says_it_is_not_this_laptop(tmp_path):
    need("pdftotext")
    pdf = tmp_path / "r.pdf"
    report, code = check("--replay", str(FAIL_SNAPSHOT))
    assert (report["outcome"], code) == ("to-fix", 1)
    assert report["run"]["replay_of"] == {"file": "fail-en.json", "recorded_at": "2026-11-25T10:30:00+00:00"}
    assert report["run"]["live"] is False and report["run"]["at_overridden"] is False
    proc = run_cli("check", "--replay", str(FAIL_SNAPSHOT), "--pdf", str(pdf))
    mark = "Replay of a snapshot recorded on 25 November 2026 at 10:30 on another computer: not a check of this laptop"
    assert mark in proc.stdout
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    tops = page_tops(pdf)
    assert len(tops) >= 2
    for top in tops:
        assert mark in top, top
    assert "Made on this laptop" not in pages


@pytest.mark.parametrize("args", [["--only", "nonsense"], ["--at", "yesterday"], ["--replay", "/nonexistent.json"]])
def test_bad_usage_or_input_is_exit_2(args):
    assert run_cli("check", *args).returncode == 2
