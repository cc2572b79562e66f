"""The report: JSON (schema devicecheck-report/2, docs/report-format.md) and the plain-text checklist."""

from __future__ import annotations

import socket
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from checks._version import __version__
from checks.acknowledge import Acknowledgement, active_until, until_words
from checks.cyber_essentials import cyber_essentials_section
from checks.facts import Platform
from checks.model import IT_HELPER_HEADING, STATUS_ORDER, STATUS_WORDS, CheckResult, Status
from checks.outcome import outcome_from_counts, summary_counts, summary_line_from_counts
from checks.outcome import summary_line as outcome_line
from checks.policy import DeclarationState, clauses, policy_for, policy_from_report, policy_json
from checks.profile import Profile
from checks.schoolhours import SchoolDay
from checks.textsafe import shown_tree

REPORT_SCHEMA = "devicecheck-report/2"


@dataclass(frozen=True)
class RunInfo:
    """How the checks were run: on this laptop now, at a time set by hand, or from a snapshot."""

    at_overridden: bool = False
    replay_file: str | None = None  # the snapshot's file name (never its folder)
    replay_recorded_at: str | None = None
    only: tuple[str, ...] = ()

    @property
    def live(self) -> bool:
        return not self.at_overridden and self.replay_file is None

    def to_json(self) -> dict[str, Any]:
        replay = {"file": self.replay_file, "recorded_at": self.replay_recorded_at} if self.replay_file else None
        return {
            "live": self.live,
            "at_overridden": self.at_overridden,
            "replay_of": replay,
            "partial": bool(self.only),
            "only": list(self.only),
        }


def summary(results: list[CheckResult]) -> dict[str, int]:
    counts = Counter(r.status for r in results)
    return {s.value: counts.get(s, 0) for s in STATUS_ORDER}


def summary_line(results: list[CheckResult]) -> str:
    """Results alone, no declarations: kept for callers that have none (see checks/outcome.py)."""
    return outcome_line(results)


def device_name() -> str:
    try:
        return socket.gethostname()  # a local call: no network is touched
    except OSError:
        return ""


def valid_until(declarations: list[DeclarationState], generated_at: datetime, valid_days: int) -> datetime:
    """The earliest of the confirmed declarations' review dates and `generated_at` plus the profile's days."""
    ends = [generated_at + timedelta(days=valid_days)]
    for d in declarations:
        if d.confirmed_at is not None:
            confirmed = d.confirmed_at if d.confirmed_at.tzinfo else d.confirmed_at.astimezone()
            ends.append(confirmed + timedelta(days=d.spec.review_days))
    return min(ends)


def build_report(
    results: list[CheckResult],
    profile: Profile,
    platform: Platform,
    day: SchoolDay,
    declarations: list[DeclarationState],
    now: datetime,
    *,
    candidate: str = "",
    run: RunInfo | None = None,
    generated_at: datetime | None = None,
    acknowledged: Mapping[str, Acknowledgement] | None = None,
) -> dict[str, Any]:
    """`now` is when the checks judged (the clock, `--at` or the snapshot's time); `generated_at` is the real
    clock time the report was made; `acknowledged` holds the candidate's "Talked to my consultant" marks."""
    run = run or RunInfo()
    made = generated_at or datetime.now().astimezone()
    plat: dict[str, Any] = {"os": platform.os, "desktop": platform.desktop or platform.desktop_raw or None}
    plat.update(platform.extra)
    counts = summary_counts(results, declarations, now)
    agency = profile.agency
    return {
        "schema": REPORT_SCHEMA,
        "outcome": outcome_from_counts(counts),
        "candidate": {"name": candidate or None},
        "generated_at": made.isoformat(timespec="seconds"),
        "checked_at": now.isoformat(timespec="seconds"),
        "valid_until": valid_until(declarations, made, profile.report_valid_days).isoformat(timespec="seconds"),
        "run": run.to_json(),
        "agency": {
            "name": agency.name or None,
            "consultant": {
                "name": agency.consultant_name or None,
                "phone": agency.consultant_phone or None,
                "email": agency.consultant_email or None,
            },
        },
        "app_version": __version__,
        "device": device_name(),
        "profile": {"agency": agency.name, "version": profile.version, "source": profile.source},
        "platform": plat,
        "school_hours": day.to_json(),
        "summary": counts,
        "results": [result_json(r, acknowledged or {}, now) for r in results],
        "declarations": [d.to_json(now) for d in declarations],
        "cyber_essentials": cyber_essentials_section(results, declarations, profile, now),
        "policy": policy_json(policy_for(profile), agency.policy_url),
    }


def result_json(result: CheckResult, acknowledged: Mapping[str, Acknowledgement], now: datetime) -> dict[str, Any]:
    """A result as the report holds it: `acknowledged_until` is set while a standing mark covers a failure."""
    until = active_until(result, acknowledged, now)
    return {**result.to_json(), "acknowledged_until": until.isoformat(timespec="seconds") if until else None}


