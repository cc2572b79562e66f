"""`account-password` (clause 2): signing in to the laptop needs a password or PIN."""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import AccountPasswordFacts
from checks.model import Fix, Verdict
from checks.probes import ACCOUNT_PASSWORD, facts_for

TITLES = Titles(
    name="Password to sign in",
    passed="Signing in needs a password or PIN",
    failed="Signing in does not need a password",
    unknown="Device Check can't tell whether signing in needs a password",
)
FIXES = {
    "linux": Fix(
        steps=(
            "Open Settings and choose Users (or 'Users and Groups', or 'About Me').",
            "Set a password for your account.",
            "Use it to sign in and to unlock the screen from now on.",
        ),
    ),
    "windows": Fix(
        steps=(
            "Open Settings, then Accounts, then Sign-in options.",
            "Under 'PIN (Windows Hello)' press 'Set up' (or under 'Password' press 'Add') and follow the steps.",
            "Sign out and back in to check that Windows asks for it.",
        ),
        settings_uri="ms-settings:signinoptions",
    ),
    "darwin": Fix(
        steps=(
            "Open the Apple menu, then System Settings, then Users & Groups.",
            "Press the (i) button next to your name, then 'Change Password' (or 'Set Password'), and choose one"
            " you do not use elsewhere.",
        ),
        settings_uri="x-apple.systempreferences:com.apple.Users-Groups-Settings.extension",
    ),
}


def judge_account_password(facts: AccountPasswordFacts) -> Verdict:
    evidence: dict[str, Any] = {"method": facts.method}
    if facts.has_password is True:
        return Verdict.passed("Your account needs a password to sign in.", **evidence)
    if facts.has_password is False:
        return Verdict.failed("Your account has no password, so anyone can sign in to this laptop.", **evidence)
    return Verdict.unknown("Device Check could not tell whether your account has a password.", **evidence)


def judge(ctx: CheckContext) -> Verdict:
    return judge_account_password(facts_for(ctx, ACCOUNT_PASSWORD))


CHECK = Check(id="account-password", clause=2, titles=TITLES, judge=judge, fixes=FIXES, probe=ACCOUNT_PASSWORD)
