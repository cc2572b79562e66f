"""`plaintext-passwords` (clause 11, recommended): no password list kept as an ordinary file. Paths only,
never content."""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import PasswordFileFacts
from checks.model import Fix, Verdict
from checks.probes import PLAINTEXT_PASSWORDS, facts_for

TITLES = Titles(
    name="Password lists in files",
    passed="No password lists saved as ordinary files",
    failed="A password list is saved as an ordinary file",
    unknown="Device Check can't tell whether a password list is saved as an ordinary file",
)
FIXES = {
    "*": Fix(
        (
            "Open each file named above and copy the passwords into a password manager (Bitwarden, KeePassXC, "
            "1Password ...).",
            "Delete the file, then empty the Bin (Trash) so it is really gone.",
            "If it is a password manager's encrypted export, or not a password list at all, you can ignore this.",
            'Press "Check again".',
        )
    ),
    # macOS asks the candidate before an app may list these folders (Files & Folders).
    "darwin/allow-access": Fix(
        steps=(
            "Open the Apple menu, then System Settings, then Privacy & Security, then Files & Folders.",
            "Find Device Check and turn on Desktop Folder, Documents Folder and Downloads Folder.",
            'Press "Check again".',
        ),
        settings_uri="x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension",
    ),
}


def judge_plaintext_passwords(facts: PasswordFileFacts) -> Verdict:
    evidence: dict[str, Any] = {
        "paths": list(facts.paths),
        "folders": list(facts.folders_scanned),
        "not_read": list(facts.not_read),
    }
    where = ", ".join(facts.folders_scanned) or "your folders"
    if facts.paths:  # a list found is a list found, whatever else could not be looked through
        return Verdict.failed("These files look like lists of passwords: " + ", ".join(facts.paths) + ".", **evidence)
    if facts.not_read:
        return Verdict.unknown(
            "Device Check could not look through every folder, so it cannot tell whether a password list is kept "
            "there: " + "; ".join(facts.not_read) + ".",
            fix_key=facts.not_read_fix_key,
            **evidence,
        )
    return Verdict.passed(f"No file that looks like a password list in {where}.", **evidence)


def judge(ctx: CheckContext) -> Verdict:
    return judge_plaintext_passwords(facts_for(ctx, PLAINTEXT_PASSWORDS))


CHECK = Check(id="plaintext-passwords", clause=11, titles=TITLES, judge=judge, fixes=FIXES, probe=PLAINTEXT_PASSWORDS)
