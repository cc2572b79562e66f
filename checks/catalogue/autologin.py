"""`autologin` (clause 2): the laptop does not sign anyone in by itself."""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import AutologinFacts
from checks.model import SEE_IT_HELPER, Fix, Verdict
from checks.probes import AUTOLOGIN, facts_for

TITLES = Titles(
    name="Automatic sign-in",
    passed="Your laptop does not sign in by itself",
    failed="Your laptop signs in by itself",
    unknown="Device Check can't tell whether your laptop signs in by itself",
)
RESTART = "Restart the laptop: it should now ask for your password."
LINUX_HELPER = (
    "Automatic sign-in is set by the display manager: GDM: AutomaticLoginEnable=false in /etc/gdm3/custom.conf "
    "([daemon]); SDDM: remove User= under [Autologin] in /etc/sddm.conf or /etc/sddm.conf.d/; LightDM: remove "
    "autologin-user= in /etc/lightdm/lightdm.conf or /etc/lightdm/lightdm.conf.d/; a text console: remove "
    "--autologin from the getty drop-in under /etc/systemd/system/getty@tty1.service.d/.",
)
FIXES = {
    "linux/GNOME": Fix(
        steps=(
            "Open Settings and choose Users. Press 'Unlock' and enter your password if asked.",
            "Turn off 'Automatic Login'.",
            RESTART,
        ),
        it_helper=LINUX_HELPER,
    ),
    "linux/KDE": Fix(
        steps=(
            "Open System Settings, then 'Login Screen (SDDM)', then 'Behavior'.",
            "Untick 'Automatically log in' and press 'Apply'.",
            RESTART,
        ),
        it_helper=LINUX_HELPER,
    ),
    "linux": Fix(
        steps=(
            "Your laptop's sign-in screen is set to sign you in by itself. On most desktops this is changed in the "
            "system settings under Users or 'Login Window'; if you cannot find it there: " + SEE_IT_HELPER,
            RESTART,
        ),
        it_helper=LINUX_HELPER,
    ),
    "windows": Fix(
        steps=(
            "On Windows this is not in Settings. " + SEE_IT_HELPER,
            RESTART,
        ),
        it_helper=(
            "Press Windows+R, run netplwiz, tick 'Users must enter a user name and password to use this computer' "
            "and press OK.",
            "If that box is missing: Settings, Accounts, Sign-in options, turn off 'For improved security, only "
            "allow Windows Hello sign-in', then run netplwiz again.",
            "If Sysinternals Autologon was used, run it and press Disable (it also clears the stored password).",
            "What sets it: AutoAdminLogon=1 under HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon.",
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
        # Where it is set is a file or registry name: for the IT helper, not the sentence the candidate reads.
        return Verdict.failed(
            f"Your laptop signs in by itself{who} when it starts, without asking for a password.",
            it_helper=(f"Set in: {', '.join(facts.where)}.",) if facts.where else (),
            **evidence,
        )
    if facts.enabled is False:
        return Verdict.passed("Your laptop asks who you are when it starts: automatic sign-in is off.", **evidence)
    return Verdict.unknown("Device Check could not tell whether your laptop signs in by itself.", **evidence)


def judge(ctx: CheckContext) -> Verdict:
    return judge_autologin(facts_for(ctx, AUTOLOGIN))


CHECK = Check(id="autologin", clause=2, titles=TITLES, judge=judge, fixes=FIXES, probe=AUTOLOGIN)
