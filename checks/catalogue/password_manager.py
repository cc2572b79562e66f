"""`password-manager` (clause 2, recommended): a password manager is installed."""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import PasswordManagerFacts
from checks.model import Fix, Verdict
from checks.probes import PASSWORD_MANAGER, facts_for

TITLES = Titles(
    name="Password manager",
    passed="A password manager is installed",
    failed="No password manager was found",
    unknown="Device Check can't tell whether a password manager is installed",
)
FIXES = {
    "*": Fix(
        (
            "Choose a password manager: Bitwarden (free), KeePassXC (free, works offline), 1Password, Proton Pass, "
            "Dashlane or Enpass.",
            "Install it from its own website or your system's app store, and add its extension to your browser.",
            "Move your passwords into it, then delete any list of passwords kept in a file or on paper.",
            'Press "Check again".',
        )
    )
}


def judge_password_manager(facts: PasswordManagerFacts) -> Verdict:
    evidence: dict[str, Any] = {"found": list(facts.found), "looked_in": list(facts.looked_in)}
    if facts.found:
        return Verdict.passed("Password manager found: " + ", ".join(facts.found) + ".", **evidence)
    return Verdict.failed(
        "No password manager was found on this laptop. One keeps every password strong, different and safe.",
        **evidence,
    )


def judge(ctx: CheckContext) -> Verdict:
    return judge_password_manager(facts_for(ctx, PASSWORD_MANAGER))


CHECK = Check(id="password-manager", clause=2, titles=TITLES, judge=judge, fixes=FIXES, probe=PASSWORD_MANAGER)
