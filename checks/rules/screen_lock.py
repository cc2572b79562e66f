"""`screen-lock` and `lock-on-wake`: weigh LockFacts (seconds, whatever the OS) against the profile."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from checks.catalog import CheckContext, register
from checks.facts import LockFacts
from checks.model import Verdict
from checks.probes import facts_for


def say_duration(seconds: int) -> str:
    """300 -> "5 minutes", 90 -> "1 minute 30 seconds", 3600 -> "1 hour"."""
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if secs:
        parts.append(f"{secs} second{'s' if secs != 1 else ''}")
    return " ".join(parts)


def _evidence(facts: LockFacts, **extra: Any) -> dict[str, Any]:
    return {
        "desktop": facts.desktop,
        "idle_seconds": facts.idle_seconds,
        "lock_enabled": facts.lock_enabled,
        "lock_delay_seconds": facts.lock_delay_seconds,
        "lock_on_wake": facts.lock_on_wake,
        "wake_grace_seconds": facts.wake_grace_seconds,
        "sources": list(facts.sources),
        **extra,
    }


def _cannot_tell(facts: LockFacts, what: str, **extra: Any) -> Verdict:
    why = " ".join(facts.notes)
    detail = f"Device Check could not read {what} on {facts.desktop}." + (f" {why}" if why else "")
    return Verdict.unknown(detail, facts.fix, **_evidence(facts, **extra))


def judge_screen_lock(facts: LockFacts, max_idle_minutes: int) -> Verdict:
    limit = max_idle_minutes * 60
    ev = {"limit_seconds": limit}
    if facts.lock_enabled is False:
        return Verdict.failed(
            "Your screen does not lock by itself when you leave the laptop.", facts.fix, **_evidence(facts, **ev)
        )
    if facts.idle_seconds == 0:
        return Verdict.failed(
            "Your screen is set never to blank or lock by itself when you leave the laptop.",
            facts.fix,
            **_evidence(facts, **ev),
        )
    if facts.idle_seconds is None or facts.lock_enabled is None or facts.lock_delay_seconds is None:
        return _cannot_tell(facts, "when your screen locks", **ev)
    total = facts.idle_seconds + facts.lock_delay_seconds
    ev["locks_after_seconds"] = total
    if total > limit:
        return Verdict.failed(
            f"Your screen locks only after {say_duration(total)} of no use; your agency asks for"
            f" {say_duration(limit)} or less.",
            facts.fix,
            **_evidence(facts, **ev),
        )
    return Verdict.passed(f"Your screen locks after {say_duration(total)} of no use.", **_evidence(facts, **ev))


def judge_lock_on_wake(facts: LockFacts, max_grace_seconds: int) -> Verdict:
    ev = {"limit_seconds": max_grace_seconds}
    wake_fix = facts.wake_fix or facts.fix
    if facts.lock_on_wake is False:
        return Verdict.failed(
            "Your laptop does not ask for your password when it wakes from sleep.", wake_fix, **_evidence(facts, **ev)
        )
    if facts.lock_on_wake is None or facts.wake_grace_seconds is None:
        return replace(_cannot_tell(facts, "whether a password is asked when the laptop wakes", **ev), fix=wake_fix)
    if facts.wake_grace_seconds > max_grace_seconds:
        return Verdict.failed(
            f"Once the screen locks, your laptop waits {say_duration(facts.wake_grace_seconds)} before it asks for"
            f" your password; your agency asks for {say_duration(max_grace_seconds)} or less.",
            wake_fix,
            **_evidence(facts, **ev),
        )
    if facts.wake_grace_seconds == 0:
        return Verdict.passed("Your laptop asks for your password as soon as it wakes.", **_evidence(facts, **ev))
    return Verdict.passed(
        f"Your laptop asks for your password when it wakes, at most {say_duration(facts.wake_grace_seconds)}"
        " after the screen locks.",
        **_evidence(facts, **ev),
    )


@register("screen-lock")
def screen_lock(ctx: CheckContext) -> Verdict:
    facts: LockFacts = facts_for(ctx, "screen_lock")
    return judge_screen_lock(facts, ctx.profile.max_idle_minutes)


@register("lock-on-wake")
def lock_on_wake(ctx: CheckContext) -> Verdict:
    facts: LockFacts = facts_for(ctx, "screen_lock")
    return judge_lock_on_wake(facts, ctx.profile.max_grace_seconds)
