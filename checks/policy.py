"""The Social Networking Policy's clauses, numbered in the policy's own order, and the declarations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from checks.paths import resource
from checks.profile import DeclarationSpec

# A short heading for each clause, for the checklist's group titles. The full text comes from the policy.
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


@dataclass(frozen=True)
class Clause:
    number: int
    heading: str
    text: str


@lru_cache(maxsize=1)
def clauses() -> tuple[Clause, ...]:
    """Every bullet of the policy text, in order, numbered from 1."""
    text = resource("policy", "social-networking-policy.txt").read_text(encoding="utf-8")
    bullets = [line[2:].strip() for line in text.splitlines() if line.startswith("- ")]
    return tuple(Clause(i, CLAUSE_HEADINGS.get(i, f"Clause {i}"), body) for i, body in enumerate(bullets, start=1))


def clause(number: int) -> Clause | None:
    return next((c for c in clauses() if c.number == number), None)


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
