"""Visits to social sites in a time window, from Chromium-family `History` and Firefox `places.sqlite`.

The same on every OS: a probe supplies the profile folders. The SQL does the domain matching, the time
window and the counting, so only (domain, count, first, last) ever leaves the database: never a URL, a
title or any other visit (and a snapshot records only those rows).

One pass, whatever the number of domains: the window's visits are counted per page first (the visit-time
index finds them), each page's host is cut into its parent domains (m.facebook.com, facebook.com, com), and
each of those is looked up in the wanted domains, which SQLite holds as one hashed list (json_each, one
parameter: no limit on how many). minimal_domains guarantees a host matches at most one wanted domain.

Schemas: Chromium components/history/core/browser/url_database.cc (`urls`: id, url, ...) and
visit_database.cc (`visits`: url = urls.id, visit_time = microseconds since 1601-01-01 UTC). Firefox
toolkit/components/places/nsPlacesTables.h (`moz_places`: id, url, rev_host = the host reversed with a
trailing dot, e.g. "moc.koobecaf.www."; `moz_historyvisits`: place_id, visit_date = PRTime, microseconds
since 1970-01-01 UTC).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from checks.bounded import NotARegularFile
from checks.facts import SiteVisit, SiteVisitFacts
from checks.model import ProbeUnknown
from checks.readers.browser_profiles import BrowserProfile, join
from checks.schoolhours import in_zone_of
from checks.system import ReadDenied, System

# Why each OS's social-sites probe opens the history databases, as "What this app reads" says it.
HISTORY_WHY = (
    "how many times today, during school hours, a social site on your agency's list was visited: only the "
    "site's name, the count and the first and last time are kept, never the pages"
)

if TYPE_CHECKING:
    from checks.context import CheckContext

CHROMIUM_EPOCH_OFFSET_US = 11_644_473_600 * 1_000_000  # 1601-01-01 to 1970-01-01


def minimal_domains(domains: Iterable[str]) -> list[str]:
    """Lower-case, unique, and without domains already covered by a parent (web.whatsapp.com by whatsapp.com),
    so one visit is never counted twice."""
    clean = {d.lower().strip(".") for d in domains if d.strip(".")}
    # Walk up each domain's parents (a.b.c -> b.c -> c): a few set look-ups each, however long the list.
    return sorted(d for d in clean if not any(".".join(d.split(".")[i:]) in clean for i in range(1, d.count(".") + 1)))


# Chromium stores canonical URLs without user names: "https://host[:port]/path". Take the host from
# between "://" and the first "/", "?" or "#", drop any "user@" and ":port", then walk up its parent domains.
CHROMIUM_SQL = """
    WITH per_page AS (
        SELECT v.url AS id, count(*) AS n, min(v.visit_time) AS lo, max(v.visit_time) AS hi
        FROM visits v WHERE v.visit_time >= ? AND v.visit_time < ? GROUP BY v.url),
    rest AS (
        SELECT replace(replace(substr(u.url, instr(u.url, '://') + 3), '?', '/'), '#', '/') || '/' AS r, n, lo, hi
        FROM per_page p JOIN urls u ON u.id = p.id
        WHERE u.url LIKE 'http://%' OR u.url LIKE 'https://%'),
    authority AS (SELECT lower(substr(r, 1, instr(r, '/') - 1)) AS a, n, lo, hi FROM rest),
    hostport AS (SELECT substr(a, instr(a, '@') + 1) || ':' AS hp, n, lo, hi FROM authority),
    parents(name, n, lo, hi) AS (
        SELECT substr(hp, 1, instr(hp, ':') - 1), n, lo, hi FROM hostport
        UNION ALL
        SELECT substr(name, instr(name, '.') + 1), n, lo, hi FROM parents WHERE instr(name, '.') > 0)
    SELECT name, sum(n), min(lo), max(hi) FROM parents
    WHERE name IN (SELECT value FROM json_each(?))
    GROUP BY name ORDER BY name"""

# rev_host is the host reversed with a trailing dot ("moc.koobecaf.www."): its parent domains are the
# prefixes ending in a dot ("moc.", "moc.koobecaf.", ...), looked up as reversed wanted domains.
FIREFOX_SQL = """
    WITH per_place AS (
        SELECT v.place_id AS id, count(*) AS n, min(v.visit_date) AS lo, max(v.visit_date) AS hi
        FROM moz_historyvisits v WHERE v.visit_date >= ? AND v.visit_date < ? GROUP BY v.place_id),
    prefixes(done, rest, n, lo, hi) AS (
        SELECT '', p.rev_host, n, lo, hi FROM per_place JOIN moz_places p ON p.id = per_place.id
        UNION ALL
        SELECT done || substr(rest, 1, instr(rest, '.')), substr(rest, instr(rest, '.') + 1), n, lo, hi
        FROM prefixes WHERE instr(rest, '.') > 0)
    SELECT done, sum(n), min(lo), max(hi) FROM prefixes
    WHERE done IN (SELECT value FROM json_each(?))
    GROUP BY done ORDER BY done"""


def _reversed_name(domain: str) -> str:
    return domain[::-1] + "."


def _unix_us(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000)


def query_for(
    profile: BrowserProfile, system: System, domains: Sequence[str], start: datetime, end: datetime
) -> tuple[str, str, list[object], int, dict[str, str]]:
    """(database path, SQL, parameters, offset that turns the stored time into Unix microseconds, and the
    name each matched row gives -> its domain)."""
    if profile.family == "firefox":
        names = {_reversed_name(d): d for d in domains}
        return (
            join(system, profile.path, "places.sqlite"),
            FIREFOX_SQL,
            [_unix_us(start), _unix_us(end), json.dumps(list(names))],
            0,
            names,
        )
    offset = CHROMIUM_EPOCH_OFFSET_US
    return (
        join(system, profile.path, "History"),
        CHROMIUM_SQL,
        [_unix_us(start) + offset, _unix_us(end) + offset, json.dumps(list(domains))],
        -offset,
        {d: d for d in domains},
    )


def _local_iso(unix_us: int, tz: tzinfo | None) -> str:
    return datetime.fromtimestamp(unix_us / 1_000_000, tz=tz).isoformat(timespec="seconds")


def _as_int(value: object) -> int:
    if isinstance(value, float) and not math.isfinite(value):
        return 0
    return int(value) if isinstance(value, (int, float)) else 0


def read_visits(
    system: System, profiles: Sequence[BrowserProfile], domains: Iterable[str], start: datetime, end: datetime
) -> SiteVisitFacts:
    """Visits in [start, end) to the domains (or their subdomains), merged per browser and domain."""
    wanted = minimal_domains(domains)
    merged: dict[tuple[str, str], tuple[int, int, int]] = {}  # (domain, browser) -> count, first, last (Unix µs)
    read: list[str] = []
    unreadable: list[str] = []
    window_us = (_unix_us(start), _unix_us(end))
    for profile in profiles if wanted else ():
        path, sql, params, offset, names = query_for(profile, system, wanted, start, end)
        try:
            rows = system.sqlite_query(path, sql, params)
        except NotARegularFile as exc:
            unreadable.append(f"{profile.label}: its history could not be read: {exc}")
            continue
        except ReadDenied:
            unreadable.append(f"{profile.label}: its history could not be read (it may be locked or damaged)")
            continue
        if rows is None:  # no history file in this profile
            continue
        read.append(profile.label)
        for row in rows:
            if len(row) != 4:  # not the shape the query asks for (a hand-edited snapshot): not counted
                continue
            name, count, first, last = row
            if not isinstance(name, str) or name not in names:  # not a domain that was asked for: not counted
                continue
            key = (names[name], profile.browser)
            n, lo, hi = _as_int(count), _as_int(first) + offset, _as_int(last) + offset
            if n <= 0 or not window_us[0] <= lo <= hi < window_us[1]:
                continue  # the query asks only for visits inside the window: anything else is not one
            if key in merged:
                old = merged[key]
                n, lo, hi = old[0] + n, min(old[1], lo), max(old[2], hi)
            merged[key] = (n, lo, hi)
    tz = start.tzinfo
    visits = tuple(
        SiteVisit(domain, n, _local_iso(lo, tz), _local_iso(hi, tz), browser)
        for (domain, browser), (n, lo, hi) in sorted(merged.items())
    )
    return SiteVisitFacts(visits, tuple(read), tuple(unreadable))


def school_window(ctx: CheckContext) -> tuple[datetime, datetime] | None:
    """Today's school hours as local times (the check's `now` date and zone), or None on a day off."""
    today = ctx.school_day.today
    if today is None:
        return None
    day = ctx.now.date()
    return in_zone_of(datetime.combine(day, today[0]), ctx.now), in_zone_of(datetime.combine(day, today[1]), ctx.now)


def site_facts(ctx: CheckContext, profiles: Sequence[BrowserProfile]) -> SiteVisitFacts:
    """What an OS's sites probe returns: visits to the profile's social domains in today's school hours."""
    window = school_window(ctx)
    if window is None:
        return SiteVisitFacts(())
    domains = [d for app in ctx.profile.social_apps for d in app.domains]
    facts = read_visits(ctx.system, profiles, domains, *window)
    if not facts.browsers_read and facts.unreadable:
        raise ProbeUnknown("Device Check could not read your browser history: " + "; ".join(facts.unreadable) + ".")
    return facts
