"""Linux: is a firewall switched on? Read without administrator rights, in this order:

1. ufw: /etc/ufw/ufw.conf (0644) `ENABLED=yes|no`, which `ufw enable` / `ufw disable` write and ufw's start-up
   service obeys. The live rules need root (`ufw status`), so "yes" here means "switched on".
2. firewalld: whether its systemd unit is enabled (the wants/ link that `systemctl enable` makes) and not
   masked (a link to /dev/null). The firewall is on whenever the unit is.
3. nftables: the nftables unit enabled and /etc/nftables.conf holding an input hook that drops or rejects.
   Debian ships that file with empty accept-all chains, which filter nothing.

iptables/nftables rules in the kernel cannot be read without root. Where none of these is installed the
answer is "can't tell", naming what was looked for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checks.facts import FirewallFacts, Read
from checks.system import ReadDenied

if TYPE_CHECKING:
    from checks.context import CheckContext

UFW_CONF = "/etc/ufw/ufw.conf"
NFT_CONF = "/etc/nftables.conf"
UNIT_DIRS = ("/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system")
WANTS = ("multi-user.target.wants", "sysinit.target.wants", "network-pre.target.wants", "timers.target.wants")

READS = (
    Read("file", UFW_CONF, "Whether ufw, the usual firewall on Ubuntu and Debian, is switched on."),
    Read("file", "/etc/systemd/system/*.target.wants/firewalld.service", "Whether firewalld starts with the system."),
    Read("file", NFT_CONF, "Whether nftables rules that block incoming connections start with the system."),
)


def ufw_enabled(text: str) -> bool | None:
    """`ENABLED=yes` -> True, `no` -> False; the last assignment wins, as in the shell that reads it."""
    value: bool | None = None
    for line in text.splitlines():
        key, sep, raw = line.strip().partition("=")
        if sep and key.strip() == "ENABLED":
            word = raw.split("#")[0].strip().strip("'\"").lower()
            value = True if word == "yes" else False if word == "no" else None
    return value


_INPUT_HOOK = re.compile(r"hook\s+input\b")
_BLOCKS = re.compile(r"\bpolicy\s+drop\b|(^|[\s;{])(drop|reject)\b", re.MULTILINE)


def nft_filters_input(text: str) -> bool:
    """True when the ruleset has an input hook and anything that drops or rejects (comments removed)."""
    code = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
    return bool(_INPUT_HOOK.search(code) and _BLOCKS.search(code))


def _exists(ctx: CheckContext, path: str) -> bool:
    return ctx.system.file_info(path) is not None


def unit_state(ctx: CheckContext, unit: str) -> str:
    """ "enabled", "disabled", "masked" or "absent", from the unit files and wants/ links alone."""
    masked = ctx.system.file_info(f"/etc/systemd/system/{unit}")
    if masked is not None and masked.size == 0 and not masked.is_dir:  # a link to /dev/null
        return "masked"
    if not any(_exists(ctx, f"{d}/{unit}") for d in UNIT_DIRS):
        return "absent"
    if any(_exists(ctx, f"/etc/systemd/system/{wants}/{unit}") for wants in WANTS):
        return "enabled"
    return "disabled"


def read(ctx: CheckContext) -> FirewallFacts:
    checked: list[str] = []
    notes: list[str] = []
    off: list[str] = []
    try:
        ufw_text = ctx.system.read_text(UFW_CONF)
    except ReadDenied:
        ufw_text = None
        notes.append(f"Device Check may not read {UFW_CONF}.")
    if ufw_text is not None:
        state = ufw_enabled(ufw_text)
        checked.append(f"ufw: ENABLED={'yes' if state else 'no' if state is False else '?'} in {UFW_CONF}")
        if state:
            return FirewallFacts(True, "ufw", checked=tuple(checked))
        if state is False:
            off.append("ufw")
        else:
            notes.append(f"{UFW_CONF} does not say yes or no.")
    firewalld = unit_state(ctx, "firewalld.service")
    if firewalld != "absent":
        checked.append(f"firewalld: {firewalld}")
        if firewalld == "enabled":
            return FirewallFacts(True, "firewalld", checked=tuple(checked))
        off.append("firewalld")
    nftables = unit_state(ctx, "nftables.service")
    if nftables != "absent":
        try:
            nft_text = ctx.system.read_text(NFT_CONF)
        except ReadDenied:
            nft_text = None
            notes.append(f"Device Check may not read {NFT_CONF}.")
        filters = nft_filters_input(nft_text) if nft_text is not None else None
        checked.append(
            f"nftables: {nftables}, rules {'block' if filters else 'let everything in' if filters is False else '?'}"
        )
        if nftables == "enabled" and filters:
            return FirewallFacts(True, "nftables", checked=tuple(checked))
        if nftables == "enabled" and filters is None:
            notes.append("nftables starts with the system, but Device Check could not read its rules.")
        else:
            off.append("nftables")
    if off and not notes:
        return FirewallFacts(False, "", parts_off=tuple(off), checked=tuple(checked))
    if not checked:
        notes.append(
            "Device Check found none of the firewalls it knows (ufw, firewalld, nftables), and the system's own "
            "firewall rules can only be read with administrator rights."
        )
    return FirewallFacts(None, "", parts_off=tuple(off), checked=tuple(checked), notes=tuple(notes))
