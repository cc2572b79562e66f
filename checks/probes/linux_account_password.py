"""Does signing in to this Linux account need a password?

Method: `passwd -S` with no user name, which reports the calling user's own account. On Debian and Ubuntu
(shadow-utils) passwd is set-uid root and answers for your own account without sudo; it refuses for any
other account. This was tried on Debian 12 (passwd 1:4.13) as an unprivileged user: `nobody L 2025-05-20 0
99999 7 -1`, exit 0; asking about root as that user gives "You may not view or modify password information
for root." and exit 1. Reading /etc/shadow needs root, and the password hash itself must never be read, so
this status letter is the best unprivileged answer.

Status field (shadow-utils passwd(1) --status): P = usable password, NP = no password, L = locked
password. Older Fedora/RHEL passwd (libuser) prints PS, NP, LK with a note in brackets.
Accounts from a network directory (LDAP, SSSD, Active Directory) are not in /etc/shadow: passwd then fails
and the answer is `unknown` with its reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import AccountPasswordFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

READS = (
    Read("command", "passwd -S", "Whether your own account has a password (only a status letter, never the password)."),
)

STATUS_WORDS = {"P": True, "PS": True, "NP": False, "L": None, "LK": None}


def parse_passwd_status(text: str) -> tuple[str, str] | None:
    """(user, status letter) from the first line of `passwd -S`, or None when it is not that line."""
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 2 and fields[1] in STATUS_WORDS:
            return fields[0], fields[1]
    return None


def facts_from_status(user: str, status: str) -> AccountPasswordFacts:
    method = f"passwd -S reports '{status}' for the account '{user}'"
    if status in ("L", "LK"):
        raise ProbeUnknown(
            f"The password of your account '{user}' is locked, so it cannot be used to sign in; Device Check"
            " cannot tell how you sign in instead.",
        )
    return AccountPasswordFacts(has_password=STATUS_WORDS[status], method=method)


def read(ctx: CheckContext) -> AccountPasswordFacts:
    res = ctx.system.run(["passwd", "-S"])
    if not res.ok:
        raise ProbeUnknown(f"Device Check could not ask whether your account has a password: {res.why_not()}.")
    parsed = parse_passwd_status(res.stdout)
    if parsed is None:
        raise ProbeUnknown("The answer from 'passwd -S' was not in a form Device Check understands.")
    return facts_from_status(*parsed)
