"""Where things live: resources (same lookup frozen and from source) and the candidate's config folder."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "devicecheck"


def resources_dir() -> Path:
    """The resources folder: next to the packages from source and in a PyInstaller bundle,
    or the installed `devicecheck_resources` package after `pip install`."""
    here = Path(__file__).resolve().parent.parent
    bundle = Path(getattr(sys, "_MEIPASS", here))
    for candidate in (bundle / "resources", here / "resources", here / "devicecheck_resources"):
        if (candidate / "profiles" / "default.toml").is_file():
            return candidate
    raise FileNotFoundError("Device Check's resources folder is missing (looked beside the 'checks' package)")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def config_dir() -> Path:
    """The candidate's own settings. DEVICECHECK_CONFIG_DIR wins, so tests and support can point elsewhere."""
    override = os.environ.get("DEVICECHECK_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs  # imported here: only the paths that need it pay for it

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))


@dataclass(frozen=True)
class Write:
    """One kind of file Device Check writes, for "What this app reads" (and writes). `pattern` is a glob with
    {config} (config_dir()), {log} (checks.logs.default_log_dir()), {chosen} (a file the candidate picked in a
    Save dialog or with -o/--pdf) and {temp} (the system's temporary folder);
    tests/hardening/test_writes_strace.py holds every written path seen under strace to these patterns."""

    what: str
    why: str
    patterns: tuple[str, ...]


WRITES = (
    Write(
        "settings.json in Device Check's own settings folder",
        "your school hours, days off, choices and name",
        ("{config}/settings.json", "{config}/.settings.json.*.tmp"),
    ),
    Write(
        "declarations.json in the same folder",
        "when you confirmed each statement",
        ("{config}/declarations.json", "{config}/.declarations.json.*.tmp"),
    ),
    Write(
        "monitor.json in the same folder",
        "which reminders the tray has already shown you today",
        ("{config}/monitor.json", "{config}/.monitor.json.*.tmp"),
    ),
    Write(
        "a dated copy (.bak) of one of those files if it was damaged",
        "so nothing you entered is lost",
        ("{config}/*.bak",),
    ),
    Write(
        "the files you choose to save: a PDF or JSON report, or a snapshot for support",
        "only where you say",
        ("{chosen}", "{chosen_folder}/.{chosen_name}.*.tmp", "{chosen_folder}"),
    ),
    Write(
        "a private copy of a browser's history database while it is read, deleted at once",
        "so the browser's own files are never touched",
        ("{temp}/devicecheck-*",),
    ),
    Write(
        "devicecheck.log in your own log folder (three older copies at most, 1 MB each)",
        "what a support person needs if something goes wrong: versions, when checks ran and how they ended;"
        " never a password or what is in your files",
        ("{log}/devicecheck.log", "{log}/devicecheck.log.*", "{log}"),
    ),
    Write(
        "an entry that starts it when you sign in (devicecheck.desktop, a Mac 'Login Items' entry or a Run value),"
        " only if you turn it on",
        "so the tray starts when you sign in",
        ("{autostart}/devicecheck.desktop",),
    ),
)
