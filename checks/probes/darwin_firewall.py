"""macOS: is the application firewall on? `socketfilterfw --getglobalstate` needs no administrator.

The sentence changed between releases: "Firewall is enabled. (State = 1)" and "Firewall is disabled.
(State = 0)" (rgcr/m-cli issue #160), and on Sequoia "Firewall is blocking all non-essential incoming
connections. (State = 2)" (dan-snelson/Mac-Health-Check PR #8). Only the "(State = N)" part is read:
0 off, 1 on, 2 on and blocking everything not essential. Any other answer is "can't tell".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checks.facts import FirewallFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

ARGV = ("/usr/libexec/ApplicationFirewall/socketfilterfw", "--getglobalstate")
READS = (Read("command", " ".join(ARGV), "Whether the Mac's firewall is on."),)
_STATE = re.compile(r"\(State = (\d+)\)")


def parse_global_state(text: str) -> FirewallFacts:
    match = _STATE.search(text)
    if not match:
        raise ProbeUnknown("macOS gave an answer about its firewall that Device Check does not recognise.")
    state = int(match.group(1))
    if state == 0:
        return FirewallFacts(False, "macOS firewall", parts_off=("macOS firewall",), checked=(f"State = {state}",))
    if state in (1, 2):
        return FirewallFacts(True, "The macOS firewall", checked=(f"State = {state}",))
    raise ProbeUnknown(f"macOS gave a firewall state Device Check does not recognise ({state}).")


def read(ctx: CheckContext) -> FirewallFacts:
    result = ctx.system.run(ARGV)
    if not result.ok:
        raise ProbeUnknown(f"Device Check could not ask macOS about its firewall ({result.why_not()}).")
    return parse_global_state(result.stdout + "\n" + result.stderr)
