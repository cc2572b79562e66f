"""'Talked to my consultant': a required check that cannot be fixed now (a disk that needs a reinstall) is
marked for a few days. The mark changes no outcome; it says so on the window and the report and stops the
tray's reminders about that check until it ends by itself (`[acknowledge] max_days` in the profile)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from checks.model import CheckResult, Status

NOTE_MAX = 300  # characters: a short note, one line


@dataclass(frozen=True)
class Acknowledgement:
    check_id: str
    made_at: datetime
    until: datetime
    note: str = ""

    def active(self, now: datetime) -> bool:
        return self.made_at <= now < self.until

    def to_json(self) -> dict[str, Any]:
        return {
            "made_at": self.made_at.isoformat(timespec="seconds"),
            "until": self.until.isoformat(timespec="seconds"),
            "note": self.note,
        }

    @classmethod
    def from_json(cls, check_id: str, data: Any) -> Acknowledgement | None:
        """None for anything malformed: a bad entry is dropped, the others are kept."""
        if not isinstance(data, dict):
            return None
        try:
            made, until = datetime.fromisoformat(data["made_at"]), datetime.fromisoformat(data["until"])
        except (KeyError, TypeError, ValueError):
            return None
        if (made.tzinfo is None) != (until.tzinfo is None) or until <= made:
            return None
        note = data.get("note")
        return cls(check_id, made, until, clean_note(note) if isinstance(note, str) else "")


def clean_note(text: str) -> str:
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())[:NOTE_MAX]


def acknowledge(check_id: str, now: datetime, days: int, max_days: int, note: str = "") -> Acknowledgement:
    """A mark from `now` for `days` days, never longer than the profile allows."""
    days = max(1, min(days, max_days))
    return Acknowledgement(check_id, now, now + timedelta(days=days), clean_note(note))


def active_until(result: CheckResult, acknowledged: Mapping[str, Acknowledgement], now: datetime) -> datetime | None:
    """When the mark on this result ends, if one stands now: only a failing check carries it."""
    ack = acknowledged.get(result.id)
    if ack is None or result.status is not Status.FAIL or not _active(ack, now):
        return None
    return ack.until


def _active(ack: Acknowledgement, now: datetime) -> bool:
    if (ack.until.tzinfo is None) != (now.tzinfo is None):  # compare like with like
        now = now.replace(tzinfo=None) if ack.until.tzinfo is None else now.astimezone()
    return ack.active(now)


def quiet_ids(results: Iterable[CheckResult], acknowledged: Mapping[str, Acknowledgement], now: datetime) -> set[str]:
    """The failing checks the tray should not remind about today."""
    return {r.id for r in results if active_until(r, acknowledged, now) is not None}


def until_words(until: datetime) -> str:
    """ "To fix — acknowledged until 2 December 2026": the same words in the window and the PDF."""
    return f"acknowledged until {until.day} {until:%B %Y}"
