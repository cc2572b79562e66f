"""plaintext-passwords: no password list kept as an ordinary file (recommended). Paths only, never content."""

from __future__ import annotations

from checks.catalog import CheckContext, register
from checks.facts import PasswordFileFacts
from checks.model import Fix, Verdict
from checks.probes import facts_for

FIX = Fix(
    (
        "Open each file named above and copy the passwords into a password manager (Bitwarden, KeePassXC, "
        "1Password ...).",
        "Delete the file, then empty the Bin (Trash) so it is really gone.",
        "If it is a password manager's encrypted export, or not a password list at all, you can ignore this.",
        'Press "Check again".',
    )
)


@register("plaintext-passwords")
def plaintext_passwords(ctx: CheckContext) -> Verdict:
    facts: PasswordFileFacts = facts_for(ctx, "plaintext_passwords")
    evidence = {"paths": list(facts.paths), "folders": list(facts.folders_scanned), "stopped_early": facts.truncated}
    where = ", ".join(facts.folders_scanned) or "your folders"
    if facts.paths:
        return Verdict.failed(
            "These files look like lists of passwords: " + ", ".join(facts.paths) + ".", FIX, **evidence
        )
    more = (
        " The search stopped after a very large number of files, so some were not looked at." if facts.truncated else ""
    )
    return Verdict.passed(f"No file that looks like a password list in {where}.{more}", **evidence)
