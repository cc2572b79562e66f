"""The one outcome (checks/outcome.py) and the summary line that names what is missing."""

from datetime import UTC, datetime, timedelta

from checks.model import CheckResult, Severity, Status
from checks.outcome import ALL_CLEAR, INCOMPLETE, TO_FIX, outcome_of, summary_line
from checks.policy import DeclarationState
from checks.profile import DeclarationSpec

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)


def row(cid: str, status: Status, severity: Severity = Severity.REQUIRED) -> CheckResult:
    return CheckResult(cid, status, severity, 2, cid, "detail")


def statement(did: str, confirmed_days_ago: int | None, review_days: int = 90) -> DeclarationState:
    confirmed = None if confirmed_days_ago is None else NOW - timedelta(days=confirmed_days_ago)
    return DeclarationState(DeclarationSpec(did, 3, "I promise.", review_days), confirmed)


def test_all_clear_only_when_every_check_passes_and_every_statement_stands():
    results = [row("a", Status.PASS), row("b", Status.WARN, Severity.RECOMMENDED)]
    decls = [statement("x", 10), statement("y", 1)]
    assert outcome_of(results, decls, NOW) == ALL_CLEAR
    assert summary_line(results, decls, NOW) == "All clear (1 piece of advice)"


def test_unconfirmed_statements_make_it_incomplete_and_the_line_says_how_many():
    decls = [statement(f"d{i}", None) for i in range(9)]
    results = [row("a", Status.PASS), row("b", Status.PASS)]
    assert outcome_of(results, decls, NOW) == INCOMPLETE
    assert summary_line(results, decls, NOW) == "Nothing to fix — 9 statements still to confirm"


def test_a_statement_past_its_review_date_is_still_to_confirm():
    decls = [statement("old", 91), statement("new", 5)]
    assert outcome_of([row("a", Status.PASS)], decls, NOW) == INCOMPLETE
    assert summary_line([row("a", Status.PASS)], decls, NOW) == "Nothing to fix — 1 statement still to confirm"


def test_a_required_check_that_cannot_tell_makes_it_incomplete_but_a_recommended_one_does_not():
    assert outcome_of([row("a", Status.PASS), row("b", Status.UNKNOWN)], [], NOW) == INCOMPLETE
    assert outcome_of([row("a", Status.PASS), row("b", Status.ERROR)], [], NOW) == INCOMPLETE
    recommended = [row("a", Status.PASS), row("b", Status.UNKNOWN, Severity.RECOMMENDED)]
    assert outcome_of(recommended, [], NOW) == ALL_CLEAR
    assert summary_line([row("a", Status.PASS), row("b", Status.UNKNOWN)], [], NOW) == (
        "Nothing to fix — 1 check could not tell"
    )


def test_a_failing_required_check_is_to_fix_whatever_else_is_missing():
    results = [row("a", Status.FAIL), row("b", Status.FAIL), row("c", Status.PASS), row("d", Status.UNKNOWN)]
    assert outcome_of(results, [statement("x", None)], NOW) == TO_FIX
    assert summary_line(results, [statement("x", None)], NOW) == (
        "2 things to fix (1 fine, 1 check could not tell, 1 statement still to confirm)"
    )


def test_nothing_checked_is_never_all_clear_in_words():
    assert summary_line([row("a", Status.SKIPPED)], [], NOW).startswith("Nothing could be checked")
