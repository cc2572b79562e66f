"""`social-apps` (clause 1): the policy's first line, "Social networking sites should not be visited during the
school day". No social media app from the profile's list is open during school hours."""

from __future__ import annotations

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import RunningSocialApps
from checks.model import Fix, Verdict
from checks.probes import SOCIAL_APPS, facts_for

TITLES = Titles(
    name="Social media apps in the school day",
    passed="No social media apps open during the school day",
    failed="A social media app is open during the school day",
    unknown="Device Check can't tell whether a social media app is open",
)
FIXES = {
    "open": Fix(
        (
            "Close the apps named above. If an app stays in the tray by the clock, right-click its icon there and"
            " choose Quit.",
            'In the app\'s own settings, turn off "Open at login" (or "Start automatically") so it stays closed '
            "during the school day.",
            'Press "Check again".',
        )
    )
}


def names_in_words(items: list[str] | tuple[str, ...]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def judge(ctx: CheckContext) -> Verdict:
    day = ctx.school_day
    if not day.in_session:
        # Outside school hours nothing is read at all: the candidate's own time is their own.
        return Verdict.passed(f"Social media apps are fine now: {day.reason}.", school_hours=day.to_json())
    facts: RunningSocialApps = facts_for(ctx, SOCIAL_APPS)
    if not facts.apps:
        return Verdict.passed(
            "No social media app from your agency's list is open.",
            school_hours=day.to_json(),
            processes_checked=facts.processes_seen,
        )
    return Verdict.failed(
        f"Open during school hours: {names_in_words(facts.apps)}.",
        fix_key="open",
        apps=list(facts.apps),
        school_hours=day.to_json(),
        processes_checked=facts.processes_seen,
    )


CHECK = Check(id="social-apps", clause=1, titles=TITLES, judge=judge, fixes=FIXES, probe=SOCIAL_APPS)
