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


STATUS_ORDER = [Status.PASS, Status.FAIL, Status.WARN, Status.UNKNOWN, Status.ERROR, Status.SKIPPED]


class Severity(StrEnum):
    REQUIRED = "required"
    RECOMMENDED = "recommended"


@dataclass(frozen=True)
class Fix:
    steps: tuple[str, ...] = ()
    settings_uri: str | None = None  # a deep link opened with the OS's "open" (ms-settings:, x-apple...)
    settings_command: tuple[str, ...] | None = None  # or a program to start (gnome-control-center privacy)

    def to_json(self) -> dict[str, Any]:
        return {
            "steps": list(self.steps),
            "settings_uri": self.settings_uri,
            "settings_command": list(self.settings_command) if self.settings_command else None,
        }


@dataclass(frozen=True)
class Verdict:
    """What a check's judge returns. `fail` is turned into `warn` for recommended checks by the engine."""

    status: Status
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None

    @classmethod
    def passed(cls, detail: str, **evidence: Any) -> Verdict:
        return cls(Status.PASS, detail, dict(evidence))

    @classmethod
    def failed(cls, detail: str, fix: Fix | None = None, **evidence: Any) -> Verdict:
        return cls(Status.FAIL, detail, dict(evidence), fix)

    @classmethod
    def unknown(cls, detail: str, fix: Fix | None = None, **evidence: Any) -> Verdict:
        return cls(Status.UNKNOWN, detail, dict(evidence), fix)


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

    def __init__(self, reason: str, fix: Fix | None = None) -> None:
        super().__init__(reason)
        self.fix = fix
