"""The words and marks that say a status, so it is never shown by colour alone."""

from __future__ import annotations

from checks.model import STATUS_WORDS, Status

WORDS = STATUS_WORDS  # one list of status words, kept in checks/model.py

# A mark drawn in each status icon, so the shape differs as well as the colour.
MARKS = {
    Status.PASS: "✓",
    Status.FAIL: "✗",
    Status.WARN: "!",
    Status.UNKNOWN: "?",
    Status.ERROR: "!",
    Status.SKIPPED: "–",
}


def status_word(status: Status | str) -> str:
    return WORDS[Status(status)]
