"""Password lists saved as ordinary files on Windows: Desktop, Documents and Downloads where Windows says
they are (HKCU ...\\Explorer\\User Shell Folders, which follows OneDrive's folder backup), else the
defaults under %USERPROFILE%. The walk and the name classifier are password_files.py's; files are never
opened."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from checks.facts import PasswordFileFacts, Read
from checks.readers.browser_profiles import join
from checks.readers.password_file_names import MAX_DEPTH, MAX_ENTRIES, scan

if TYPE_CHECKING:
    from checks.context import CheckContext

SHELL_FOLDERS = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders"
# Value names: "Desktop", "Personal" (Documents) and the Downloads known-folder id (Microsoft's KNOWNFOLDERID list).
FOLDER_VALUES = (
    ("Desktop", "Desktop"),
    ("Personal", "Documents"),
    ("{374DE290-123F-4565-9164-39C4925E467B}", "Downloads"),
)

READS = (
    Read("registry", SHELL_FOLDERS, "where your Desktop, Documents and Downloads folders are (OneDrive may move them)"),
    Read(
        "folder",
        f"Desktop, Documents and Downloads, {MAX_DEPTH} folders deep, at most {MAX_ENTRIES:,} names in each;"
        " symlinked folders are not followed",
        "file names that look like password lists; the files are never opened",
    ),
)
_VAR = re.compile(r"%([^%]+)%")


def expand(value: str, env: Mapping[str, str]) -> str | None:
    """%USERPROFILE%\\OneDrive\\Desktop -> C:\\Users\\sam\\OneDrive\\Desktop; None if a variable is unknown."""
    missing = False

    def sub(match: re.Match[str]) -> str:
        nonlocal missing
        found = env.get(match.group(1).upper())
        if found is None:
            missing = True
            return match.group(0)
        return found

    out = _VAR.sub(sub, value)
    return None if missing else out


def user_folders(ctx: CheckContext) -> list[str]:
    system = ctx.system
    env = dict(system.env)
    profile = env.get("USERPROFILE") or system.home
    env.setdefault("USERPROFILE", profile)
    values = system.registry_values(SHELL_FOLDERS, [name for name, _ in FOLDER_VALUES])
    folders: list[str] = []
    for name, default in FOLDER_VALUES:
        raw = values.get(name)
        folder = expand(raw, env) if isinstance(raw, str) and raw.strip() else None
        folder = folder or join(system, profile, default)
        if folder.lower() not in (f.lower() for f in folders):
            folders.append(folder)
    return folders


def read(ctx: CheckContext) -> PasswordFileFacts:
    folders = user_folders(ctx)
    result = scan(ctx.system, folders)
    return PasswordFileFacts(
        paths=tuple(p for p, _why in result.found),
        folders_scanned=tuple(folders),
        not_read=tuple(f"{f}: {why}" for f, why in result.not_read),
    )
