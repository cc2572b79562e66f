"""`autologin` (clause 2): the laptop does not sign anyone in by itself."""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import AutologinFacts
from checks.model import Fix, Verdict
from checks.probes import AUTOLOGIN, facts_for

TITLES = Titles(
    name="Automatic sign-in",
    passed="Your laptop does not sign in by itself",
    failed="Your laptop signs in by itself",
    unknown="Device Check can't tell whether your laptop signs in by itself",
)
FIXES = {
    "linux": Fix(
        steps=(
            "Open Settings and choose Users (on KDE: System Settings, then Login Screen (SDDM), then Behavior).",
            "Turn off Automatic Login.",
            "Restart the laptop: it should now ask for your password.",
        ),
    ),
    "windows": Fix(
        steps=(
            "Press the Windows key and R together, type netplwiz and press Enter.",
            "Tick 'Users must enter a user name and password to use this computer' and press OK.",
            "If that box is missing: open Settings, then Accounts, then Sign-in options, turn off "
            "'For improved security, only allow Windows Hello sign-in', then try netplwiz again.",
            "If you used the Autologon tool, open it and press Disable.",
        ),
        settings_uri="ms-settings:signinoptions",
    ),
    "darwin": Fix(
        steps=(
            "Open the Apple menu, then System Settings, then Users & Groups.",
            "Set 'Automatically log in as' to 'Off', and enter your password when asked.",
        ),
        settings_uri="x-apple.systempreferences:com.apple.Users-Groups-Settings.extension",
    ),
}


def judge_autologin(facts: AutologinFacts) -> Verdict:
    evidence: dict[str, Any] = {"where": list(facts.where), "checked": list(facts.checked), "user": facts.user}
    if facts.enabled is True:
        who = f" as '{facts.user}'" if facts.user and facts.user != "?" else ""
        places = ", ".join(facts.where) or "the system settings"
        return Verdict.failed(
            f"Your laptop signs in by itself{who} when it starts, without asking for a password (set in {places}).",
            **evidence,
        )
    if facts.enabled is False:
        return Verdict.passed("Your laptop asks who you are when it starts: automatic sign-in is off.", **evidence)
    return Verdict.unknown("Device Check could not tell whether your laptop signs in by itself.", **evidence)


def judge(ctx: CheckContext) -> Verdict:
    return judge_autologin(facts_for(ctx, AUTOLOGIN))


CHECK = Check(id="autologin", clause=2, titles=TITLES, judge=judge, fixes=FIXES, probe=AUTOLOGIN)
