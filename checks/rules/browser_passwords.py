"""browser-passwords: passwords saved in a browser are protected (recommended)."""

from __future__ import annotations

from checks.catalog import CheckContext, register
from checks.facts import BrowserPasswordFacts
from checks.model import Verdict
from checks.probes import facts_for


@register("browser-passwords")
def browser_passwords(ctx: CheckContext) -> Verdict:
    facts: BrowserPasswordFacts = facts_for(ctx, "browser_passwords")
    evidence = {
        "unprotected": list(facts.unprotected),
        "protected": list(facts.protected),
        "unreadable": list(facts.unreadable),
        "browsers": list(facts.browsers_seen),
    }
    if facts.unprotected:
        return Verdict.failed(
            "Saved browser passwords are not protected: " + "; ".join(facts.unprotected) + ".", facts.fix, **evidence
        )
    if facts.unreadable and not facts.protected:
        return Verdict.unknown(
            "Device Check could not tell whether your saved browser passwords are protected: "
            + "; ".join(facts.unreadable)
            + ".",
            facts.fix,
            **evidence,
        )
    if facts.protected:
        return Verdict.passed("Your saved browser passwords are protected.", **evidence)
    return Verdict.passed("No browser here keeps saved passwords unprotected.", **evidence)
