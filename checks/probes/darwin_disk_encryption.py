"""macOS: is FileVault on? `fdesetup status` needs no administrator for this.

Shapes (Apple's fdesetup, as quoted by rtrouton_scripts and CIS audits): "FileVault is On.",
"FileVault is Off.", "FileVault is On.\\nEncryption in progress: Percent completed = 42",
"Decryption in progress: ...", and "Deferred enablement appears to be active" (still off). Anything else
is unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import DiskEncryptionFacts, Read
from checks.model import Fix, ProbeUnknown

if TYPE_CHECKING:
    from checks.catalog import CheckContext

ARGV = ("fdesetup", "status")
READS = (Read("command", "fdesetup status", "Whether FileVault encrypts this Mac's disk"),)

FIX = Fix(
    steps=(
        "Open the Apple menu, then System Settings, then Privacy & Security.",
        "Scroll down to FileVault and press 'Turn On'.",
        "Choose how to keep the recovery key (your iCloud account, or write the key down and keep it safe).",
        "Keep the Mac plugged in while it encrypts; you can carry on using it.",
    ),
    settings_uri="x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension",
)


def judge_status(text: str) -> DiskEncryptionFacts:
    lowered = text.lower()
    if "decryption in progress" in lowered:  # being turned off: not protected any more
        return DiskEncryptionFacts(False, "FileVault", "/", fix=FIX)
    if "encryption in progress" in lowered:  # not finished: "check again when it has finished"
        return DiskEncryptionFacts(False, "FileVault", "/", in_progress=True, fix=FIX)
    if "filevault is on." in lowered:
        return DiskEncryptionFacts(True, "FileVault", "/", fix=FIX)
    if "filevault is off." in lowered:
        return DiskEncryptionFacts(False, "FileVault", "/", fix=FIX)
    raise ProbeUnknown(
        "fdesetup gave an answer Device Check does not recognise, so it cannot tell whether FileVault is on.", FIX
    )


def read(ctx: CheckContext) -> DiskEncryptionFacts:
    result = ctx.system.run(ARGV)
    if not result.ok:
        raise ProbeUnknown(f"Device Check could not ask macOS about FileVault ({result.why_not()}).", FIX)
    return judge_status(result.stdout + "\n" + result.stderr)
