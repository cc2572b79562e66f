from checks.model import CheckResult, Severity, Status
from checks.report import summary_line


def row(cid: str, status: Status) -> CheckResult:
    return CheckResult(cid, status, Severity.REQUIRED, 2, cid, "detail")


def test_summary_line_says_what_a_candidate_must_do():
    assert summary_line([row("a", Status.PASS), row("b", Status.PASS)]) == "All clear"
    assert summary_line([row("a", Status.FAIL), row("b", Status.FAIL), row("c", Status.PASS)]).startswith(
        "2 things to fix"
    )
    assert summary_line([row("a", Status.WARN), row("b", Status.PASS)]).startswith("Nothing you must fix")
    # Nothing checked is never "All clear".
    assert summary_line([row("a", Status.SKIPPED), row("b", Status.UNKNOWN)]).startswith("Nothing could be checked")
    assert "1 we could not check" in summary_line([row("a", Status.PASS), row("b", Status.ERROR)])
