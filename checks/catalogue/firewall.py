"""`firewall` (clause 2; Cyber Essentials "firewalls"): a software firewall is switched on."""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import FirewallFacts
from checks.model import Fix, Verdict
from checks.probes import FIREWALL, facts_for

TITLES = Titles(
    name="Firewall",
    passed="Your firewall is on",
    failed="Your firewall is off",
    unknown="Device Check can't tell whether your firewall is on",
)
FIXES = {
    "linux": Fix(
        steps=(
            "Open the software centre, search for 'Firewall Configuration' and install it.",
            "Open Firewall Configuration, enter your password, and switch Status on. Leave the profile on 'Home'.",
            "On Fedora, open the Firewall app instead and make sure it is running.",
        ),
        it_helper=(
            "Debian/Ubuntu: the window is the gufw package; or in a terminal: sudo ufw enable.",
            "Fedora and others with firewalld: sudo systemctl enable --now firewalld.",
        ),
        settings_command=("gnome-software", "--search=gufw"),
    ),
    "windows": Fix(
        steps=(
            "Open Windows Security, then 'Firewall & network protection'.",
            "Turn the firewall on for each network listed: Domain network, Private network and Public network.",
            "If another security program looks after your firewall, open that program and switch its firewall on.",
        ),
        settings_uri="ms-settings:windowsdefender",
    ),
    "darwin": Fix(
        steps=(
            "Open the Apple menu, then System Settings, then Network, then Firewall.",
            "Turn the firewall on.",
        ),
        settings_uri="x-apple.systempreferences:com.apple.preference.security?Firewall",
    ),
}


def judge_firewall(facts: FirewallFacts) -> Verdict:
    evidence: dict[str, Any] = {"product": facts.product, "off": list(facts.parts_off), "checked": list(facts.checked)}
    if facts.enabled is True:
        return Verdict.passed(f"{facts.product or 'Your firewall'} is switched on.", **evidence)
    if facts.enabled is False:
        what = ", ".join(facts.parts_off) or "the firewall"
        return Verdict.failed(
            f"The firewall is switched off ({what}), so other computers on the same network (a café's or a "
            "school's wi-fi) can reach yours.",
            **evidence,
        )
    why = " ".join(facts.notes) or "Nothing Device Check could read says whether a firewall is on."
    return Verdict.unknown(why, **evidence)


def judge(ctx: CheckContext) -> Verdict:
    return judge_firewall(facts_for(ctx, FIREWALL))


CHECK = Check(id="firewall", clause=2, titles=TITLES, judge=judge, fixes=FIXES, probe=FIREWALL)
