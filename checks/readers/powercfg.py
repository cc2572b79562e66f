"""Reading `powercfg /query` output without trusting its words.

powercfg translates every label ("Current AC Power Setting Index" is "Aktueller Wechselstrom-
Energieeinstellungsindex" on a German Windows), but not the GUIDs, the `0x…` values or their order. So a
setting is found by its GUID, and its two current values are the last two `0x…` numbers of that
setting's block: AC first, then DC. A range setting prints its minimum, maximum and step as `0x…` before
them, which is why the first numbers are never taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VIDEO_SUBGROUP = "7516b95f-f776-4464-8c53-06167f40cc99"
VIDEOIDLE = "3c0bc021-c8a8-4e07-a973-6b14cbcb2b7e"  # turn off the display after (seconds, 0 = never)
SLEEP_SUBGROUP = "238c9fa8-0aad-41ed-83f4-97be242c8f20"
STANDBYIDLE = "29f6c1db-86da-48c5-9fdb-f2b67b1f44da"  # sleep after (seconds, 0 = never)
NO_SUBGROUP = "fea3413e-7e05-4911-9a71-700331f1c294"
CONSOLELOCK = "0e796bdb-100d-47d6-a2d5-f7d2daa51f51"  # require a password on wake-up (1 = yes)

_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_HEX = re.compile(r":\s*0x([0-9a-f]{1,8})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PowerValue:
    ac: int  # plugged in
    dc: int  # on battery


def setting_value(output: str, setting_guid: str) -> PowerValue | None:
    """The current AC and DC values of one setting, or None when the output does not show it.

    None is what a Modern Standby laptop gives for CONSOLELOCK: powercfg prints only the scheme's header.
    """
    block: list[str] | None = None
    for line in output.splitlines():
        guids = [g.lower() for g in _GUID.findall(line)]
        if guids:
            if block is not None:  # the next GUID line (a new setting or subgroup) ends the block
                break
            if setting_guid.lower() in guids and _is_setting_line(line, setting_guid):
                block = []
            continue
        if block is not None:
            block.append(line)
    if block is None:
        return None
    values = [int(m.group(1), 16) for line in block if (m := _HEX.search(line.strip()))]
    # Known shapes: a list setting (AC, DC), a range setting (min, max, step, AC, DC), and the German sample
    # quoted without its step line (min, max, AC, DC). Anything else (a cut-off output) is not guessed at.
    if len(values) not in (2, 4, 5):
        return None
    return PowerValue(values[-2], values[-1])


def _is_setting_line(line: str, guid: str) -> bool:
    # The setting's own line names only its GUID; a scheme or subgroup line names a different one.
    found = _GUID.findall(line)
    return len(found) == 1 and found[0].lower() == guid.lower()


def scheme_header_only(output: str) -> bool:
    """True for the answer a machine without the asked setting gives: the scheme's header line (its GUID and
    name) and perhaps its alias line, and nothing else. Empty or garbled output is not this shape, so it is
    never taken to mean "this laptop has no such setting"."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    if not 1 <= len(lines) <= 2 or "0x" in output.lower():
        return False
    if len(_GUID.findall(lines[0])) != 1:
        return False
    return len(lines) == 1 or (not _GUID.search(lines[1]) and lines[1].split(":")[-1].strip().isidentifier())
