"""Where browsers keep their profiles on Windows. Not a probe itself: windows_sites, windows_password_manager
and windows_browser_passwords use it.

Locations: each browser's default user-data folder (chromium docs/user_data_dir.md: Chrome under
%LOCALAPPDATA%\\Google\\Chrome\\User Data, Edge under %LOCALAPPDATA%\\Microsoft\\Edge\\User Data, Brave under
%LOCALAPPDATA%\\BraveSoftware\\Brave-Browser\\User Data); Firefox lists its profiles in
%APPDATA%\\Mozilla\\Firefox\\profiles.ini.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.readers.browser_profiles import BrowserProfile, chromium_profiles, firefox_profiles, join

if TYPE_CHECKING:
    from checks.system import System

CHROMIUM_ROOTS = (
    ("Chrome", "Google\\Chrome\\User Data"),
    ("Edge", "Microsoft\\Edge\\User Data"),
    ("Brave", "BraveSoftware\\Brave-Browser\\User Data"),
    ("Chromium", "Chromium\\User Data"),
)
FIREFOX_ROOT = "Mozilla\\Firefox"


def local_appdata(system: System) -> str:
    return system.env.get("LOCALAPPDATA") or join(system, system.home, "AppData", "Local")


def roaming_appdata(system: System) -> str:
    return system.env.get("APPDATA") or join(system, system.home, "AppData", "Roaming")


def all_profiles(system: System) -> list[BrowserProfile]:
    """Every Chromium-family and Firefox profile folder this Windows user has."""
    found: list[BrowserProfile] = []
    for browser, root in CHROMIUM_ROOTS:
        found += chromium_profiles(system, browser, join(system, local_appdata(system), root))
    found += firefox_profiles(system, join(system, roaming_appdata(system), FIREFOX_ROOT))
    return found
