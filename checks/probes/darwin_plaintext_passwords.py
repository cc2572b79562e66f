"""Password lists saved as ordinary files on macOS: ~/Desktop, ~/Documents and ~/Downloads (the walk and the
name classifier are password_files.py's; files are never opened).

macOS guards these folders: an app may need the candidate's permission ("Files and Folders") to list them.
A folder it may not list makes the check "unknown" with how to allow it, never a silent pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import PasswordFileFacts, Read
from checks.readers.browser_profiles import join
from checks.readers.password_file_names import MAX_DEPTH, MAX_ENTRIES, scan

if TYPE_CHECKING:
    from checks.context import CheckContext

FOLDERS = ("Desktop", "Documents", "Downloads")
READS = (
    Read(
        "folder",
        f"~/Desktop, ~/Documents and ~/Downloads, {MAX_DEPTH} folders deep, at most {MAX_ENTRIES:,} names in each;"
        " symlinked folders are not followed",
        "file names that look like password lists; the files are never opened",
    ),
)


def tilde(path: str, home: str) -> str:
    return "~" + path[len(home) :] if home and path.startswith(home.rstrip("/") + "/") else path


def read(ctx: CheckContext) -> PasswordFileFacts:
    system = ctx.system
    folders = [join(system, system.home, name) for name in FOLDERS]
    result = scan(system, folders)
    # A top folder macOS would not open means Files & Folders access is off: that fix lets the app look.
    denied_top = any(f in folders for f, _why in result.not_read if "not allowed" in _why)
    return PasswordFileFacts(
        paths=tuple(tilde(p, system.home) for p, _why in result.found),
        folders_scanned=tuple(tilde(f, system.home) for f in folders),
        not_read=tuple(f"{tilde(f, system.home)}: {why}" for f, why in result.not_read),
        not_read_fix_key="allow-access" if denied_top else "",
    )
