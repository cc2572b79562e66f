"""Social sites visited in today's school hours on macOS: Chrome, Edge, Brave, Chromium and Firefox through
history.py (as on Linux and Windows), and Safari's ~/Library/Safari/History.db here.

Safari's folder is protected by macOS: only an app with Full Disk Access may read it. Without it the
listing is refused, and Device Check says it cannot tell, with how to grant access (it never asks
for it by itself). Safari schema (plaso's Safari history parser; archiveteam "History.db"):
history_items(id, url), history_visits(history_item = history_items.id, visit_time = seconds since
2001-01-01 UTC).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from checks.facts import Read, SiteVisit, SiteVisitFacts
from checks.model import ProbeUnknown
from checks.readers.browser_history import HISTORY_WHY, minimal_domains, read_visits, school_window
from checks.readers.browser_profiles import join, shared_profiles
from checks.readers.darwin_browser_paths import all_profiles
from checks.system import ReadDenied

if TYPE_CHECKING:
    from checks.context import CheckContext

COCOA_EPOCH = 978_307_200  # 2001-01-01 in Unix seconds
FULL_DISK_ACCESS_URI = "x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles"
READS = (
    Read(
        "folder",
        "~/Library/Application Support/Google/Chrome, Microsoft Edge, BraveSoftware, Chromium, Firefox",
        "which browser profiles you have",
    ),
    Read(
        "database",
        "each profile's History or places.sqlite, and Safari's History.db, opened read-only",
        HISTORY_WHY,
    ),
)


# The host is what lies between "://" and the next "/" (or ":" for a port). As in browser_history.py, one
# pass: visits counted per page, each host cut into its parent domains, each looked up in the wanted list.
SAFARI_SQL = """
    WITH per_page AS (
        SELECT v.history_item AS id, count(*) AS n, min(v.visit_time) AS lo, max(v.visit_time) AS hi
        FROM history_visits v WHERE v.visit_time >= ? AND v.visit_time < ? GROUP BY v.history_item),
    rest AS (
        SELECT substr(i.url, instr(i.url, '://') + 3) || '/' AS r, n, lo, hi
        FROM per_page p JOIN history_items i ON i.id = p.id
        WHERE i.url LIKE 'http://%' OR i.url LIKE 'https://%'),
    hostport AS (SELECT lower(substr(r, 1, instr(r, '/') - 1)) || ':' AS hp, n, lo, hi FROM rest),
    parents(name, n, lo, hi) AS (
        SELECT substr(hp, 1, instr(hp, ':') - 1), n, lo, hi FROM hostport
        UNION ALL
        SELECT substr(name, instr(name, '.') + 1), n, lo, hi FROM parents WHERE instr(name, '.') > 0)
    SELECT name, sum(n), min(lo), max(hi) FROM parents
    WHERE name IN (SELECT value FROM json_each(?))
    GROUP BY name ORDER BY name"""


def safari_visits(
    ctx: CheckContext, domains: list[str], start: datetime, end: datetime
) -> tuple[list[SiteVisit], bool]:
    """(visits, whether Safari's history was read). Raises ReadDenied without Full Disk Access."""
    system = ctx.system
    folder = join(system, system.home, "Library", "Safari")
    names = system.list_dir(folder)  # refused without Full Disk Access
    if not names or "History.db" not in names or not domains:
        return [], False
    params: list[object] = [start.timestamp() - COCOA_EPOCH, end.timestamp() - COCOA_EPOCH, json.dumps(domains)]
    rows = system.sqlite_query(join(system, folder, "History.db"), SAFARI_SQL, params)
    if rows is None:
        return [], False
    tz = start.tzinfo
    window = (start.timestamp() - COCOA_EPOCH, end.timestamp() - COCOA_EPOCH)

    def local(seconds: float) -> str:
        return datetime.fromtimestamp(seconds + COCOA_EPOCH, tz=tz).isoformat(timespec="seconds")

    visits = []
    for row in rows:
        if len(row) != 4:  # not the shape the query asks for (a hand-edited snapshot): not counted
            continue
        domain, count, lo, hi = row
        if not (
            domain in domains
            and isinstance(count, int)
            and count > 0
            and isinstance(lo, (int, float))
            and isinstance(hi, (int, float))
            and window[0] <= lo <= hi < window[1]
        ):
            continue  # the query asks only for visits inside the window: anything else is not one
        visits.append(SiteVisit(str(domain), count, local(float(lo)), local(float(hi)), "Safari"))
    return visits, True


def read(ctx: CheckContext) -> SiteVisitFacts:
    window = school_window(ctx)
    if window is None:
        return SiteVisitFacts(())
    domains = [d for app in ctx.profile.social_apps for d in app.domains]
    facts = read_visits(ctx.system, shared_profiles(ctx, all_profiles), domains, *window)
    visits, read_ok, unreadable = list(facts.visits), list(facts.browsers_read), list(facts.unreadable)
    try:
        safari, safari_read = safari_visits(ctx, minimal_domains(domains), *window)
    except ReadDenied:
        if not read_ok:
            raise ProbeUnknown(
                "macOS does not let Device Check read Safari's history until you give it Full Disk Access.",
                "allow-access",
            ) from None
        unreadable.append("Safari: macOS needs you to give Device Check Full Disk Access to read it")
    else:
        visits += safari
        if safari_read:
            read_ok.append("Safari")
    if not read_ok and unreadable:
        raise ProbeUnknown("Device Check could not read your browser history: " + "; ".join(unreadable) + ".")
    return SiteVisitFacts(tuple(visits), tuple(read_ok), tuple(unreadable))
