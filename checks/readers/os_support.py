"""The built-in table of OS releases and their vendors' security-support end dates (resources/os_support.toml),
and the version comparisons the os-updates check makes with it. Nothing is looked up online."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from checks.facts import OsRelease
from checks.paths import resource

STALE_AFTER = timedelta(days=365)  # an open-ended entry is trusted for a year after the table was checked


@dataclass(frozen=True)
class Release:
    family: str
    version: str
    name: str
    security_until: date | None
    extended_until: date | None
    extended_needs: str
    source: str


@dataclass(frozen=True)
class SupportTable:
    checked: date
    releases: tuple[Release, ...]


@dataclass(frozen=True)
class Support:
    supported: bool | None
    reason: str  # one plain sentence


def _date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def parse_table(text: str) -> SupportTable:
    data = tomllib.loads(text)
    releases = tuple(
        Release(
            family=str(r["family"]),
            version=str(r["version"]),
            name=str(r["name"]),
            security_until=_date(r.get("security_until")),
            extended_until=_date(r.get("extended_until")),
            extended_needs=str(r.get("extended_needs", "")),
            source=str(r.get("source", "")),
        )
        for r in data.get("release", [])
    )
    checked = _date(data.get("checked"))
    if checked is None:
        raise ValueError("os_support.toml: checked: must be a date")
    return SupportTable(checked, releases)


@lru_cache(maxsize=1)
def built_in_table() -> SupportTable:
    return parse_table(resource("os_support.toml").read_text(encoding="utf-8"))


def version_tuple(text: str) -> tuple[int, ...] | None:
    """ "24.04" -> (24, 4); "14.6.1" -> (14, 6, 1); anything else (a letter, an empty part) -> None."""
    parts = text.strip().split(".")
    if not parts or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def at_least(version: str, floor: str) -> bool | None:
    have, need = version_tuple(version), version_tuple(floor)
    if have is None or need is None:
        return None
    width = max(len(have), len(need))
    return have + (0,) * (width - len(have)) >= need + (0,) * (width - len(need))


def find_release(table: SupportTable, family: str, version: str) -> Release | None:
    have = version_tuple(version)
    if have is None:
        return None
    best: Release | None = None
    for release in table.releases:
        want = version_tuple(release.version)
        if release.family == family and want and have[: len(want)] == want:
            if best is None or len(want) > len(version_tuple(best.version) or ()):
                best = release
    return best


def support_of(os: OsRelease, today: date, table: SupportTable | None = None) -> Support:
    """Does the vendor still ship security fixes for this release, by the built-in table (or the OS's own word)?"""
    if os.rolling:
        return Support(True, f"{os.name} is a rolling release: it is always the current one.")
    table = table or built_in_table()
    release = find_release(table, os.family, os.version)
    if release is None and os.like:  # a derivative (Linux Mint) follows the release it is built on
        for like in os.like:
            family, _, version = like.partition(" ")
            release = find_release(table, family, version) if version else None
            if release:
                break
    end = release.security_until if release else _date(os.support_end) if os.support_end else None
    if release is None and end is None:
        return Support(None, f"Device Check's own list of supported systems does not include {os.name}.")
    name = release.name if release else os.name
    if end is None:
        if today - table.checked > STALE_AFTER:
            return Support(
                None,
                f"{name} was still getting security updates on {table.checked:%d %B %Y}, when Device Check's list "
                "was last checked; that is over a year ago.",
            )
        return Support(True, f"{name} still gets security updates from its maker.")
    if today <= end:
        return Support(True, f"{name} gets security updates until {end:%d %B %Y}.")
    if release and release.extended_until and today <= release.extended_until:
        return Support(
            None,
            f"{name} stopped getting ordinary security updates on {end:%d %B %Y}. It still gets them until "
            f"{release.extended_until:%d %B %Y} if it is enrolled in {release.extended_needs}, which Device Check "
            "cannot see.",
        )
    return Support(False, f"{name} stopped getting security updates on {end:%d %B %Y}.")
