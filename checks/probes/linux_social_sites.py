"""Social sites visited in today's school hours, from every Chrome, Chromium, Edge, Brave and Firefox
profile on Linux (native, Snap and Flatpak). The reading itself is history.py's; this supplies the folders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import Read, SiteVisitFacts
from checks.readers.browser_history import HISTORY_WHY, site_facts
from checks.readers.browser_profiles import shared_profiles
from checks.readers.linux_browser_paths import all_profiles

if TYPE_CHECKING:
    from checks.context import CheckContext

READS = (
    Read(
        "folder",
        "~/.config/google-chrome, chromium, microsoft-edge, BraveSoftware (and their Snap and Flatpak folders)",
        "which browser profiles you have",
    ),
    Read(
        "file", "~/.mozilla/firefox/profiles.ini (and the Snap and Flatpak copies)", "where your Firefox profiles are"
    ),
    Read(
        "database",
        "each profile's History or places.sqlite, opened read-only",
        HISTORY_WHY,
    ),
)


def read(ctx: CheckContext) -> SiteVisitFacts:
    return site_facts(ctx, shared_profiles(ctx, all_profiles))
