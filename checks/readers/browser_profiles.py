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


def shared_profiles(ctx: CheckContext, all_profiles: Callable[[System], list[BrowserProfile]]) -> list[BrowserProfile]:
    """This OS's browser profiles, found once per run: social-sites, browser-passwords and password-manager
    all need them, and finding them lists several folders and reads profiles.ini."""
    return ctx.shared("browser_profiles", lambda: all_profiles(ctx.system))
