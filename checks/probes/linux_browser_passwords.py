"""Saved browser passwords on Linux: Firefox profiles without a primary password (firefox_passwords.py),
and Chromium-family browsers forced onto the "basic" store, which keeps passwords with a fixed key instead
of the keyring: `--password-store=basic` on a running browser or in a flags file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.bounded import NotARegularFile
from checks.facts import BrowserPasswordFacts, Read
from checks.readers.browser_profiles import BrowserProfile, chromium_login_counts, join, shared_profiles
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
        "database",
        "Login Data in each Chrome, Chromium, Edge and Brave profile (two numbers only)",
        "how many saved passwords are kept with the browser's fixed key instead of your keyring; "
        "no saved password is ever opened",
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


def _passwords(n: int) -> str:
    return "1 saved password" if n == 1 else f"{n} saved passwords"


def fixed_key_logins(system: System, profiles: list[BrowserProfile]) -> tuple[list[str], list[str], list[str]]:
    """(on the fixed key, on the keyring, unreadable) descriptions for every Chromium-family profile."""
    fixed: list[str] = []
    keyring: list[str] = []
    unreadable: list[str] = []
    for profile in profiles:
        if profile.family != "chromium":
            continue
        where = f"{profile.browser} profile '{profile.name}'"
        try:
            counts = chromium_login_counts(system, profile)
        except NotARegularFile as exc:
            unreadable.append(f"{where}: its saved passwords file could not be read: {exc.reason}")
            continue
        except ReadDenied:
            unreadable.append(f"{where}: its saved passwords file could not be read")
            continue
        if counts is None:
            continue
        if counts.fixed_key:
            fixed.append(f"{where}: {_passwords(counts.fixed_key)} kept with the browser's fixed key, not your keyring")
        if counts.keyring:
            keyring.append(f"{where}: {_passwords(counts.keyring)}, protected by your keyring")
    return fixed, keyring, unreadable


def read(ctx: CheckContext) -> BrowserPasswordFacts:
    profiles = shared_profiles(ctx, all_profiles)
    firefox = firefox_password_state(ctx.system, profiles)
    basic = basic_store_sources(ctx.system)
    fixed, keyring, chromium_unreadable = fixed_key_logins(ctx.system, profiles)
    seen = sorted({p.browser for p in profiles})
    kinds = (
        (("firefox",) if firefox.unprotected or firefox.unreadable else ())
        + (("chromium",) if basic else ())
        + (("chromium-basic",) if fixed else ())
    )
    return BrowserPasswordFacts(
        unprotected=tuple(firefox.unprotected + basic + fixed),
        protected=tuple(firefox.protected + keyring),
        unreadable=tuple(firefox.unreadable + chromium_unreadable),
        browsers_seen=tuple(seen),
        kinds=kinds,
    )
