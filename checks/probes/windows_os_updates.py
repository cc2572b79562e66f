"""Windows: are updates paused or switched off by policy, when was the last one installed, which build is this?

- Paused: HKLM\\SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings `PauseUpdatesExpiryTime` (REG_SZ, UTC ISO 8601
  such as "2024-03-05T06:20:03Z"): paused while it lies in the future; an old value can stay behind after
  the pause ends. Microsoft does not document these names (docs/unconfirmed.md).
- Switched off by policy: HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU `NoAutoUpdate` = 1,
  or `AUOptions` = 2 (notify before downloading), Microsoft's documented Automatic Updates policy values.
- Last update: the newest InstalledOn of Win32_QuickFixEngineering (the list Get-HotFix shows), taken raw:
  Get-HotFix parses it with the user's culture and returns blanks on many non-US systems
  (potatoqualitee/kbupdate issue #167). The raw value is "M/D/YYYY" (zeffy/wufuc issue #92, wmic qfe) or,
  on old systems, a hexadecimal FILETIME. Asked in the run's one PowerShell call
  (checks/readers/windows_powershell.py, question "installed_updates"), which answers with a JSON list of
  {"HotFixID": ..., "InstalledOn": ...} (one object alone is not wrapped in a list).
- Build: HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion `CurrentBuild`, `DisplayVersion`; build 22000 and
  above is Windows 11 (ProductName still says "Windows 10" there).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from checks.facts import OsRelease, Read, UpdateFacts
from checks.model import ProbeUnknown
from checks.readers.windows_powershell import answers
from checks.readers.windows_security import as_list, ps_json

if TYPE_CHECKING:
    from checks.context import CheckContext

UX_SETTINGS = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings"
AU_POLICY = r"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU"
CURRENT_VERSION = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion"
VERSION_NAMES = ("CurrentBuild", "CurrentMajorVersionNumber", "CurrentMinorVersionNumber", "DisplayVersion")

READS = (
    Read("registry", UX_SETTINGS + " PauseUpdatesExpiryTime", "Whether Windows Update is paused."),
    Read("registry", AU_POLICY + " NoAutoUpdate, AUOptions", "Whether a policy switches automatic updates off."),
    Read("command", "PowerShell: Win32_QuickFixEngineering (Get-HotFix)", "When the last update was installed."),
    Read("registry", CURRENT_VERSION + " CurrentBuild, DisplayVersion", "Which version of Windows this is."),
)
_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_HEX = re.compile(r"^[0-9A-Fa-f]{15,16}$")


def installed_on(value: Any) -> date | None:
    """Win32_QuickFixEngineering.InstalledOn as WMI gives it: "4/11/2017" or a hexadecimal FILETIME."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _MDY.match(text)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(1)), int(match.group(2)))
        if _HEX.match(text):
            return (datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=int(text, 16) // 10)).date()
    except (ValueError, OverflowError):
        return None
    return None


def last_hotfix(answer: Any) -> date | None:
    days = [d for d in (installed_on(item.get("InstalledOn")) for item in as_list(answer)) if d and d.year > 1900]
    return max(days) if days else None


def paused_until(values: dict[str, str | int], now: datetime) -> datetime | None:
    raw = values.get("PauseUpdatesExpiryTime")
    if not isinstance(raw, str):
        return None
    try:
        until = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    until = until if until.tzinfo else until.replace(tzinfo=UTC)
    return until if until > now else None


def policy_off(values: dict[str, str | int]) -> str:
    if values.get("NoAutoUpdate") == 1:
        return "a policy on this laptop switches automatic updates off (NoAutoUpdate)"
    if values.get("AUOptions") == 2:
        return "a policy on this laptop only notifies before downloading updates (AUOptions 2)"
    return ""


def windows_release(values: dict[str, str | int]) -> OsRelease | None:
    build = str(values.get("CurrentBuild", "")).strip()
    if not (build.isascii() and build.isdigit()):
        return None
    major, minor = values.get("CurrentMajorVersionNumber", 10), values.get("CurrentMinorVersionNumber", 0)
    product = "Windows 11" if int(build) >= 22000 else "Windows 10"
    display = str(values.get("DisplayVersion", "")).strip()
    return OsRelease("windows", f"{major}.{minor}.{build}", f"{product} {display}".strip() + f" (build {build})")


def read(ctx: CheckContext) -> UpdateFacts:
    notes: list[str] = []
    now = ctx.now
    pause = paused_until(ctx.system.registry_values(UX_SETTINGS, ["PauseUpdatesExpiryTime"]), now)
    off = policy_off(ctx.system.registry_values(AU_POLICY, ["NoAutoUpdate", "AUOptions"]))
    if pause:
        automatic, how = False, f"Windows Update is paused until {pause.astimezone(now.tzinfo):%d %B %Y}"
    elif off:
        automatic, how = False, off
    else:
        automatic, how = True, "Windows Update is not paused"
    last = None
    try:
        last = last_hotfix(ps_json(answers(ctx).value("installed_updates", "the list of installed updates")))
    except ProbeUnknown as exc:
        notes.append(str(exc))
    else:
        if last is None:
            notes.append("Windows listed no installed update with a date Device Check could read.")
    os = windows_release(ctx.system.registry_values(CURRENT_VERSION, list(VERSION_NAMES)))
    return UpdateFacts(
        automatic=automatic,
        automatic_how=(how,),
        last_update=last.isoformat() if last else "",
        last_update_source="Win32_QuickFixEngineering" if last else "",
        history_covers_days=(now.date() - last).days if last else None,
        os=os,
        notes=tuple(notes),
    )
