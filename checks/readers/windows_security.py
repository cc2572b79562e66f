"""Shared readers for the Windows security probes: PowerShell's JSON, its dates, and Security Center's
`productState`.

PowerShell: Windows PowerShell 5.1's ConvertTo-Json writes a DateTime as "\\/Date(<ms since 1970>)\\/"
(PowerShell/PowerShell PR #11126), PowerShell 7 as ISO 8601, and an object carrying extra properties as
{"value": ..., "DateTime": ...} (invictus-ir/Microsoft-Extractor-Suite issue #76). One object alone is not
wrapped in a list.

productState (root/SecurityCenter2 AntiVirusProduct, FirewallProduct): Microsoft does not document it. The
reading every public decoder shares (the idera PowerTip "Identifying antivirus engine state"; Stack Overflow
question 4700897 with values from 34 products): bits 12-15 the state (0 off, 1 on, 2 snoozed, 3 expired),
bits 8-11 the owner (1 = Windows itself), bits 4-7 the signatures (0 up to date, 1 out of date).
397568 = 0x61100: on, Windows, up to date. 393472 = 0x60100: off. 266240 = 0x41000: on, another maker.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

_MS_DATE = re.compile(r"^/Date\((-?\d+)([+-]\d{4})?\)/$")


def ps_json(text: str) -> Any:
    """A question's JSON answer (ConvertTo-Json's text), or None when it said nothing or something else."""
    body = text.lstrip("\ufeff").strip()
    if not body:
        return None
    try:
        return json.loads(body)
    except json.JSONDecodeError:
        return None


def as_list(value: Any) -> list[dict[str, Any]]:
    """One object, a list of them, or null -> a list of objects."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


def ps_date(value: Any) -> datetime | None:
    """A date as PowerShell 5.1 or 7 writes it in JSON; None for null, "" or FILETIME 0 (the year 1600)."""
    if isinstance(value, dict):
        value = value.get("value")
    if not isinstance(value, str) or not value:
        return None
    match = _MS_DATE.match(value)
    try:
        if match:
            when = datetime.fromtimestamp(int(match.group(1)) / 1000, tz=UTC)
        else:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, OverflowError, OSError):
        return None
    return None if when.year <= 1601 else when


@dataclass(frozen=True)
class ProductState:
    on: bool | None  # None: snoozed, expired or a state nobody has decoded
    by_windows: bool
    up_to_date: bool


def product_state(value: Any) -> ProductState | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    state = (value >> 12) & 0xF
    return ProductState(
        on=True if state == 1 else False if state == 0 else None,
        by_windows=((value >> 8) & 0xF) == 1,
        up_to_date=((value >> 4) & 0xF) == 0,
    )


def products(value: Any) -> list[tuple[str, ProductState]]:
    """(displayName, state) for each registered product whose state could be decoded."""
    out = []
    for item in as_list(value):
        state = product_state(item.get("productState"))
        name = item.get("displayName")
        if state is not None and isinstance(name, str) and name:
            out.append((name, state))
    return out
