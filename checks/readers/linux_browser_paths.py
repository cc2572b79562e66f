"""Where browsers keep their profiles on Linux: native packages, Snap and Flatpak.

Not a probe itself (no READS/read): linux_sites, linux_password_manager and linux_browser_passwords use it.
Locations: each browser's own default (~/.config/<name>, ~/.mozilla/firefox); Snap keeps an app's home
data in ~/snap/<snap>/common or ~/snap/<snap>/current; Flatpak in ~/.var/app/<app-id>/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.readers.browser_profiles import BrowserProfile, chromium_profiles, firefox_profiles, join

if TYPE_CHECKING:
    from checks.system import System

# (browser, user-data folder relative to the config folder or, with "~/", to home)
CHROMIUM_ROOTS = (
    ("Chrome", "google-chrome"),
    ("Chrome", "google-chrome-beta"),
    ("Chrome", "google-chrome-unstable"),
    ("Chrome", "~/.var/app/com.google.Chrome/config/google-chrome"),
    ("Chromium", "chromium"),
    ("Chromium", "~/snap/chromium/common/chromium"),
    ("Chromium", "~/.var/app/org.chromium.Chromium/config/chromium"),
    ("Edge", "microsoft-edge"),
    ("Edge", "microsoft-edge-beta"),
    ("Edge", "microsoft-edge-dev"),
    ("Edge", "~/.var/app/com.microsoft.Edge/config/microsoft-edge"),
    ("Brave", "BraveSoftware/Brave-Browser"),
    ("Brave", "~/snap/brave/current/.config/BraveSoftware/Brave-Browser"),
    ("Brave", "~/.var/app/com.brave.Browser/config/BraveSoftware/Brave-Browser"),
)
FIREFOX_ROOTS = (
    "~/.mozilla/firefox",
    "~/snap/firefox/common/.mozilla/firefox",
    "~/.var/app/org.mozilla.firefox/.mozilla/firefox",
    "~/.config/mozilla/firefox",  # newer Firefox releases follow XDG (not confirmed in a source here)
)
# Where Arch-style wrappers and Debian's chromium read extra command-line flags.
CHROMIUM_FLAG_FILES = ("chromium-flags.conf", "chrome-flags.conf", "chrome-beta-flags.conf", "brave-flags.conf")
CHROMIUM_SYSTEM_FLAG_DIRS = ("/etc/chromium.d",)


def config_home(system: System) -> str:
    return system.env.get("XDG_CONFIG_HOME") or join(system, system.home, ".config")


def expand(system: System, path: str) -> str:
    if path.startswith("~/"):
        return join(system, system.home, *path[2:].split("/"))
    return join(system, config_home(system), *path.split("/"))


def all_profiles(system: System) -> list[BrowserProfile]:
    """Every Chromium-family and Firefox profile folder this user has."""
    found: list[BrowserProfile] = []
    seen: set[str] = set()
    for browser, root in CHROMIUM_ROOTS:
        for profile in chromium_profiles(system, browser, expand(system, root)):
            if profile.path not in seen:
                seen.add(profile.path)
                found.append(profile)
    for root in FIREFOX_ROOTS:
        for profile in firefox_profiles(system, expand(system, root)):
            if profile.path not in seen:
                seen.add(profile.path)
                found.append(profile)
    return found
