"""password-manager: a password manager is installed (recommended)."""

from __future__ import annotations

from checks.catalog import CheckContext, register
from checks.facts import PasswordManagerFacts
from checks.model import Fix, Verdict
from checks.probes import facts_for

FIX = Fix(
    (
        "Choose a password manager: Bitwarden (free), KeePassXC (free, works offline), 1Password, Proton Pass, "
        "Dashlane or Enpass.",
        "Install it from your software centre or its own website, and add its extension to your browser.",
        "Move your passwords into it, then delete any list of passwords kept in a file or on paper.",
        'Press "Check again".',
    )
)


@register("password-manager")
def password_manager(ctx: CheckContext) -> Verdict:
    facts: PasswordManagerFacts = facts_for(ctx, "password_manager")
    evidence = {"found": list(facts.found), "looked_in": list(facts.looked_in)}
    if facts.found:
        return Verdict.passed("Password manager found: " + ", ".join(facts.found) + ".", **evidence)
    return Verdict.failed(
        "No password manager was found on this laptop. One keeps every password strong, different and safe.",
        FIX,
        **evidence,
    )
