"""The words and marks that say a status, so it is never shown by colour alone."""

from __future__ import annotations

from checks.model import Status
from checks.report import STATUS_WORDS

# The report's words (checks/report.py), in sentence case for the window and the PDF.
WORDS = {
    Status.PASS: "OK",
    Status.FAIL: "To fix",
    Status.WARN: "Advice",
    Status.UNKNOWN: "Can't tell",
    Status.ERROR: "Problem",
    Status.SKIPPED: "Off",
}
assert all(WORDS[s].upper() == STATUS_WORDS[s] for s in Status), "keep the window's words in step with the report's"

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
