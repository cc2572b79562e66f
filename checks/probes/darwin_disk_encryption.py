"""macOS: is FileVault on? `fdesetup status` needs no administrator for this (fdesetup(8): "Some status related
commands can be run from a non-root session").

The sentences it prints, and where each was seen (tests/fixtures/recorded_output.py):
  "FileVault is On." (maybe followed by "FileVault master keychain appears to be installed.")   on
  "FileVault is Off."                                                                          off
  "FileVault is Off, but will be enabled after the next restart."     turned on, starts at the next restart
  "FileVault is Off.\\nDeferred enablement appears to be active for user 'sam'."   asks at the next sign-out/in
  "FileVault is On.\\nEncryption in progress: Percent completed = 42"                 encrypting, not finished
  "FileVault is On.\\nEncryption in progress: Pending"                      encrypting, waits for mains power
  "... Decryption in progress: ..."                                              being turned off: not protected
Anything else is "can't tell". The sentence decides, not the exit status: fdesetup(8) is said to exit 1 when
FileVault is off (unconfirmed, docs/unconfirmed.md#U7), and "off" is an answer, not a failure to ask.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checks.facts import DiskEncryptionFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

ARGV = ("fdesetup", "status")
READS = (Read("command", "fdesetup status", "Whether FileVault encrypts this Mac's disk"),)

_ON = re.compile(r"^FileVault is On\.", re.IGNORECASE | re.MULTILINE)
_OFF = re.compile(r"^FileVault is Off\.", re.IGNORECASE | re.MULTILINE)
_AFTER_RESTART = re.compile(r"^FileVault is Off, but will be enabled after the next restart\b", re.I | re.M)
_DEFERRED = re.compile(r"^Deferred enablement appears to be active\b", re.IGNORECASE | re.MULTILINE)
_ENCRYPTING = re.compile(r"^Encryption in progress:(.*)$", re.IGNORECASE | re.MULTILINE)
_DECRYPTING = re.compile(r"^Decryption in progress\b", re.IGNORECASE | re.MULTILINE)


def judge_status(text: str) -> DiskEncryptionFacts:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _DECRYPTING.search(text):  # being turned off: not protected any more
        return DiskEncryptionFacts(False, "FileVault", "/")
    encrypting = _ENCRYPTING.search(text)
    if encrypting:  # not finished: "check again when it has finished"
        waiting = "power" if encrypting.group(1).strip().lower().startswith("pending") else ""
        return DiskEncryptionFacts(False, "FileVault", "/", in_progress=True, waiting_for=waiting)
    if _AFTER_RESTART.search(text):
        return DiskEncryptionFacts(False, "FileVault", "/", waiting_for="restart")
    if _DEFERRED.search(text):
        return DiskEncryptionFacts(False, "FileVault", "/", waiting_for="sign-in")
    if _ON.search(text):
        return DiskEncryptionFacts(True, "FileVault", "/")
    if _OFF.search(text):
        return DiskEncryptionFacts(False, "FileVault", "/")
    raise ProbeUnknown(
        "fdesetup gave an answer Device Check does not recognise, so it cannot tell whether FileVault is on."
    )


def read(ctx: CheckContext) -> DiskEncryptionFacts:
    result = ctx.system.run(ARGV)
    if result.missing or result.timed_out:
        raise ProbeUnknown(f"Device Check could not ask macOS about FileVault ({result.why_not()}).")
    try:
        return judge_status(result.stdout + "\n" + result.stderr)
    except ProbeUnknown:
        if not result.ok:
            raise ProbeUnknown(f"Device Check could not ask macOS about FileVault ({result.why_not()}).") from None
        raise
