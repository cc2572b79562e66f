"""The one outcome of a run, shared by the text checklist, the JSON report, the PDF, the window's headline
and the tray icon, so none of them can say "All clear" while another says something is missing.

- `to-fix`: a required check fails;
- otherwise `incomplete`: a required check can't tell or broke, or a declaration is unconfirmed or due again;
- otherwise `all-clear`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from checks.model import STATUS_ORDER, CheckResult, Severity, Status
from checks.policy import DeclarationState

TO_FIX, INCOMPLETE, ALL_CLEAR = "to-fix", "incomplete", "all-clear"
OUTCOMES = (ALL_CLEAR, INCOMPLETE, TO_FIX)


def summary_counts(
    results: Sequence[CheckResult], declarations: Sequence[DeclarationState], now: datetime
) -> dict[str, int]:
    """Results by status, plus how many declarations are still to confirm (never or too long ago), how many
    stand confirmed, and how many required checks could not tell (the ones that make a run incomplete)."""
    counts = Counter(r.status for r in results)
    out = {s.value: counts.get(s, 0) for s in STATUS_ORDER}
    due = sum(1 for d in declarations if d.due(now))
    out["to_confirm"] = due
    out["confirmed"] = len(declarations) - due
    out["required_unsure"] = sum(
        1 for r in results if r.severity is Severity.REQUIRED and r.status in (Status.UNKNOWN, Status.ERROR)
    )
    return out


def outcome_from_counts(counts: dict[str, int]) -> str:
    if counts.get("fail", 0):
        return TO_FIX
    if counts.get("required_unsure", 0) or counts.get("to_confirm", 0):
        return INCOMPLETE
    return ALL_CLEAR


def outcome_of(results: Sequence[CheckResult], declarations: Sequence[DeclarationState], now: datetime) -> str:
    return outcome_from_counts(summary_counts(results, declarations, now))


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line_from_counts(counts: dict[str, int]) -> str:
    """The one-line verdict at the top of the window, the bottom of the text checklist and the PDF's result,
    naming what is missing: "Nothing to fix — 9 statements still to confirm"."""
    outcome = outcome_from_counts(counts)
    to_fix, advice, passed = counts.get("fail", 0), counts.get("warn", 0), counts.get("pass", 0)
    unsure = counts.get("unknown", 0) + counts.get("error", 0)
    to_confirm = counts.get("to_confirm", 0)
    missing = []
    if unsure:
        missing.append(_plural(unsure, "check could not tell", "checks could not tell"))
    if to_confirm:
        missing.append(_plural(to_confirm, "statement still to confirm", "statements still to confirm"))
    extras = []
    if advice:
        extras.append(_plural(advice, "piece of advice", "pieces of advice"))
    if counts.get("skipped", 0):
        extras.append(f"{counts['skipped']} turned off")
    if outcome == TO_FIX:
        head = _plural(to_fix, "thing to fix", "things to fix")
        rest = ([f"{passed} fine"] if passed else []) + missing + extras
        return head + (" (" + ", ".join(rest) + ")" if rest else "")
    if outcome == INCOMPLETE:
        return "Nothing to fix — " + ", ".join(missing) + (" (" + ", ".join(extras) + ")" if extras else "")
    rest = missing + extras  # here "could not tell" can only be a recommended check
    if not passed and not advice:
        return "Nothing could be checked yet" + (" (" + ", ".join(rest) + ")" if rest else "")
    return "All clear" + (" (" + ", ".join(rest) + ")" if rest else "")


def summary_line(
    results: Sequence[CheckResult], declarations: Sequence[DeclarationState] = (), now: datetime | None = None
) -> str:
    return summary_line_from_counts(summary_counts(results, declarations, now or datetime.now().astimezone()))