def status_words(row: dict[str, Any]) -> str:
    """ "To fix", or "To fix — acknowledged until 2 December 2026": the window's and the PDF's words."""
    word = STATUS_WORDS[Status(row.get("status", "unknown"))]
    until = row.get("acknowledged_until")
    if not until:
        return word
    try:
        return f"{word} — {until_words(datetime.fromisoformat(until))}"
    except ValueError:
        return word


def when_words(text: str | None) -> str:
    """ "2026-11-25T10:30:00+00:00" -> "25 November 2026 at 10:30", for people."""
    if not text:
        return ""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return f"{moment.day} {moment:%B %Y} at {moment:%H:%M}"


def not_live_mark(report: dict[str, Any]) -> str:
    """The warning every page and the text carry when the report is not a check of this laptop now."""
    run = report.get("run") or {}
    replay = run.get("replay_of")
    if replay:
        return (
            f"Replay of a snapshot recorded on {when_words(replay.get('recorded_at'))} on another computer: "
            "not a check of this laptop"
        )
    if run.get("at_overridden"):
        return f"Checked as if it were {when_words(report.get('checked_at'))}: the time was set by hand"
    return ""


def facts_lines(report: dict[str, Any]) -> list[str]:
    """Who, when, what and until when, in words: the same facts for the text checklist and the PDF."""
    agency = report.get("agency") or {}
    consultant = agency.get("consultant") or {}
    contact = ", ".join(v for v in (consultant.get("name"), consultant.get("phone"), consultant.get("email")) if v)
    run = report.get("run") or {}
    lines = [
        f"Candidate: {(report.get('candidate') or {}).get('name') or 'not given (add your name in Settings)'}",
        f"Agency: {agency.get('name') or 'no agency profile'}" + (f"; consultant: {contact}" if contact else ""),
        f"Checked: {when_words(report.get('checked_at'))}",
        f"Report made: {when_words(report.get('generated_at'))}; valid until {when_words(report.get('valid_until'))}",
        f"Profile: {(report.get('profile') or {}).get('version') or 'built-in'}",
    ]
    if run.get("partial"):
        lines.append("Partial check: only " + ", ".join(run.get("only") or []) + " were run")
    return lines


def render_text(report: dict[str, Any]) -> str:
    """The checklist as plain text: grouped by clause in the policy's order."""
    report = shown_tree(report)  # names from the machine, profile or snapshot never carry controls through
    out: list[str] = []
    agency = report["profile"]["agency"] or "no agency profile"
    out.append(f"Device Check {report['app_version']} - {agency}")
    live_mark = not_live_mark(report)
    if live_mark:
        out.append(f"*** {live_mark} ***")
    out.extend(facts_lines(report))
    day = report["school_hours"]
    state = "in school hours" if day["in_session"] else f"not in school hours: {day['reason']}"
    out.append(
        f"Checked on {report['platform']['os']}"
        f"{' (' + report['platform']['desktop'] + ')' if report['platform'].get('desktop') else ''}; {state}"
    )
    out.append("")
    by_clause: dict[int, list[dict[str, Any]]] = {}
    for r in report["results"]:
        by_clause.setdefault(r["clause"], []).append(r)
    decls: dict[int, list[dict[str, Any]]] = {}
    for d in report["declarations"]:
        decls.setdefault(d["clause"], []).append(d)
    for c in clauses(policy_from_report(report)):
        rows = by_clause.get(c.number, [])
        drows = decls.get(c.number, [])
        if not rows and not drows:
            continue
        out.append(f"Clause {c.number}: {c.heading}")
        for r in rows:
            word = STATUS_WORDS[Status(r["status"])].upper()
            out.append(f"  [{word:^10}] {r['title']}")
            if r.get("acknowledged_until"):
                out.append(f"               {status_words(r)} (talked to the consultant)")
            out.append(f"               {r['detail']}")
            fix = r.get("fix") or {}
            if r["status"] in ("fail", "warn") and fix.get("steps"):
                for i, step in enumerate(fix["steps"], start=1):
                    out.append(f"               {i}. {step}")
            if r["status"] in ("fail", "warn") and fix.get("it_helper"):
                out.append(f"               {IT_HELPER_HEADING}:")
                out.extend(f"                 - {line}" for line in fix["it_helper"])
        for d in drows:
            mark = "TO CONFIRM" if d["due"] else "CONFIRMED"
            out.append(f"  [{mark:^10}] {d['text']}")
        out.append("")
    out.append(summary_line_from_counts(report["summary"]))
    if live_mark:
        out.append(f"*** {live_mark} ***")
    return "\n".join(out) + "\n"
