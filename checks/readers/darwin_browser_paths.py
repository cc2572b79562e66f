"""Where browsers keep their profiles on macOS (~/Library/Application Support; chromium
docs/user_data_dir.md for the Chromium family, Firefox's profiles.ini). Safari is read apart: darwin_sites."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.readers.browser_profiles import BrowserProfile, chromium_profiles, firefox_profiles, join

if TYPE_CHECKING:
    from checks.system import System

CHROMIUM_ROOTS = (
    ("Chrome", "Google/Chrome"),
    ("Edge", "Microsoft Edge"),
    ("Brave", "BraveSoftware/Brave-Browser"),
    ("Chromium", "Chromium"),
)
FIREFOX_ROOT = "Firefox"


def support_dir(system: System) -> str:
    return join(system, system.home, "Library", "Application Support")


def all_profiles(system: System) -> list[BrowserProfile]:
    found: list[BrowserProfile] = []
    for browser, root in CHROMIUM_ROOTS:
        found += chromium_profiles(system, browser, join(system, support_dir(system), *root.split("/")))
    found += firefox_profiles(system, join(system, support_dir(system), FIREFOX_ROOT))
    return found
