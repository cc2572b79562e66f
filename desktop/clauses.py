"""The checklist's groups: the policy's clauses in order, plus one for a profile's own declarations whose
clause number is not a point of the policy. No Qt here: the PDF uses it too."""

from __future__ import annotations

from checks.policy import Clause, PolicyText, clauses

OTHER = Clause(0, "Also asked by your agency", "Your agency added these to its policy.")


def clauses_with_other(numbers: set[int], policy: PolicyText | None = None) -> tuple[Clause, ...]:
    """The policy's clauses (the built-in policy's when None), plus OTHER when something names a clause the
    policy does not have."""
    known = clauses(policy)
    return known + ((OTHER,) if numbers - {c.number for c in known} else ())
