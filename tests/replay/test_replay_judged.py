"""A replay judges as the candidate's machine did: with the settings, statements and profile the snapshot
recorded, never the replaying machine's; 0.1.0 snapshots (none recorded) use the defaults."""

import json
from datetime import date
from pathlib import Path

from checks.profile import load_profile
from checks.settings import UserSettings
from tests.conftest import FIXTURES, ROOT, run_cli

SAMPLE = str(ROOT / "resources" / "profiles" / "sample-agency.toml")
OLD_SNAPSHOT = FIXTURES / "windows" / "fail-en.json"  # made the 0.1.0 way: nothing recorded beside the reads


def config(folder: Path, settings: UserSettings, confirmed: dict[str, str] | None = None) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps(settings.to_json()))
    (folder / "declarations.json").write_text(
        json.dumps({"schema": "devicecheck-declarations/1", "confirmed": confirmed or {}})
    )
    return str(folder)


def verdicts(*args: str) -> tuple[dict[str, str], dict]:
    proc = run_cli("check", "--json", *args)
    assert proc.returncode in (0, 1, 3), proc.stderr
    report = json.loads(proc.stdout)
    return {r["id"]: r["status"] for r in report["results"]}, report


def test_a_snapshot_records_what_shaped_its_verdicts_and_replays_the_same_anywhere(tmp_path):
    week = {d: None for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}  # "I work no day at all"
    candidate = UserSettings(week=week, opt_in={"social-sites": True}, candidate_name="Jane Smith")
    confirmed = {"privacy-settings": "2026-11-20T09:00:00+00:00"}
    snap = tmp_path / "snap.json"
    made = run_cli(
        "snapshot", "-o", str(snap), "--profile", SAMPLE, "--config-dir", config(tmp_path / "a", candidate, confirmed)
    )
    assert made.returncode == 0, made.stderr
    judged = json.loads(snap.read_text())["judged_with"]
    assert judged["settings"]["week"] == week and judged["settings"]["opt_in"] == {"social-sites": True}
    assert judged["declarations"] == confirmed
    assert judged["profile"]["agency"]["name"] == "Northfield Supply Teachers"

    # Two support machines with other settings of their own: both see exactly what the candidate's saw.
    other = UserSettings(opt_in={"social-sites": False}, not_working_on=date(2026, 11, 25), candidate_name="Support")
    everything = {d.id: "2026-11-24T09:00:00+00:00" for d in load_profile().declarations}
    first, report_b = verdicts("--replay", str(snap), "--config-dir", config(tmp_path / "b", other, everything))
    second, report_c = verdicts("--replay", str(snap), "--config-dir", config(tmp_path / "c", UserSettings()))
    assert first == second
    assert first["social-sites"] != "skipped"  # the candidate's opt-in, not support's
    assert report_b["candidate"]["name"] == report_c["candidate"]["name"] == "Jane Smith"
    assert report_b["agency"]["name"] == "Northfield Supply Teachers"  # the candidate's profile
    assert report_b["declarations"] == report_c["declarations"]
    assert [d["id"] for d in report_b["declarations"] if not d["due"]] == ["privacy-settings"]
    on_wednesday = run_cli("check", "--replay", str(snap), "--at", "2026-11-25T10:30").stdout
    assert "you do not work on Wednesdays" in on_wednesday  # the candidate's own week, not the profile's


def test_profile_option_replaces_the_recorded_profile(tmp_path):
    snap = tmp_path / "snap.json"
    assert run_cli("snapshot", "-o", str(snap), "--profile", SAMPLE).returncode == 0
    _, report = verdicts("--replay", str(snap), "--profile", str(ROOT / "resources" / "profiles" / "default.toml"))
    assert report["agency"]["name"] is None


def test_a_0_1_0_snapshot_uses_the_defaults_and_counts_every_statement_unconfirmed(tmp_path):
    assert "judged_with" not in json.loads(OLD_SNAPSHOT.read_text())
    everything = {d.id: "2026-11-24T09:00:00+00:00" for d in load_profile().declarations}
    mine = UserSettings(not_working_on=date(2026, 11, 25), opt_in={"social-sites": True})
    first, report = verdicts("--replay", str(OLD_SNAPSHOT), "--config-dir", config(tmp_path / "a", mine, everything))
    second, _ = verdicts("--replay", str(OLD_SNAPSHOT), "--config-dir", config(tmp_path / "b", UserSettings()))
    assert first == second
    assert first["social-apps"] == "fail"  # Discord runs in default school hours; this machine's day off is not used
    assert first["social-sites"] == "skipped"  # the default profile's opt-in, not this machine's
    assert all(d["due"] for d in report["declarations"]) and report["summary"]["confirmed"] == 0


def test_only_makes_a_partial_report_whose_outcome_covers_what_ran_and_the_statements(tmp_path):
    _, report = verdicts("--replay", str(OLD_SNAPSHOT), "--only", "password-manager")
    assert report["run"]["partial"] is True and report["run"]["only"] == ["password-manager"]
    assert [r["id"] for r in report["results"]] == ["password-manager"]
    assert report["outcome"] == "incomplete"  # nothing ran that fails; every statement is still to confirm
    text = run_cli("check", "--replay", str(OLD_SNAPSHOT), "--only", "password-manager").stdout
    assert "Partial check: only password-manager were run" in text
