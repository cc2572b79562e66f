"""Browser profile folders, given where a browser keeps them: the same on every OS (only the roots differ).

Chromium-family browsers (Chrome, Chromium, Edge, Brave) keep one folder per profile ("Default",
"Profile 1", ...) in their user-data folder. Firefox lists its profiles in profiles.ini, each with a Path
that is relative to the folder holding profiles.ini (IsRelative=1) or absolute.
"""

from __future__ import annotations

import configparser
import ntpath
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.bounded import NotARegularFile
from checks.system import ReadDenied, System

if TYPE_CHECKING:
    from checks.context import CheckContext


@dataclass(frozen=True)
class BrowserProfile:
    browser: str  # "Chrome", "Firefox", ...
    family: str  # "chromium" | "firefox"
    name: str  # the profile's folder or profiles.ini name, e.g. "Default", "default-release"
    path: str  # the profile folder

    @property
    def label(self) -> str:
        return f"{self.browser} ({self.name})"


def join(system: System, *parts: str) -> str:
    joined: str = (ntpath if system.platform == "windows" else posixpath).join(*parts)
    return joined


def chromium_profiles(system: System, browser: str, user_data_dir: str) -> list[BrowserProfile]:
    try:
        names = system.list_dir(user_data_dir) or []
    except ReadDenied:
        return []
    return [
        BrowserProfile(browser, "chromium", n, join(system, user_data_dir, n))
        for n in names
        if n == "Default" or n.startswith("Profile ")
    ]


def parse_profiles_ini(text: str) -> list[tuple[str, str, bool]]:
    """(name, path, is_relative) for every [ProfileN] section; a damaged file gives what could be read."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    out = []
    for section in parser.sections():
        if not section.lower().startswith("profile"):
            continue
        path = parser.get(section, "Path", fallback="").strip()
        if not path:
            continue
        name = parser.get(section, "Name", fallback="").strip() or path.replace("\\", "/").rsplit("/", 1)[-1]
        relative = parser.get(section, "IsRelative", fallback="1").strip() != "0"
        out.append((name, path, relative))
    return out


def firefox_profiles(system: System, root: str, browser: str = "Firefox") -> list[BrowserProfile]:
    try:
        text = system.read_text(join(system, root, "profiles.ini"))
    except NotARegularFile:
        raise  # a pipe or device where profiles.ini belongs: say so rather than pretend there is no Firefox
    except ReadDenied:
        return []
    if text is None:
        return []
    found = []
    for name, path, relative in parse_profiles_ini(text):
        folder = join(system, root, *path.split("/")) if relative else path
        found.append(BrowserProfile(browser, "firefox", name, folder))
    return found


# Chromium on Linux prefixes each saved password with how it was encrypted (components/os_crypt/sync/
# os_crypt_linux.cc): "v10" = the fixed key every copy of Chromium shares ("basic" store), "v11" = a key kept
# in the keyring. Only the two counts leave the database, never a row: the passwords are never decrypted.
LOGIN_KEY_COUNTS_SQL = (
    "SELECT COUNT(CASE WHEN substr(password_value, 1, 3) = X'763130' THEN 1 END),"
    " COUNT(CASE WHEN substr(password_value, 1, 3) = X'763131' THEN 1 END) FROM logins"
)


@dataclass(frozen=True)
class ChromiumLoginCounts:
    fixed_key: int  # "v10": readable by anyone holding a copy of the file
    keyring: int  # "v11": locked with a key from the keyring


def chromium_login_counts(system: System, profile: BrowserProfile) -> ChromiumLoginCounts | None:
    """How many saved passwords a Chromium-family profile keeps under each key; None without a `Login Data`
    file. Raises ReadDenied (or NotARegularFile) when the file is there but cannot be read as that database."""
    rows = system.sqlite_query(join(system, profile.path, "Login Data"), LOGIN_KEY_COUNTS_SQL)
    if rows is None:
        return None
    fixed, keyring = rows[0] if len(rows) == 1 and len(rows[0]) == 2 else (None, None)
    if not isinstance(fixed, int) or not isinstance(keyring, int):  # another layout: cannot be read as counts
        raise ReadDenied(join(system, profile.path, "Login Data"))
    return ChromiumLoginCounts(fixed, keyring)


def shared_profiles(ctx: CheckContext, all_profiles: Callable[[System], list[BrowserProfile]]) -> list[BrowserProfile]:
    """This OS's browser profiles, found once per run: social-sites, browser-passwords and password-manager
    all need them, and finding them lists several folders and reads profiles.ini."""
    return ctx.shared("browser_profiles", lambda: all_profiles(ctx.system))
