"""The credential store: which keyring backend Python's `keyring` picks here, and whether a throwaway
entry can be stored, read back and deleted (LiveSystem.keyring_state). The same on every OS."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import Read
from checks.system import KeyringState

if TYPE_CHECKING:
    from checks.context import CheckContext

READS = (
    Read(
        "keyring",
        'a test entry under the name "devicecheck-roundtrip", stored, read back and deleted at once',
        "that your laptop's password store works; the test value is random and never shown or kept",
    ),
)


def read(ctx: CheckContext) -> KeyringState:
    return ctx.system.keyring_state()
