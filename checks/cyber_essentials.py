"""The "Cyber Essentials: user device" section of the report: each control, and this device's state against
it from the checks and declarations the profile maps to it (`cyber_essentials = [...]`).

Requirement text: NCSC "Cyber Essentials: Requirements for IT infrastructure" (docs/cyber-essentials.md).
A control is "met" only when everything mapped to it passed or was confirmed; "not met" when anything failed;
"can't tell" when something could not be checked and nothing failed; "not checked" when nothing maps to it,
or everything mapped to it was off.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from checks.model import CheckResult, Status
from checks.policy import DeclarationState
from checks.profile import CYBER_ESSENTIALS_CONTROLS, Profile

CONTROL_NAMES = {
    "firewalls": "Firewalls",
    "secure-configuration": "Secure configuration (device unlocking)",
    "security-update-management": "Security update management",
    "user-access-control": "User access control",
    "malware-protection": "Malware protection",
}
STATE_WORDS = {"met": "Met", "not-met": "Not met", "unknown": "Can't tell", "not-checked": "Not checked"}


def _state(items: list[str]) -> str:
    if not items:
        return "not-checked"
    if "not-met" in items:
        return "not-met"
    if "unknown" in items:
        return "unknown"
    return "met"


def _result_state(result: CheckResult) -> str | None:
    if result.status is Status.PASS:
        return "met"
    if result.status in (Status.FAIL, Status.WARN):
        return "not-met"
    if result.status in (Status.UNKNOWN, Status.ERROR):
        return "unknown"
    return None  # turned off: says nothing


def cyber_essentials_section(
    results: list[CheckResult], declarations: list[DeclarationState], profile: Profile, now: datetime
) -> list[dict[str, Any]]:
    rows = []
    for control in CYBER_ESSENTIALS_CONTROLS:
        evidence: list[dict[str, Any]] = []
        states: list[str] = []
        for result in results:
            conf = profile.checks.get(result.id)
            if conf is None or control not in conf.cyber_essentials:
                continue
            state = _result_state(result)
            if result.evidence.get("not_needed"):
                state = None  # "not needed on Linux": evidence of nothing either way
            evidence.append({"check": result.id, "status": result.status.value, "title": result.title})
            if state:
                states.append(state)
        for decl in declarations:
            if control in decl.spec.cyber_essentials:
                due = decl.due(now)
                evidence.append({"declaration": decl.spec.id, "confirmed": not due, "text": decl.spec.text})
                states.append("unknown" if due else "met")
        state = _state(states)
        rows.append(
            {
                "control": control,
                "name": CONTROL_NAMES[control],
                "state": state,
                "state_words": STATE_WORDS[state],
                "evidence": evidence,
            }
        )
    return rows
