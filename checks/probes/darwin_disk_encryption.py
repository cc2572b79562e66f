"""macOS: is FileVault on? `fdesetup status` needs no administrator for this.

Shapes (Apple's fdesetup, as quoted by rtrouton_scripts and CIS audits): "FileVault is On.",
"FileVault is Off.", "FileVault is On.\\nEncryption in progress: Percent completed = 42",
"Decryption in progress: ...", and "Deferred enablement appears to be active" (still off). Anything else
is unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import DiskEncryptionFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

ARGV = ("fdesetup", "status")
READS = (Read("command", "fdesetup status", "Whether FileVault encrypts this Mac's disk"),)


def judge_status(text: str) -> DiskEncryptionFacts:
    lowered = text.lower()
    if "decryption in progress" in lowered:  # being turned off: not protected any more
        return DiskEncryptionFacts(False, "FileVault", "/")
    if "encryption in progress" in lowered:  # not finished: "check again when it has finished"
        return DiskEncryptionFacts(False, "FileVault", "/", in_progress=True)
    if "filevault is on." in lowered:
        return DiskEncryptionFacts(True, "FileVault", "/")
    if "filevault is off." in lowered:
        return DiskEncryptionFacts(False, "FileVault", "/")
    raise ProbeUnknown(
        "fdesetup gave an answer Device Check does not recognise, so it cannot tell whether FileVault is on."
    )


def read(ctx: CheckContext) -> DiskEncryptionFacts:
    result = ctx.system.run(ARGV)
    if not result.ok:
        raise ProbeUnknown(f"Device Check could not ask macOS about FileVault ({result.why_not()}).")
    return judge_status(result.stdout + "\n" + result.stderr)
