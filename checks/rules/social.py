"""social-apps and social-sites: the policy's first line, "Social networking sites should not be visited
during the school day"."""

from __future__ import annotations

from typing import Any

from checks.catalog import CheckContext, register
from checks.facts import RunningSocialApps, SiteVisitFacts
from checks.model import Fix, Verdict
from checks.probes import facts_for


def _names(items: list[str] | tuple[str, ...]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@register("social-apps")
def social_apps(ctx: CheckContext) -> Verdict:
    day = ctx.school_day
    if not day.in_session:
        # Outside school hours nothing is read at all: the candidate's own time is their own.
        return Verdict.passed(f"Social media apps are fine now: {day.reason}.", school_hours=day.to_json())
    facts: RunningSocialApps = facts_for(ctx, "social_apps")
    if not facts.apps:
        return Verdict.passed(
            "No social media app from your agency's list is open.",
            school_hours=day.to_json(),
            processes_checked=facts.processes_seen,
        )
    names = _names(facts.apps)
    fix = Fix(
        (
            f"Close {names}. If an app stays in the tray by the clock, right-click its icon there and choose Quit.",
            'In the app\'s own settings, turn off "Open at login" (or "Start automatically") so it stays closed '
            "during the school day.",
            'Press "Check again".',
        )
    )
    return Verdict.failed(f"Open during school hours: {names}.", fix, apps=list(facts.apps), school_hours=day.to_json())


@register("social-sites")
def social_sites(ctx: CheckContext) -> Verdict:
    day = ctx.school_day
    if day.today is None:
        return Verdict.passed(f"Not a school day: {day.reason}.", school_hours=day.to_json())
    if not any(app.domains for app in ctx.profile.social_apps):
        return Verdict.passed("Your agency's profile lists no social media sites to look for.")
    facts: SiteVisitFacts = facts_for(ctx, "social_sites")
    evidence: dict[str, Any] = {
        "school_hours": day.to_json(),
        "browsers_read": list(facts.browsers_read),
        "unreadable": list(facts.unreadable),
    }
    if not facts.browsers_read:
        return Verdict.unknown(
            "Device Check found no browser history it can read here (it reads Chrome, Chromium, "
            "Edge, Brave and Firefox).",
            None,
            **evidence,
        )
    if not facts.visits:
        note = f" ({len(facts.unreadable)} could not be read.)" if facts.unreadable else ""
        return Verdict.passed(
            f"No social media site was visited in today's school hours ({day.today_text()}).{note}", **evidence
        )
    parts = []
    for v in facts.visits:
        times = "1 visit" if v.count == 1 else f"{v.count} visits"
        parts.append(f"{v.domain} in {v.browser} ({times}, {v.first[11:16]} to {v.last[11:16]})")
    fix = Fix(
        (
            "Keep social media sites for your breaks away from school, or for after school hours.",
            "Close any social media tabs that are open now.",
            "If a site opens by itself when the browser starts, remove it from the browser's start-up pages.",
        )
    )
    evidence["visits"] = [
        {"domain": v.domain, "count": v.count, "first": v.first, "last": v.last, "browser": v.browser}
        for v in facts.visits
    ]
    return Verdict.failed("Visited in today's school hours: " + "; ".join(parts) + ".", fix, **evidence)
