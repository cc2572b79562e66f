"""The rules a profile's keys and values must follow: one checker per kind of value, one table per section,
and one loop (`_check_table`) that walks a table and gives one line naming the file, the key and what is
allowed. checks/profile.py loads profiles with these; checks/profile_policy.py checks `[policy]` with them."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
OSES = ("windows", "darwin", "linux")


def check_ids() -> tuple[str, ...]:
    """The ids a profile may name: the catalogue's, never a second list."""
    from checks.catalogue import CHECK_IDS  # here, not at the top: the catalogue's checks import this module

    return CHECK_IDS


class ProfileError(ValueError):
    """One line naming the file, the key and what is allowed."""


# ---- schema: (type, check) per key; a check returns an error text or None -------------------------
# fullmatch, never match: "$" also matches before a trailing line break ("08:00\n").
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
_VERSION = re.compile(r"^\d{1,6}(\.\d{1,6}){0,3}$")
_OS_KEY = re.compile(r"^[a-z0-9][a-z0-9._-]{0,40}$")
# The Cyber Essentials controls (NCSC "Cyber Essentials: Requirements for IT infrastructure", docs/cyber-essentials.md).
CYBER_ESSENTIALS_CONTROLS = (
    "firewalls",
    "secure-configuration",
    "security-update-management",
    "user-access-control",
    "malware-protection",
)


def _str(v: Any) -> str | None:
    return None if isinstance(v, str) else "must be text"


def _int_range(lo: int, hi: int) -> Any:
    def check(v: Any) -> str | None:
        if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
            return f"must be a whole number from {lo} to {hi}"
        return None

    return check


def _bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def _time(v: Any) -> str | None:
    return None if isinstance(v, str) and _TIME.fullmatch(v) else 'must be a 24-hour time like "08:30"'


def _colour(v: Any) -> str | None:
    return None if isinstance(v, str) and _COLOUR.fullmatch(v) else 'must be a colour like "#1f5fa8"'


def _days(v: Any) -> str | None:
    if isinstance(v, list) and v and all(isinstance(d, str) and d in DAYS for d in v):
        return None
    return f"must be a list of days from {', '.join(DAYS)}"


def _holidays(v: Any) -> str | None:
    if not isinstance(v, list):
        return 'must be a list of dates like "2026-12-21" or ranges like "2026-12-21..2027-01-02"'
    for item in v:
        try:
            parse_holiday(item)
        except (ValueError, TypeError):
            return f'has {item!r}: use a date like "2026-12-21" or a range like "2026-12-21..2027-01-02"'
    return None


def _severity(v: Any) -> str | None:
    return None if v in ("required", "recommended") else 'must be "required" or "recommended"'


def _str_list(v: Any) -> str | None:
    return None if isinstance(v, list) and all(isinstance(s, str) and s for s in v) else "must be a list of text"


def _min_versions(v: Any) -> str | None:
    if not isinstance(v, dict):
        return 'must be a table like {windows = "10.0.22631", darwin = "14", debian = "12"}'
    for os_key, version in v.items():
        if not _OS_KEY.fullmatch(os_key) or not isinstance(version, str) or not _VERSION.fullmatch(version):
            return f'has {os_key} = {version!r}: use a version of numbers and dots, like "14" or "10.0.22631"'
    return None


def _web_address(v: Any) -> str | None:
    # Opened by the system's browser when the candidate asks: only a web page, never a file or a program.
    if isinstance(v, str) and (not v or re.fullmatch(r"https?://[^\s<>\"]{1,2000}", v)):
        return None
    return 'must be a web address like "https://example.org/policy"'


def _controls(v: Any) -> str | None:
    if isinstance(v, list) and all(isinstance(c, str) and c in CYBER_ESSENTIALS_CONTROLS for c in v):
        return None
    return f"must be a list of Cyber Essentials controls from {', '.join(CYBER_ESSENTIALS_CONTROLS)}"


SCHEMA: dict[str, dict[str, Any]] = {
    "profile": {"version": _str, "id": _str},
    "agency": {
        "name": _str,
        "consultant_name": _str,
        "consultant_phone": _str,
        "consultant_email": _str,
        "policy_url": _web_address,
        "accent_colour": _colour,
        "logo": _str,
    },
    "school_hours": {"days": _days, "start": _time, "end": _time, "holidays": _holidays},
    "lock": {"max_idle_minutes": _int_range(1, 60), "max_grace_seconds": _int_range(0, 3600)},
    "monitor": {"interval_seconds": _int_range(15, 3600)},
    "updates": {"max_days": _int_range(1, 365), "min_versions": _min_versions},
    "malware": {"linux_require_clamav": _bool},
    "report": {"valid_days": _int_range(1, 366)},
    "acknowledge": {"max_days": _int_range(1, 30)},
}
CHECK_KEYS = {"enabled": _bool, "severity": _severity, "cyber_essentials": _controls}
DECLARATION_KEYS = {
    "text": _str,
    "review_days": _int_range(1, 3650),
    "clause": _int_range(1, 99),
    "cyber_essentials": _controls,
}


def parse_holiday(item: Any) -> tuple[date, date]:
    if not isinstance(item, str):
        raise TypeError(item)
    first, sep, last = item.partition("..")
    start = date.fromisoformat(first.strip())
    end = date.fromisoformat(last.strip()) if sep else start
    if end < start:
        raise ValueError(item)
    return start, end


def _fail(path: str, key: str, why: str) -> ProfileError:
    return ProfileError(f"{path}: {_one_line(key)}: {_one_line(why)}")


def _one_line(text: str) -> str:
    """A quoted TOML key may hold a line break or a control character: show it escaped, keep one line."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


Rule = Callable[[Any], "str | None"]  # a value's rule: an error text, or None when the value is fine


@dataclass(frozen=True)
class SubTable:
    """A key whose value is a table of its own, checked by the same loop: `processes = {linux = [...]}`."""

    rules: dict[str, Rule]
    shape: str
    unknown: str = "key"  # the word for a key it does not know: "unknown system"


def _shown(value: Any) -> str:
    """A bad value as the error line quotes it: at most about 200 characters, on one line."""
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."


def _check_table(
    path: str,
    where: str,
    table: Any,
    rules: Mapping[str, Rule | SubTable],
    shape: str = "a table",
    unknown: str = "key",
    joiner: str = " ",
) -> None:
    """The one loop over a table's keys: unknown keys and bad values give one line naming the key."""
    if not isinstance(table, dict):
        raise _fail(path, where, f"must be {shape}")
    for key, value in table.items():
        rule = rules.get(key)
        named = f"{where}{joiner}{key}"
        if rule is None:
            raise _fail(path, named, f"unknown {unknown}; allowed: {', '.join(rules)}")
        if isinstance(rule, SubTable):
            _check_table(path, named, value, rule.rules, rule.shape, rule.unknown, joiner=".")
            continue
        err = rule(value)
        if err:
            raise _fail(path, named, f"{err}, found {_shown(value)}")


def _process_names(v: Any) -> str | None:
    return "must be a list of process names" if _str_list(v) else None


APP_KEYS: dict[str, Rule | SubTable] = {
    "name": _str,
    "domains": _str_list,
    "enabled": _bool,
    "processes": SubTable(
        {os_name: _process_names for os_name in OSES},
        "a table like {windows = [...], darwin = [...], linux = [...]}",
        "system",
    ),
}
