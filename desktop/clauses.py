"""The checklist's groups: the policy's clauses in order, plus one for a profile's own declarations whose
clause number is not a point of the policy. No Qt here: the PDF uses it too."""

from __future__ import annotations

from checks.policy import Clause, clauses

OTHER = Clause(0, "Also asked by your agency", "Your agency added these to its policy.")


def clauses_with_other(numbers: set[int]) -> tuple[Clause, ...]:
    """The policy's clauses, plus OTHER when something names a clause the policy does not have."""
    known = clauses()
    return known + ((OTHER,) if numbers - {c.number for c in known} else ())
