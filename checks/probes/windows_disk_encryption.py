"""Windows: is the system drive encrypted with BitLocker (or Device Encryption)?

manage-bde, Get-BitLockerVolume and Win32_EncryptableVolume all need an administrator. The Shell property
System.Volume.BitLockerProtection does not (Pareto Security reads the same property): 1, 3 and 5 mean
protected, 2 off, 4 decrypting, 6 protected and locked; 0 or nothing means Windows did not say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import DiskEncryptionFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

POWERSHELL_TIMEOUT = 8.0
PROTECTED = {1, 3, 5, 6}

READS = (
    Read(
        "command",
        "PowerShell: Shell.Application ... ExtendedProperty('System.Volume.BitLockerProtection')",
        "Whether BitLocker protects the system drive (no administrator needed)",
    ),
)


def argv_for(drive: str) -> tuple[str, ...]:
    script = (
        f"(New-Object -ComObject Shell.Application).NameSpace('{drive}\\')"
        ".Self.ExtendedProperty('System.Volume.BitLockerProtection')"
    )
    return ("powershell", "-NoProfile", "-NonInteractive", "-Command", script)


def system_drive(env: dict[str, str]) -> str:
    drive = env.get("SYSTEMDRIVE", "C:").strip() or "C:"
    # Only a drive letter goes into the PowerShell line.
    return drive if len(drive) == 2 and drive[0].isalpha() and drive[1] == ":" else "C:"


def judge_value(stdout: str, drive: str) -> DiskEncryptionFacts:
    text = stdout.strip()
    if not _digits(text) or int(text) == 0:
        raise ProbeUnknown(
            f"Windows did not say whether BitLocker protects {drive} (it may not be available on this edition)."
        )
    value = int(text)
    if value in PROTECTED:
        return DiskEncryptionFacts(True, "BitLocker", drive)
    if value in (2, 4):  # off, or being turned off (decrypting)
        return DiskEncryptionFacts(False, "BitLocker", drive)
    raise ProbeUnknown(f"Windows gave a BitLocker state Device Check does not recognise ({value}).")


def read(ctx: CheckContext) -> DiskEncryptionFacts:
    drive = system_drive(dict(ctx.system.env))
    result = ctx.system.run(argv_for(drive), timeout=POWERSHELL_TIMEOUT)
    if not result.ok:
        raise ProbeUnknown(f"Device Check could not ask Windows about BitLocker ({result.why_not()}).")
    return judge_value(result.stdout, drive)


def _digits(text: str) -> bool:
    # ASCII only: str.isdigit() is also true for "¹" or "²", which int() refuses.
    return text.isascii() and text.isdigit()
