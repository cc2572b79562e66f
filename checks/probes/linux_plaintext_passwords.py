"""Password lists saved as ordinary files on Linux: Desktop, Documents and Downloads, where
~/.config/user-dirs.dirs (xdg-user-dirs) says they are, else the English defaults."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from checks.bounded import NotARegularFile
from checks.facts import PasswordFileFacts, Read
from checks.readers.browser_profiles import join
from checks.readers.linux_browser_paths import config_home
from checks.readers.password_file_names import MAX_DEPTH, MAX_ENTRIES, scan
from checks.system import ReadDenied

if TYPE_CHECKING:
    from checks.context import CheckContext
    from checks.system import System

READS = (
    Read("file", "~/.config/user-dirs.dirs", "where your Desktop, Documents and Downloads folders are"),
    Read(
        "folder",
        f"Desktop, Documents and Downloads, {MAX_DEPTH} folders deep, at most {MAX_ENTRIES:,} names in each;"
        " symlinked folders are not followed",
        "file names that look like password lists; the files are never opened",
    ),
)
USER_DIRS = (("XDG_DESKTOP_DIR", "Desktop"), ("XDG_DOCUMENTS_DIR", "Documents"), ("XDG_DOWNLOAD_DIR", "Downloads"))


def parse_user_dirs(text: str, home: str) -> dict[str, str]:
    """XDG_DESKTOP_DIR="$HOME/Desktop" lines -> {"XDG_DESKTOP_DIR": "/home/sam/Desktop"}."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        key, eq, value = line.strip().partition("=")
        if not eq or key.startswith("#"):
            continue
        try:
            words = shlex.split(value)
        except ValueError:
            continue
        if words:
            path = words[0].replace("$HOME", home, 1)
            if path.startswith("/"):
                out[key] = path.rstrip("/") or "/"
    return out


def user_folders(system: System) -> list[str]:
    try:
        text = system.read_text(join(system, config_home(system), "user-dirs.dirs")) or ""
    except NotARegularFile:
        raise  # the folders it names are unknown: guessing the defaults could skip the real Documents
    except ReadDenied:
        text = ""
    dirs = parse_user_dirs(text, system.home)
    folders = []
    for key, default in USER_DIRS:
        folder = dirs.get(key) or join(system, system.home, default)
        # xdg-user-dirs points a folder it does not use at $HOME itself: never walk the whole home.
        if folder.rstrip("/") != system.home.rstrip("/") and folder not in folders:
            folders.append(folder)
    return folders


def tilde(path: str, home: str) -> str:
    return "~" + path[len(home) :] if home and (path == home or path.startswith(home.rstrip("/") + "/")) else path


def read(ctx: CheckContext) -> PasswordFileFacts:
    folders = user_folders(ctx.system)
    result = scan(ctx.system, folders)
    home = ctx.system.home
    return PasswordFileFacts(
        paths=tuple(tilde(p, home) for p, _why in result.found),
        folders_scanned=tuple(tilde(f, home) for f in folders),
        not_read=tuple(f"{tilde(f, home)}: {why}" for f, why in result.not_read),
    )
