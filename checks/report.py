"""The report: JSON (schema devicecheck-report/1, docs/ARCHITECTURE.md) and the plain-text checklist."""

from __future__ import annotations

import socket
from collections import Counter
from datetime import datetime
from typing import Any

from checks._version import __version__
from checks.cyber_essentials import cyber_essentials_section
from checks.facts import Platform
from checks.model import STATUS_ORDER, STATUS_WORDS, CheckResult, Status
from checks.policy import DeclarationState, clauses
from checks.profile import Profile
from checks.schoolhours import SchoolDay
from checks.textsafe import shown_tree

REPORT_SCHEMA = "devicecheck-report/1"


def summary(results: list[CheckResult]) -> dict[str, int]:
    counts = Counter(r.status for r in results)
    return {s.value: counts.get(s, 0) for s in STATUS_ORDER}


def summary_line(results: list[CheckResult]) -> str:
    """The one-line verdict at the top of the window and the bottom of the text checklist."""
    return summary_line_from_counts(summary(results))


def summary_line_from_counts(by_status: dict[str, int]) -> str:
    counts = {Status(k): v for k, v in by_status.items()}
    to_fix, advice = counts[Status.FAIL], counts[Status.WARN]
    unsure = counts[Status.UNKNOWN] + counts[Status.ERROR]
    if to_fix:
        head = f"{to_fix} thing{'s' if to_fix != 1 else ''} to fix"
    elif advice:
        head = "Nothing you must fix"
    elif not counts[Status.PASS]:
        head = "Nothing could be checked yet"
    else:
        head = "All clear"
    extras = []
    if counts[Status.PASS] and (to_fix or advice or unsure):
        extras.append(f"{counts[Status.PASS]} fine")
    if advice:
        extras.append(f"{advice} piece{'s' if advice != 1 else ''} of advice")
    if unsure:
        extras.append(f"{unsure} we could not check")
    if counts[Status.SKIPPED]:
        extras.append(f"{counts[Status.SKIPPED]} turned off")
    return head + (" (" + ", ".join(extras) + ")" if extras else "")


def device_name() -> str:
    try:
        return socket.gethostname()  # a local call: no network is touched
    except OSError:
        return ""


def build_report(
    results: list[CheckResult],
    profile: Profile,
    platform: Platform,
    day: SchoolDay,
    declarations: list[DeclarationState],
    now: datetime,
) -> dict[str, Any]:
    plat: dict[str, Any] = {"os": platform.os, "desktop": platform.desktop or platform.desktop_raw or None}
    plat.update(platform.extra)
    return {
        "schema": REPORT_SCHEMA,
        "generated_at": now.isoformat(timespec="seconds"),
        "app_version": __version__,
        "device": device_name(),
        "profile": {"agency": profile.agency.name, "version": profile.version, "source": profile.source},
        "platform": plat,
        "school_hours": day.to_json(),
        "summary": summary(results),
        "results": [r.to_json() for r in results],
        "declarations": [d.to_json(now) for d in declarations],
        "cyber_essentials": cyber_essentials_section(results, declarations, profile, now),
    }


def render_text(report: dict[str, Any]) -> str:
    """The checklist as plain text: grouped by clause in the policy's order."""
    report = shown_tree(report)  # names from the machine, profile or snapshot never carry controls through
    out: list[str] = []
    agency = report["profile"]["agency"] or "no agency profile"
    out.append(f"Device Check {report['app_version']} - {agency}")
    day = report["school_hours"]
    state = "in school hours" if day["in_session"] else f"not in school hours: {day['reason']}"
    out.append(
        f"Checked {report['generated_at']} on {report['platform']['os']}"
        f"{' (' + report['platform']['desktop'] + ')' if report['platform'].get('desktop') else ''}; {state}"
    )
    out.append("")
    by_clause: dict[int, list[dict[str, Any]]] = {}
    for r in report["results"]:
        by_clause.setdefault(r["clause"], []).append(r)
    decls: dict[int, list[dict[str, Any]]] = {}
    for d in report["declarations"]:
        decls.setdefault(d["clause"], []).append(d)
    for c in clauses():
        rows = by_clause.get(c.number, [])
        drows = decls.get(c.number, [])
        if not rows and not drows:
            continue
        out.append(f"Clause {c.number}: {c.heading}")
        for r in rows:
            word = STATUS_WORDS[Status(r["status"])].upper()
            out.append(f"  [{word:^10}] {r['title']}")
            out.append(f"               {r['detail']}")
            fix = r.get("fix") or {}
            if r["status"] in ("fail", "warn") and fix.get("steps"):
                for i, step in enumerate(fix["steps"], start=1):
                    out.append(f"               {i}. {step}")
        for d in drows:
            mark = "TO CONFIRM" if d["due"] else "CONFIRMED"
            out.append(f"  [{mark:^10}] {d['text']}")
        out.append("")
    out.append(summary_line_from_counts(report["summary"]))
    return "\n".join(out) + "\n"
