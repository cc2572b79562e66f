"""`autologin`: the laptop does not sign anyone in by itself."""

from __future__ import annotations

from checks.catalog import CheckContext, register
from checks.facts import AutologinFacts
from checks.model import Verdict
from checks.probes import facts_for


def judge_autologin(facts: AutologinFacts) -> Verdict:
    evidence = {"where": list(facts.where), "checked": list(facts.checked), "user": facts.user}
    if facts.enabled is True:
        who = f" as '{facts.user}'" if facts.user and facts.user != "?" else ""
        places = ", ".join(facts.where) or "the system settings"
        return Verdict.failed(
            f"Your laptop signs in by itself{who} when it starts, without asking for a password (set in {places}).",
            facts.fix,
            **evidence,
        )
    if facts.enabled is False:
        return Verdict.passed("Your laptop asks who you are when it starts: automatic sign-in is off.", **evidence)
    return Verdict.unknown("Device Check could not tell whether your laptop signs in by itself.", facts.fix, **evidence)


@register("autologin")
def autologin(ctx: CheckContext) -> Verdict:
    return judge_autologin(facts_for(ctx, "autologin"))
