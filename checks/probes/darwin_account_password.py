"""macOS: does signing in need a password?

Why this says "unknown": macOS lets an account have an empty password, and the only unprivileged way to
find out is to try signing in with an empty one (`dscl . -authonly`), which counts as a failed attempt
and may lock the account. Device Check never does that, so it asks the candidate to make sure instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import AccountPasswordFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

READS: tuple[Read, ...] = ()


def read(ctx: CheckContext) -> AccountPasswordFacts:
    raise ProbeUnknown(
        "macOS does not let an app check whether your account password is empty without trying to sign in, "
        "which could lock you out, so Device Check does not try. "
        "Make sure your Mac asks for a password when you sign in.",
    )
