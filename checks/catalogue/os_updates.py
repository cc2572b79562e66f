"""`os-updates` (clause 2; Cyber Essentials "security update management"): updates are automatic, the last
one was installed within `[updates] max_days`, and the system is a release its maker still supports (the
built-in table in resources/os_support.toml) and at or above the profile's `[updates] min_versions`.

Each part that could not be read makes the whole answer "can't tell", naming it; any part that is wrong
makes it a failure, whatever else could not be read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import UpdateFacts
from checks.model import SEE_IT_HELPER, Fix, Verdict
from checks.probes import OS_UPDATES, facts_for
from checks.readers.os_support import SupportTable, at_least, support_of

TITLES = Titles(
    name="Software updates",
    passed="Your system is kept up to date",
    failed="Your system is not kept up to date",
    unknown="Device Check can't tell whether your system is kept up to date",
)
_UNSUPPORTED_STEP = "If your system is too old for updates, upgrade it to a newer version, or ask your agency for help."
_LINUX_HELPER = (
    "Debian/Ubuntu: install updates with sudo apt update && sudo apt full-upgrade; turn on automatic security "
    "updates with sudo apt install unattended-upgrades && sudo dpkg-reconfigure -plow unattended-upgrades.",
)
FIXES = {
    "linux": Fix(
        steps=(
            "Open the software centre (Software) and install all updates now.",
            "Turn on automatic updates: in Software, open the menu, then 'Update Preferences', and turn on "
            "'Automatic Updates'. If there is no such switch: " + SEE_IT_HELPER,
            _UNSUPPORTED_STEP,
        ),
        it_helper=_LINUX_HELPER,
        settings_command=("gnome-software", "--mode=updates"),
    ),
    "linux/KDE": Fix(
        steps=(
            "Open Discover, choose 'Updates' and install all updates now.",
            "Open System Settings, then 'Software Update', and set updates to be installed automatically.",
            _UNSUPPORTED_STEP,
        ),
        it_helper=_LINUX_HELPER,
    ),
    "windows": Fix(
        steps=(
            "Open Settings, then Windows Update.",
            "If updates are paused, press 'Resume updates'.",
            "Press 'Check for updates', install everything offered and restart when asked.",
            _UNSUPPORTED_STEP,
        ),
        settings_uri="ms-settings:windowsupdate",
    ),
    "darwin": Fix(
        steps=(
            "Open the Apple menu, then System Settings, then General, then Software Update.",
            "Install any update offered.",
            "Press the (i) beside 'Automatic updates' and turn on every switch, including "
            "'Install Security Responses and system files'.",
            _UNSUPPORTED_STEP,
        ),
        settings_uri="x-apple.systempreferences:com.apple.preferences.softwareupdate",
    ),
}


def judge_os_updates(
    facts: UpdateFacts,
    today: date,
    max_days: int,
    min_versions: Mapping[str, str],
    table: SupportTable | None = None,
) -> Verdict:
    wrong: list[str] = []
    unread: list[str] = []
    evidence: dict[str, Any] = {
        "automatic": list(facts.automatic_how),
        "last_update": facts.last_update or None,
        "last_update_source": facts.last_update_source,
        "os": facts.os.name if facts.os else None,
    }
    how = "; ".join(facts.automatic_how)
    if facts.automatic is False:
        wrong.append(f"Automatic updates are off ({how}).")
    elif facts.automatic is None:
        unread.append("whether updates are installed automatically")

    if facts.last_update:
        last = date.fromisoformat(facts.last_update)
        age = (today - last).days
        if age > max_days and facts.history_covers_days is not None:
            wrong.append(
                f"The last update was installed {age} days ago, on {last:%d %B %Y}; "
                f"updates should be installed within {max_days} days."
            )
        elif age > max_days:
            unread.append("when the last update was installed (the record could not be read in full)")
    elif facts.history_covers_days is not None and facts.history_covers_days >= max_days:
        wrong.append(f"No update has been installed in the last {facts.history_covers_days} days.")
    else:
        unread.append("when the last update was installed")

    if facts.os is None:
        unread.append("which version of the system this is")
    else:
        floor = min_versions.get(facts.os.family)
        enough = at_least(facts.os.version, floor) if floor else True
        if enough is False:
            wrong.append(f"{facts.os.name} is older than the version your agency asks for ({floor} or newer).")
        elif enough is None:
            unread.append(f"whether {facts.os.name} is at least version {floor}")
        support = support_of(facts.os, today, table)
        evidence["support"] = support.reason
        if support.supported is False:
            wrong.append(support.reason + " Without them, new security holes stay open.")
        elif support.supported is None:
            unread.append("whether this version still gets security updates: " + support.reason)

    if wrong:
        return Verdict.failed(" ".join(wrong), **evidence)
    if unread:
        notes = (" " + " ".join(facts.notes)) if facts.notes else ""
        return Verdict.unknown("Device Check could not tell " + "; or ".join(unread) + "." + notes, **evidence)
    return Verdict.passed(
        f"Updates are automatic ({how}) and the last one was installed on "
        f"{date.fromisoformat(facts.last_update):%d %B %Y}. {evidence.get('support', '')}".strip(),
        **evidence,
    )


def judge(ctx: CheckContext) -> Verdict:
    updates = ctx.profile.updates
    return judge_os_updates(facts_for(ctx, OS_UPDATES), ctx.now.date(), updates.max_days, updates.min_versions)


CHECK = Check(id="os-updates", clause=2, titles=TITLES, judge=judge, fixes=FIXES, probe=OS_UPDATES)
