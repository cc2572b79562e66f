"""`account-password`: signing in to the laptop needs a password or PIN."""

from __future__ import annotations

from checks.catalog import CheckContext, register
from checks.facts import AccountPasswordFacts
from checks.model import Verdict
from checks.probes import facts_for


def judge_account_password(facts: AccountPasswordFacts) -> Verdict:
    evidence = {"method": facts.method}
    if facts.has_password is True:
        return Verdict.passed("Your account needs a password to sign in.", **evidence)
    if facts.has_password is False:
        return Verdict.failed(
            "Your account has no password, so anyone can sign in to this laptop.", facts.fix, **evidence
        )
    return Verdict.unknown("Device Check could not tell whether your account has a password.", facts.fix, **evidence)


@register("account-password")
def account_password(ctx: CheckContext) -> Verdict:
    return judge_account_password(facts_for(ctx, "account_password"))
