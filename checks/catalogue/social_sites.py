"""`social-sites` (clause 1, opt-in): no social media site visited in today's school hours, from browser
history (domains, counts and times only)."""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import SiteVisitFacts
from checks.model import Fix, Verdict
from checks.probes import SOCIAL_SITES, facts_for

TITLES = Titles(
    name="Social media sites in the school day",
    passed="No social media sites visited during the school day",
    failed="Social media sites were visited during the school day",
    unknown="Device Check can't tell whether social media sites were visited",
)
FIXES = {
    "visited": Fix(
        (
            "Keep social media sites for your breaks away from school, or for after school hours.",
            "Close any social media tabs that are open now.",
            "If a site opens by itself when the browser starts, remove it from the browser's start-up pages.",
        )
    ),
    # Safari's history is behind Full Disk Access.
    "darwin/allow-access": Fix(
        steps=(
            "Open the Apple menu, then System Settings, then Privacy & Security, then Full Disk Access.",
            "Turn on Device Check (press + and choose it from Applications if it is not listed).",
            "Quit Device Check and open it again, then check again.",
        ),
        settings_uri="x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles",
    ),
}


def judge(ctx: CheckContext) -> Verdict:
    day = ctx.school_day
    if day.today is None:
        return Verdict.passed(f"Not a school day: {day.reason}.", school_hours=day.to_json())
    if not any(app.domains for app in ctx.profile.social_apps):
        return Verdict.passed("Your agency's profile lists no social media sites to look for.")
    facts: SiteVisitFacts = facts_for(ctx, SOCIAL_SITES)
    evidence: dict[str, Any] = {
        "school_hours": day.to_json(),
        "browsers_read": list(facts.browsers_read),
        "unreadable": list(facts.unreadable),
    }
    if not facts.browsers_read:
        return Verdict.unknown(
            "Device Check found no browser history it can read here (it reads Chrome, Chromium, "
            "Edge, Brave and Firefox).",
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
    evidence["visits"] = [
        {"domain": v.domain, "count": v.count, "first": v.first, "last": v.last, "browser": v.browser}
        for v in facts.visits
    ]
    return Verdict.failed("Visited in today's school hours: " + "; ".join(parts) + ".", fix_key="visited", **evidence)


CHECK = Check(id="social-sites", clause=1, titles=TITLES, judge=judge, fixes=FIXES, opt_in=True, probe=SOCIAL_SITES)
