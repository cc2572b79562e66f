"""Social sites visited in today's school hours on Windows: every Chrome, Edge, Brave, Chromium and Firefox
profile (windows_browser_paths.py). The reading itself is history.py's, the same as on Linux."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import Read, SiteVisitFacts
from checks.readers.browser_history import HISTORY_WHY, site_facts
from checks.readers.browser_profiles import shared_profiles
from checks.readers.windows_browser_paths import all_profiles

if TYPE_CHECKING:
    from checks.context import CheckContext

READS = (
    Read(
        "folder",
        r"%LOCALAPPDATA%\Google\Chrome, Microsoft\Edge, BraveSoftware, Chromium (User Data)",
        "which browser profiles you have",
    ),
    Read("file", r"%APPDATA%\Mozilla\Firefox\profiles.ini", "where your Firefox profiles are"),
    Read(
        "database",
        "each profile's History or places.sqlite, opened read-only",
        HISTORY_WHY,
    ),
)


def read(ctx: CheckContext) -> SiteVisitFacts:
    return site_facts(ctx, shared_profiles(ctx, all_profiles))
