"""Social sites visited in today's school hours, from every Chrome, Chromium, Edge, Brave and Firefox
profile on Linux (native, Snap and Flatpak). The reading itself is history.py's; this supplies the folders."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from checks.facts import Read, SiteVisitFacts
from checks.model import ProbeUnknown
from checks.probes.history import read_visits
from checks.probes.linux_browser_paths import all_profiles

if TYPE_CHECKING:
    from checks.catalog import CheckContext

READS = (
    Read("folder", "~/.config/google-chrome, chromium, microsoft-edge, BraveSoftware (and their Snap and Flatpak "
         "folders)", "which browser profiles you have"),
    Read("file", "~/.mozilla/firefox/profiles.ini (and the Snap and Flatpak copies)", "where your Firefox profiles are"),
    Read("database", "each profile's History or places.sqlite, opened read-only",
         "how many times today, during school hours, a social site on your agency's list was visited: only the "
         "site's name, the count and the first and last time are kept, never the pages"),
)


def school_window(ctx: CheckContext) -> tuple[datetime, datetime] | None:
    today = ctx.school_day.today
    if today is None:
        return None
    tz = ctx.now.tzinfo
    day = ctx.now.date()
    return datetime.combine(day, today[0], tzinfo=tz), datetime.combine(day, today[1], tzinfo=tz)


def read(ctx: CheckContext) -> SiteVisitFacts:
    window = school_window(ctx)
    if window is None:
        return SiteVisitFacts(())
    domains = [d for app in ctx.profile.social_apps for d in app.domains]
    facts = read_visits(ctx.system, all_profiles(ctx.system), domains, *window)
    if not facts.browsers_read and facts.unreadable:
        raise ProbeUnknown("Device Check could not read your browser history: " + "; ".join(facts.unreadable) + ".")
    return facts
