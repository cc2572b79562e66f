"""An agency's own Social Networking Policy in its profile: a `[policy]` table with its clauses, or `file`
naming a text file beside the profile. Read when the profile is loaded, so a bad one is one line and exit 2
like any other bad key, and clause numbers are checked against the policy in use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checks.bounded import SMALL_FILE_BYTES, FileError, read_named_text
from checks.model import Severity
from checks.profile import CheckConfig, DeclarationSpec
from checks.profile_rules import ProfileError, Rule, _check_table, _fail, _int_range, _one_line, _str


@dataclass(frozen=True)
class Clause:
    """One point of a Social Networking Policy: its number, a short heading, and the policy's own words."""

    number: int
    heading: str
    text: str


@dataclass(frozen=True)
class PolicyText:
    """The agency's own policy, from its profile ([policy] clauses, or a text file named by [policy] file)."""

    title: str
    clauses: tuple[Clause, ...]
    source: str  # the profile, or the text file beside it, the clauses came from


def _non_empty(v: Any) -> str | None:
    return None if isinstance(v, str) and v.strip() else "must be text, not empty"


def _clause_titles(v: Any) -> str | None:
    good = isinstance(v, list) and all(isinstance(t, str) and t.strip() for t in v)
    return None if good else "must be a list of text"


# The agency's own policy: clauses here, or `file` naming a text file beside the profile ("- " starts each
# clause, as in resources/policy/), with `titles` giving the clauses' short headings in order.
POLICY_KEYS: dict[str, Rule] = {
    "title": _non_empty,
    "file": _non_empty,
    "titles": _clause_titles,
    "clauses": lambda v: None,  # checked clause by clause in validate_policy
    "source": _str,  # written by Device Check: where the clauses came from (kept in a snapshot's profile)
}
POLICY_CLAUSE_KEYS = {"number": _int_range(1, 99), "title": _non_empty, "text": _non_empty}


def validate_policy(policy: Any, path: str) -> None:
    _check_table(path, "[policy]", policy, POLICY_KEYS, "a table, like [policy]")
    has_file, has_clauses = "file" in policy, "clauses" in policy
    if has_file == has_clauses:
        raise _fail(
            path,
            "[policy]",
            'needs either clauses = [{number = 1, title = "...", text = "..."}, ...] or file = "policy.txt", not both',
        )
    if has_clauses and "titles" in policy:
        raise _fail(path, "[policy] titles", "is for a policy file; give each clause its title instead")
    clauses = policy.get("clauses")
    if has_clauses and (not isinstance(clauses, list) or not clauses):
        raise _fail(path, "[policy] clauses", 'must be a list like [{number = 1, title = "...", text = "..."}]')
    seen: set[int] = set()
    for i, entry in enumerate(clauses or [], start=1):
        where = f"[policy] clauses #{i}"
        _check_table(path, where, entry, POLICY_CLAUSE_KEYS, "a table like {number = 1, title = ..., text = ...}")
        missing = [key for key in POLICY_CLAUSE_KEYS if key not in entry]
        if missing:
            raise _fail(path, where, f"needs {', '.join(missing)}")
        if entry["number"] in seen:
            raise _fail(path, where, f"number {entry['number']} is used twice")
        seen.add(entry["number"])


def policy_from_text(text: str, titles: list[str], title: str, source: str) -> PolicyText:
    """A policy written as text: its first line is the title, each line starting "- " is a clause, numbered
    from 1 in order (the built-in policy in resources/policy/ is written the same way)."""
    lines = [line.strip() for line in text.splitlines()]
    bullets = [line[2:].strip() for line in lines if line.startswith("- ") and line[2:].strip()]
    first = next((line for line in lines if line), "")
    clauses = tuple(
        Clause(i, titles[i - 1] if i <= len(titles) else f"Clause {i}", body) for i, body in enumerate(bullets, 1)
    )
    return PolicyText(title or first.lstrip("# ") or "Social Networking Policy", clauses, source)


def read_policy_file(policy: dict[str, Any], path: Path) -> dict[str, Any]:
    """[policy] file, read now from beside the profile that names it and turned into clauses, so a later
    layer (the --profile over the installer's one) and the app see one shape."""
    where = f"{path}: [policy] file"
    target = Path(policy["file"])
    target = target if target.is_absolute() else path.parent / target
    try:
        text = read_named_text(target, SMALL_FILE_BYTES, "policy text", "save the policy as UTF-8")
    except FileError as exc:
        raise ProfileError(f"{where}: {_one_line(str(exc))}") from None
    parsed = policy_from_text(text, list(policy.get("titles", [])), policy.get("title", ""), str(target))
    if not parsed.clauses:
        raise ProfileError(f'{where}: {target} has no clauses (start each one on a new line with "- ")')
    return {
        "title": parsed.title,
        "clauses": [{"number": c.number, "title": c.heading, "text": c.text} for c in parsed.clauses],
        "source": str(target),
    }


def policy_text(data: dict[str, Any]) -> PolicyText | None:
    policy = data.get("policy")
    if not isinstance(policy, dict) or not policy.get("clauses"):
        return None
    clauses = tuple(
        Clause(int(c["number"]), str(c["title"]), str(c["text"]))
        for c in sorted(policy["clauses"], key=lambda c: int(c["number"]))
    )
    return PolicyText(str(policy.get("title") or "Social Networking Policy"), clauses, str(policy.get("source", "")))


def check_clause_numbers(
    policy: PolicyText | None, checks: dict[str, CheckConfig], decls: tuple[DeclarationSpec, ...], source: str
) -> None:
    """Every declaration and every check that is on sits under a clause of the policy in use. A declaration
    with no clause (0) is shown under "Also asked by your agency"."""
    from checks.catalogue import CATALOGUE  # here: the catalogue's checks import this module
    from checks.policy import builtin_policy

    in_use = policy or builtin_policy()
    numbers = {c.number for c in in_use.clauses}
    which = "the agency's policy" if policy else "the built-in policy"
    shown_numbers = f"{min(numbers)} to {max(numbers)}" if numbers else "none"
    for decl in decls:
        if decl.clause and decl.clause not in numbers:
            raise _fail(
                source,
                f"[declarations.{decl.id}] clause",
                f"{decl.clause} is not a clause of {which} (its clauses are {shown_numbers})",
            )
    for check in CATALOGUE:
        if checks.get(check.id, CheckConfig(False, Severity.REQUIRED)).enabled and check.clause not in numbers:
            raise _fail(
                source,
                "[policy] clauses",
                f"has no clause {check.clause}, which the check {check.id} is under; add it, or turn the "
                f"check off with [checks.{check.id}] enabled = false",
            )
