"""`lock-on-wake` (clause 2): a password is asked when the laptop wakes, within the agency's grace time."""

from __future__ import annotations

from checks.catalogue.screen_lock import FIXES as LOCK_FIXES
from checks.catalogue.screen_lock import cannot_tell, lock_evidence, say_duration
from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import LockFacts
from checks.model import Fix, Verdict
from checks.probes import SCREEN_LOCK, facts_for

TITLES = Titles(
    name="Password on waking",
    passed="Your laptop asks for your password when it wakes",
    failed="Your laptop does not ask for your password soon enough when it wakes",
    unknown="Device Check can't tell whether your laptop asks for a password when it wakes",
)
# The same settings pages as the screen lock, except on Windows, where the wake-up password has its own.
FIXES = {
    **LOCK_FIXES,
    "windows": Fix(
        steps=(
            "Open Settings, then Accounts, then Sign-in options.",
            "Under 'If you've been away, when should Windows require you to sign in again?' (or 'Require"
            " sign-in'), choose 'Every time' (or 'When PC wakes up from sleep').",
        ),
        settings_uri="ms-settings:signinoptions",
    ),
}


def judge_lock_on_wake(facts: LockFacts, max_grace_seconds: int) -> Verdict:
    ev = {"limit_seconds": max_grace_seconds}
    key = facts.settings_app
    if facts.lock_on_wake is False:
        return Verdict.failed(
            "Your laptop does not ask for your password when it wakes from sleep.",
            fix_key=key,
            **lock_evidence(facts, **ev),
        )
    if facts.lock_on_wake is None or facts.wake_grace_seconds is None:
        return cannot_tell(facts, "whether a password is asked when the laptop wakes", fix_key=key, **ev)
    if facts.wake_grace_seconds > max_grace_seconds:
        return Verdict.failed(
            f"Once the screen locks, your laptop waits {say_duration(facts.wake_grace_seconds)} before it asks for"
            f" your password; your agency asks for {say_duration(max_grace_seconds)} or less.",
            fix_key=key,
            **lock_evidence(facts, **ev),
        )
    if facts.wake_grace_seconds == 0:
        return Verdict.passed("Your laptop asks for your password as soon as it wakes.", **lock_evidence(facts, **ev))
    return Verdict.passed(
        f"Your laptop asks for your password when it wakes, at most {say_duration(facts.wake_grace_seconds)}"
        " after the screen locks.",
        **lock_evidence(facts, **ev),
    )


def judge(ctx: CheckContext) -> Verdict:
    facts: LockFacts = facts_for(ctx, SCREEN_LOCK)
    return judge_lock_on_wake(facts, ctx.profile.max_grace_seconds)


CHECK = Check(id="lock-on-wake", clause=2, titles=TITLES, judge=judge, fixes=FIXES, probe=SCREEN_LOCK)
