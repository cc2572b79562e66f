"""The Social Networking Policy's clauses, numbered in the policy's own order, and the declarations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from checks.paths import resource
from checks.profile import DeclarationSpec, Profile
from checks.profile_policy import Clause, PolicyText, policy_from_text

__all__ = [
    "BUILT_IN",
    "CLAUSE_HEADINGS",
    "Clause",
    "DeclarationState",
    "PolicyText",
    "builtin_policy",
    "clause",
    "clauses",
    "declaration_states",
    "policy_for",
    "policy_from_report",
    "policy_json",
]

# A short heading for each clause of the built-in policy, for the checklist's group titles.
CLAUSE_HEADINGS = {
    1: "No social media in the school day",
    2: "Protect your devices with a PIN",
    3: "Keep your privacy settings under review",
    4: "Check what others can see about you",
    5: "Nothing that brings anyone into disrepute",
    6: "Keep a professional tone online",
    7: "No unsuitable content",
    8: "No pupils or parents as online friends",
    9: "No private contact with pupils or parents",
    10: "No tagging without your permission",
    11: "Keep confidential information safe",
    12: "Raise concerns through the right channels",
    13: "Say that your views are your own",
    14: "Respect copyright",
    15: "Tell your consultant about harmful material",
}
BUILT_IN = "built-in"


@lru_cache(maxsize=1)
def builtin_policy() -> PolicyText:
    """The policy shipped with Device Check, used when the profile gives none. It names no agency: any agency's
    candidate may read it under their own agency's banner."""
    text = resource("policy", "social-networking-policy.txt").read_text(encoding="utf-8")
    return policy_from_text(text, [CLAUSE_HEADINGS[n] for n in sorted(CLAUSE_HEADINGS)], "", BUILT_IN)


def policy_for(profile: Profile | None) -> PolicyText:
    """The policy in use: the profile's own, or the built-in one."""
    return profile.policy if profile is not None and profile.policy is not None else builtin_policy()


def clauses(policy: PolicyText | None = None) -> tuple[Clause, ...]:
    """Every clause of `policy` (the built-in one when None), in order."""
    return (policy or builtin_policy()).clauses


def clause(number: int, policy: PolicyText | None = None) -> Clause | None:
    return next((c for c in clauses(policy) if c.number == number), None)


def policy_json(policy: PolicyText, url: str = "") -> dict[str, object]:
    """The policy as a report carries it, so the text checklist and the PDF show the agency's own words."""
    return {
        "title": policy.title,
        "source": "built-in" if policy.source == BUILT_IN else "agency",
        "url": url or None,
        "clauses": [{"number": c.number, "title": c.heading, "text": c.text} for c in policy.clauses],
    }


def policy_from_report(report: dict[str, object]) -> PolicyText:
    """The policy a report was made with; a report made before reports carried it used the built-in one."""
    data = report.get("policy")
    if not isinstance(data, dict) or not isinstance(data.get("clauses"), list):
        return builtin_policy()
    found = tuple(
        Clause(int(c["number"]), str(c.get("title") or f"Clause {c['number']}"), str(c.get("text") or ""))
        for c in data["clauses"]
        if isinstance(c, dict) and isinstance(c.get("number"), int)
    )
    return PolicyText(str(data.get("title") or ""), found, str(data.get("source") or "")) if found else builtin_policy()


@dataclass(frozen=True)
class DeclarationState:
    spec: DeclarationSpec
    confirmed_at: datetime | None

    def due(self, now: datetime) -> bool:
        """True when never confirmed, or confirmed longer ago than the profile's review interval."""
        if self.confirmed_at is None:
            return True
        confirmed = self.confirmed_at if self.confirmed_at.tzinfo else self.confirmed_at.astimezone()
        return now - confirmed >= timedelta(days=self.spec.review_days)

    def to_json(self, now: datetime) -> dict[str, object]:
        return {
            "id": self.spec.id,
            "clause": self.spec.clause,
            "text": self.spec.text,
            "confirmed_at": self.confirmed_at.isoformat(timespec="seconds") if self.confirmed_at else None,
            "due": self.due(now),
        }


def declaration_states(specs: tuple[DeclarationSpec, ...], confirmed: dict[str, datetime]) -> list[DeclarationState]:
    return [DeclarationState(s, confirmed.get(s.id)) for s in sorted(specs, key=lambda s: (s.clause, s.id))]
