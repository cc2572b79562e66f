"""Windows: is the system drive encrypted with BitLocker, or with Windows Home's "Device encryption"?

manage-bde, Get-BitLockerVolume and Win32_EncryptableVolume all need an administrator. The Shell property
System.Volume.BitLockerProtection does not (Netflix stethoscope and Pareto Security read the same property); it
is asked in the one PowerShell run (checks/readers/windows_powershell.py). 1, 3 and 5 mean protected, 6
protected and locked, 2 off, 4 decrypting; 0 or nothing means Windows did not say.

Device encryption on Windows Home is BitLocker underneath, switched on from Settings > Privacy & security >
Device encryption (learn.microsoft.com "Device encryption in Windows"); the Shell property reports it the same
way (docs/unconfirmed.md#U11), so the method is named for both and the fix points to that page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from checks.facts import DiskEncryptionFacts, Read
from checks.model import ProbeUnknown
from checks.readers.windows_powershell import answers

if TYPE_CHECKING:
    from checks.context import CheckContext

PROTECTED = {1, 3, 5, 6}
METHOD = "BitLocker or Device encryption"
CURRENT_VERSION = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion"
# EditionID of Windows Home ("Core" and its single-language and country variants); Home has no BitLocker
# control panel, only Settings > Privacy & security > Device encryption, and only on laptops that support it.
HOME_EDITIONS = {"core", "coresinglelanguage", "corecountryspecific", "coren"}

READS = (
    Read(
        "command",
        "PowerShell: Shell.Application ... ExtendedProperty('System.Volume.BitLockerProtection')",
        "Whether BitLocker or Device encryption protects the system drive (no administrator needed)",
    ),
    Read("registry", CURRENT_VERSION + r"\EditionID", "Which Windows edition this is (Home or Pro)"),
)


def system_drive(env: Mapping[str, str]) -> str:
    drive = env.get("SYSTEMDRIVE", "C:").strip() or "C:"
    return drive if len(drive) == 2 and drive[0].isalpha() and drive[1] == ":" else "C:"


def judge_value(stdout: str, drive: str, home: bool = False) -> DiskEncryptionFacts:
    text = stdout.strip()
    method = "Device encryption" if home else METHOD
    if not _digits(text) or int(text) == 0:
        if home:
            raise ProbeUnknown(
                f"This is Windows Home, which encrypts {drive} with 'Device encryption' only on laptops that "
                "support it, and Windows did not say whether it is on. Look in Settings, then Privacy & security: "
                "if there is no 'Device encryption' page, this laptop cannot use it.",
                "home",
            )
        raise ProbeUnknown(
            f"Windows did not say whether BitLocker or Device encryption protects {drive} "
            "(this Windows may not offer either)."
        )
    value = int(text)
    if value in PROTECTED:
        return DiskEncryptionFacts(True, method, drive)
    if value in (2, 4):  # off, or being turned off (decrypting)
        return DiskEncryptionFacts(False, method, drive)
    raise ProbeUnknown(f"Windows gave a BitLocker state Device Check does not recognise ({value}).")


def read(ctx: CheckContext) -> DiskEncryptionFacts:
    drive = system_drive(ctx.system.env)
    edition = ctx.system.registry_values(CURRENT_VERSION, ["EditionID"]).get("EditionID")
    home = isinstance(edition, str) and edition.strip().lower() in HOME_EDITIONS
    value = answers(ctx).value("bitlocker_protection", f"whether {drive} is encrypted")
    return judge_value(value, drive, home)


def _digits(text: str) -> bool:
    # ASCII only: str.isdigit() is also true for "¹" or "²", which int() refuses.
    return text.isascii() and text.isdigit()
