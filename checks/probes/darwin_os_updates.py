"""macOS: automatic updates, the last update installed, and the release.

- `defaults read /Library/Preferences/com.apple.SoftwareUpdate` prints the domain as an old-style plist
  ("    AutomaticallyInstallMacOSUpdates = 1;"). The switches checked: AutomaticCheckEnabled,
  AutomaticDownload and CriticalUpdateInstall ("Install Security Responses and system files"). A Mac left as
  it came often has none of them written (a real 10.15.7 capture has only AutomaticallyInstallMacOSUpdates);
  an absent key is taken as the default, which is on, and the evidence says so (docs/unconfirmed.md).
  A missing domain ("Domain ... does not exist") means every switch is at its default.
- /Library/Receipts/InstallHistory.plist (XML): the newest entry installed by Software Update
  (processName "softwareupdated" or "Software Update"), leaving out the background data files (XProtect,
  MRT and other "ConfigData"), which arrive weekly whether or not macOS itself is patched.
- `sw_vers -productVersion`: "14.6.1".
"""

from __future__ import annotations

import plistlib
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from checks.facts import OsRelease, Read, UpdateFacts
from checks.readers.os_support import version_tuple
from checks.system import ReadDenied

if TYPE_CHECKING:
    from checks.context import CheckContext

PREFS = ("defaults", "read", "/Library/Preferences/com.apple.SoftwareUpdate")
SW_VERS = ("sw_vers", "-productVersion")
INSTALL_HISTORY = "/Library/Receipts/InstallHistory.plist"
SWITCHES = {
    "AutomaticCheckEnabled": "check for updates",
    "AutomaticDownload": "download updates",
    "CriticalUpdateInstall": "install Security Responses and system files",
}
UPDATERS = {"softwareupdated", "software update"}
DATA_ONLY = ("configdata", "xprotect", "mrt", "gatekeeper", "incompatible kernel extension")
READS = (
    Read("command", " ".join(PREFS), "Whether the Mac checks for, downloads and installs updates by itself."),
    Read("file", INSTALL_HISTORY, "When the last macOS update was installed."),
    Read("command", " ".join(SW_VERS), "Which version of macOS this is."),
)
_LINE = re.compile(r"^    ([A-Za-z][A-Za-z0-9]*) = (.*);$")


def parse_defaults(text: str) -> dict[str, str]:
    """Top-level `Key = value;` lines of `defaults read` output (four-space indent); nested values skipped."""
    values = {}
    for line in text.splitlines():
        match = _LINE.match(line.rstrip("\r"))
        if match:
            values[match.group(1)] = match.group(2).strip().strip('"')
    return values


def switches(values: dict[str, str]) -> tuple[bool | None, list[str]]:
    off, assumed = [], []
    for key, words in SWITCHES.items():
        value = values.get(key)
        if value is None:
            assumed.append(words)
        elif value == "0":
            off.append(words)
        elif value != "1":
            return None, [f"{key} = {value}"]
    if off:
        return False, [f"the Mac does not {', '.join(off)} by itself"]
    how = "the Mac checks for, downloads and installs security updates by itself"
    return True, [how + (f" (not set, so the default: {', '.join(assumed)})" if assumed else "")]


def last_software_update(entries: Any) -> datetime | None:
    newest = None
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        process = str(entry.get("processName", "")).lower()
        name = str(entry.get("displayName", "")).lower()
        when = entry.get("date")
        if process in UPDATERS and isinstance(when, datetime) and not any(d in name for d in DATA_ONLY):
            when = when if when.tzinfo else when.replace(tzinfo=UTC)
            newest = max(newest, when) if newest else when
    return newest


def macos_release(version_text: str) -> OsRelease | None:
    version = version_text.strip()
    if version_tuple(version) is None:
        return None
    return OsRelease("darwin", version, f"macOS {version}")


def read(ctx: CheckContext) -> UpdateFacts:
    notes: list[str] = []
    prefs = ctx.system.run(PREFS)
    if prefs.ok:
        automatic, how = switches(parse_defaults(prefs.stdout))
    elif "does not exist" in prefs.stderr:
        automatic, how = switches({})
    else:
        automatic, how = None, []
        notes.append(f"Device Check could not read the Software Update settings ({prefs.why_not()}).")
    last = None
    covers = None
    try:
        text = ctx.system.read_text(INSTALL_HISTORY)
    except ReadDenied:
        text = None
        notes.append(f"Device Check may not read {INSTALL_HISTORY}.")
    if text is not None:
        try:
            entries = plistlib.loads(text.encode("utf-8"))
        except (plistlib.InvalidFileException, ValueError):  # cut short at the read bound, or damaged
            entries = None
            notes.append(f"Device Check could not read {INSTALL_HISTORY} in full.")
        last = last_software_update(entries)
        if entries is not None:
            dates = [e["date"] for e in entries if isinstance(e, dict) and isinstance(e.get("date"), datetime)]
            oldest = min(dates) if dates else None
            if oldest is not None:
                covers = (ctx.now.replace(tzinfo=None) - oldest.replace(tzinfo=None)).days
    version = ctx.system.run(SW_VERS)
    os = macos_release(version.stdout) if version.ok else None
    return UpdateFacts(
        automatic=automatic,
        automatic_how=tuple(how),
        last_update=last.date().isoformat() if last else "",
        last_update_source=INSTALL_HISTORY if last else "",
        history_covers_days=covers,
        os=os,
        notes=tuple(notes),
    )
