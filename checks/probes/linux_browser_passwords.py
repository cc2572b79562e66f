"""Saved browser passwords on Linux: Firefox profiles without a primary password (firefox_passwords.py),
and Chromium-family browsers forced onto the "basic" store, which keeps passwords with a fixed key instead
of the keyring: `--password-store=basic` on a running browser or in a flags file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import BrowserPasswordFacts, Read
from checks.readers.browser_profiles import join, shared_profiles
from checks.readers.firefox_logins import firefox_password_state
from checks.readers.linux_browser_paths import CHROMIUM_FLAG_FILES, CHROMIUM_SYSTEM_FLAG_DIRS, all_profiles, config_home
from checks.readers.social_app_match import plain_name
from checks.system import ReadDenied

if TYPE_CHECKING:
    from checks.context import CheckContext
    from checks.system import System

BASIC = "--password-store=basic"
CHROMIUM_PROGRAMS = {
    "chrome": "Chrome",
    "google-chrome": "Chrome",
    "chromium": "Chromium",
    "chromium-browser": "Chromium",
    "msedge": "Edge",
    "microsoft-edge": "Edge",
    "brave": "Brave",
    "brave-browser": "Brave",
}

READS = (
    Read("file", "logins.json in each Firefox profile", "how many passwords Firefox has saved (only the number)"),
    Read(
        "database",
        "key4.db in each Firefox profile (the password-check entry only)",
        "whether a Firefox primary password protects saved passwords; no saved password is ever opened",
    ),
    Read(
        "processes",
        "the command lines of running Chrome, Chromium, Edge and Brave windows",
        "whether a browser was started with " + BASIC,
    ),
    Read(
        "file",
        "~/.config/chromium-flags.conf, chrome-flags.conf, brave-flags.conf and /etc/chromium.d/*",
        "whether a browser is always started with " + BASIC,
    ),
)


def basic_store_sources(system: System) -> list[str]:
    found: list[str] = []
    for proc in system.processes():
        exe = plain_name(proc.exe or (proc.cmdline[0] if proc.cmdline else proc.name))
        if exe in CHROMIUM_PROGRAMS and BASIC in proc.cmdline:
            label = f"{CHROMIUM_PROGRAMS[exe]} is running with {BASIC}"
            if label not in found:
                found.append(label)
    files = [join(system, config_home(system), name) for name in CHROMIUM_FLAG_FILES]
    for folder in CHROMIUM_SYSTEM_FLAG_DIRS:
        try:
            files += [join(system, folder, name) for name in system.list_dir(folder) or []]
        except ReadDenied:
            continue
    for path in files:
        try:
            text = system.read_text(path)
        except ReadDenied:
            continue
        if text and any(BASIC in line and not line.lstrip().startswith("#") for line in text.splitlines()):
            found.append(f"{path.replace(system.home, '~', 1) if system.home else path} sets {BASIC}")
    return found


def read(ctx: CheckContext) -> BrowserPasswordFacts:
    profiles = shared_profiles(ctx, all_profiles)
    firefox = firefox_password_state(ctx.system, profiles)
    basic = basic_store_sources(ctx.system)
    seen = sorted({p.browser for p in profiles})
    return BrowserPasswordFacts(
        unprotected=tuple(firefox.unprotected + basic),
        protected=tuple(firefox.protected),
        unreadable=tuple(firefox.unreadable),
        browsers_seen=tuple(seen),
        kinds=(("firefox",) if firefox.unprotected or firefox.unreadable else ()) + (("chromium",) if basic else ()),
    )
