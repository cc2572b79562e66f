"""'Talked to my consultant': stored beside the declarations, capped by the profile, shown in the report
without changing its outcome, and ending by itself. Real `devicecheck check` runs on a recorded snapshot
whose required checks fail."""

import json
from datetime import UTC, datetime, timedelta

import jsonschema

from checks.acknowledge import Acknowledgement, acknowledge, active_until, quiet_ids
from checks.model import CheckResult, Severity, Status
from checks.profile import load_profile
from checks.settings import SettingsStore
from tests.conftest import FIXTURES, ROOT, run_cli

SCHEMA = json.loads((ROOT / "resources" / "schemas" / "report-2.schema.json").read_text())
NOW = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)


def result(status: Status, cid: str = "disk-encryption") -> CheckResult:
    return CheckResult(cid, status, Severity.REQUIRED, 1, "The disk is encrypted", "Not encrypted.")


def test_a_mark_never_lasts_longer_than_the_profile_allows():
    assert load_profile(None).acknowledge_max_days == 7
    ack = acknowledge("disk-encryption", NOW, days=30, max_days=7, note="  needs a\nreinstall ")
    assert ack.until == NOW + timedelta(days=7) and ack.note == "needs a reinstall"
    assert acknowledge("x", NOW, days=0, max_days=7).until == NOW + timedelta(days=1)


def test_it_covers_a_failing_check_only_and_ends_by_itself():
    marks = {"disk-encryption": acknowledge("disk-encryption", NOW, 3, 7)}
    assert active_until(result(Status.FAIL), marks, NOW) == NOW + timedelta(days=3)
    assert active_until(result(Status.PASS), marks, NOW) is None
    assert active_until(result(Status.FAIL), marks, NOW + timedelta(days=3)) is None  # ended
    assert active_until(result(Status.FAIL, "screen-lock"), marks, NOW) is None
    assert quiet_ids([result(Status.FAIL), result(Status.FAIL, "screen-lock")], marks, NOW) == {"disk-encryption"}


def test_stored_beside_the_declarations_without_losing_either(tmp_path):
    store = SettingsStore(tmp_path)
    store.save_declarations({"phone-pin": NOW})
    store.save_acknowledgements({"disk-encryption": acknowledge("disk-encryption", NOW, 5, 7, "reinstall")})
    store.save_declarations({"phone-pin": NOW, "copyright": NOW})  # ticking a box keeps the mark
    again = SettingsStore(tmp_path)
    assert set(again.load_declarations()) == {"phone-pin", "copyright"}
    assert again.load_acknowledgements()["disk-encryption"].note == "reinstall"
    data = json.loads((tmp_path / "declarations.json").read_text())
    data["acknowledged"]["bad"] = {"made_at": "yesterday"}  # a damaged entry is dropped, the rest kept
    data["acknowledged"]["backwards"] = {"made_at": "2026-11-25T10:00:00+00:00", "until": "2026-11-24T10:00:00+00:00"}
    (tmp_path / "declarations.json").write_text(json.dumps(data))
    assert set(SettingsStore(tmp_path).load_acknowledgements()) == {"disk-encryption"}
    assert Acknowledgement.from_json("x", "not a table") is None


def test_the_report_says_until_when_and_the_outcome_stays(tmp_path):
    snapshot = FIXTURES / "windows" / "fail-en.json"
    plain = run_cli("check", "--json", "--config-dir", str(tmp_path), "--replay", str(snapshot))
    failing = [r["id"] for r in json.loads(plain.stdout)["results"] if r["status"] == "fail"]
    assert failing, "the recorded snapshot should have a failing check"
    # A replay never carries this laptop's marks; a live run does. Judge the replay's marks by hand instead:
    store = SettingsStore(tmp_path)
    store.save_acknowledgements({failing[0]: acknowledge(failing[0], datetime.now().astimezone(), 3, 7)})
    live = run_cli("check", "--json", "--config-dir", str(tmp_path), "--replay", str(snapshot))
    report = json.loads(live.stdout)
    jsonschema.validate(report, SCHEMA)
    assert all(r["acknowledged_until"] is None for r in report["results"])
    assert live.returncode == plain.returncode == 1  # to fix, with or without a mark


def test_a_report_with_a_standing_mark_validates_and_says_it_in_words(tmp_path):
    from checks.engine import Engine
    from checks.policy import declaration_states
    from checks.report import build_report, render_text
    from checks.snapshot import load_snapshot

    system = load_snapshot(str(FIXTURES / "windows" / "fail-en.json"))
    profile = load_profile(None)
    engine = Engine(system, profile, SettingsStore(tmp_path).load_settings(), None)
    ctx = engine.context()
    results = engine.run(ctx=ctx)
    failing = next(r for r in results if r.status is Status.FAIL)
    marks = {failing.id: acknowledge(failing.id, ctx.now, 7, profile.acknowledge_max_days)}
    decls = declaration_states(profile.declarations, {})
    report = build_report(results, profile, ctx.platform, ctx.school_day, decls, ctx.now, acknowledged=marks)
    plain = build_report(results, profile, ctx.platform, ctx.school_day, decls, ctx.now)
    jsonschema.validate(report, SCHEMA)
    row = next(r for r in report["results"] if r["id"] == failing.id)
    assert datetime.fromisoformat(row["acknowledged_until"]) == marks[failing.id].until
    assert report["outcome"] == plain["outcome"] == "to-fix" and report["summary"] == plain["summary"]
    until = marks[failing.id].until
    assert f"To fix — acknowledged until {until.day} {until:%B %Y}" in render_text(report)
