"""What a check says: statuses, severities, fixes and results. Shared by the CLI, reports and the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"  # required and not met
    WARN = "warn"  # recommended and not met
    UNKNOWN = "unknown"  # cannot tell here; the detail says why
    ERROR = "error"  # the probe broke; the detail says how
    SKIPPED = "skipped"  # turned off by the profile or the candidate, or not available yet


# The word that says each status, so it is never shown by colour alone: one list for the window, the PDF,
# notifications and (in capitals) the text checklist.
STATUS_WORDS = {
    Status.PASS: "OK",
    Status.FAIL: "To fix",
    Status.WARN: "Advice",
    Status.UNKNOWN: "Can't tell",
    Status.ERROR: "Problem",
    Status.SKIPPED: "Off",
}

# The heading over a fix's technical part, the same in the window, the PDF and the text checklist.
IT_HELPER_HEADING = "For an IT helper"
# Said by every fix that means reinstalling or wiping: the candidate's laptop and work are at stake.
TALK_TO_CONSULTANT = "Talk to your consultant before you do this."
# Points a candidate at the technical part when a step cannot be done without a command or a file.
SEE_IT_HELPER = f'The steps are under "{IT_HELPER_HEADING}" below: ask one, or follow them if you are comfortable.'

STATUS_ORDER = [Status.PASS, Status.FAIL, Status.WARN, Status.UNKNOWN, Status.ERROR, Status.SKIPPED]


class Severity(StrEnum):
    REQUIRED = "required"
    RECOMMENDED = "recommended"


@dataclass(frozen=True)
class Fix:
    steps: tuple[str, ...] = ()
    settings_uri: str | None = None  # a deep link opened with the OS's "open" (ms-settings:, x-apple...)
    settings_command: tuple[str, ...] | None = None  # or a program to start (gnome-control-center privacy)
    # Commands, package names, file paths and the like: shown folded under "For an IT helper", so the
    # candidate's own steps stay in plain words.
    it_helper: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "steps": list(self.steps),
            "it_helper": list(self.it_helper),
            "settings_uri": self.settings_uri,
            "settings_command": list(self.settings_command) if self.settings_command else None,
        }


@dataclass(frozen=True)
class Verdict:
    """What a check's judge returns. `fail` is turned into `warn` for recommended checks by the engine.

    The fix steps are not here: they live with the check (checks/catalogue/), and the engine picks the ones
    for the platform in use. `fix_key` names a variant of them, such as "locked" or "allow-access"."""

    status: Status
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)
    fix_key: str = ""
    # What was found that only an IT helper needs (a file that sets it, a program's option): put before the
    # fix's own IT-helper lines, so the detail the candidate reads stays in plain words.
    it_helper: tuple[str, ...] = ()

    @classmethod
    def passed(cls, detail: str, **evidence: Any) -> Verdict:
        return cls(Status.PASS, detail, dict(evidence))

    @classmethod
    def failed(cls, detail: str, *, fix_key: str = "", it_helper: tuple[str, ...] = (), **evidence: Any) -> Verdict:
        return cls(Status.FAIL, detail, dict(evidence), fix_key, it_helper)

    @classmethod
    def unknown(cls, detail: str, *, fix_key: str = "", **evidence: Any) -> Verdict:
        return cls(Status.UNKNOWN, detail, dict(evidence), fix_key)


@dataclass(frozen=True)
class CheckResult:
    id: str
    status: Status
    severity: Severity
    clause: int
    title: str
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None
    duration_ms: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status.value,
            "severity": self.severity.value,
            "clause": self.clause,
            "title": self.title,
            "detail": self.detail,
            "evidence": self.evidence,
            "fix": self.fix.to_json() if self.fix else None,
            "duration_ms": self.duration_ms,
        }


class ProbeUnknown(Exception):
    """A probe cannot tell on this machine; str(exc) is the plain reason shown to the candidate."""

    def __init__(self, reason: str, fix_key: str = "") -> None:
        super().__init__(reason)
        self.fix_key = fix_key  # a variant of the check's fix steps, e.g. "allow-access" on a Mac
