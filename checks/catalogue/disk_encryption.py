"""`disk-encryption` (clause 2): the disk that holds the system is encrypted (LUKS, ZFS, BitLocker, FileVault)."""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import DiskEncryptionFacts
from checks.model import TALK_TO_CONSULTANT, Fix, Verdict
from checks.probes import DISK_ENCRYPTION, facts_for

TITLES = Titles(
    name="Disk encryption",
    passed="Your disk is encrypted",
    failed="Your disk is not encrypted",
    unknown="Device Check can't tell whether your disk is encrypted",
)
FIXES = {
    "linux": Fix(
        steps=(
            "Linux can only encrypt the whole disk when it is installed, so this cannot be switched on in Settings.",
            "Encrypting means installing Linux again, which wipes the laptop. " + TALK_TO_CONSULTANT,
            "Back up your files first.",
            "Reinstall Linux and choose 'Encrypt the new installation' (or 'Use LVM with encryption').",
        ),
        it_helper=(
            "Full-disk encryption on Linux (LUKS) is chosen in the installer; encrypting an existing system in "
            "place is possible but risky. Back up the home folder, then reinstall with encryption (Debian/Ubuntu "
            "installers: 'Guided - use entire disk and set up encrypted LVM').",
        ),
    ),
    "windows": Fix(
        steps=(
            "Open Settings, then Privacy & security, then Device encryption, and turn it on.",
            "If there is no Device encryption page (Windows Pro): open Control Panel, then BitLocker Drive "
            "Encryption, and press 'Turn on BitLocker' for the C: drive.",
            "Save the recovery key to your Microsoft account or print it, and keep it away from the laptop.",
        ),
        settings_uri="ms-settings:deviceencryption",
    ),
    "darwin": Fix(
        steps=(
            "Open the Apple menu, then System Settings, then Privacy & Security.",
            "Scroll down to FileVault and press 'Turn On'.",
            "Choose how to keep the recovery key (your iCloud account, or write the key down and keep it safe).",
            "Keep the Mac plugged in while it encrypts; you can carry on using it.",
        ),
        settings_uri="x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension",
    ),
    "windows/home": Fix(
        steps=(
            "Open Settings, then Privacy & security, then Device encryption, and turn it on.",
            "Device encryption needs you to sign in to Windows with a Microsoft account, which keeps the recovery key.",
            "If there is no Device encryption page, this laptop cannot encrypt its disk on Windows Home: ask your "
            "agency consultant what to do (Windows Pro includes BitLocker).",
        ),
        settings_uri="ms-settings:deviceencryption",
    ),
    "darwin/restart": Fix(
        steps=(
            "Save your work and close your apps.",
            "Open the Apple menu and choose Restart.",
            "FileVault starts encrypting when the Mac starts again; keep it plugged in until it has finished.",
        ),
    ),
    "darwin/sign-in": Fix(
        steps=(
            "Save your work, then open the Apple menu and choose 'Log Out' (or 'Restart'), so you sign in again.",
            "When the Mac asks to turn on FileVault, enter your password and follow the steps.",
            "Keep the Mac plugged in while it encrypts; you can carry on using it.",
        ),
    ),
    "darwin/power": Fix(
        steps=(
            "Plug the Mac into its charger and leave it on.",
            "FileVault carries on encrypting by itself; check again when it has finished.",
        ),
    ),
}
WAITING = {
    "restart": "FileVault will be turned on when this Mac restarts, but until then the disk is not encrypted. "
    "Restart the Mac to finish.",
    "sign-in": "FileVault is set to be turned on the next time you sign out or restart, but until then the disk is "
    "not encrypted. Sign out or restart to finish.",
    "power": "Your Mac's disk is waiting to be encrypted until it is plugged in. Plug it in and check again when it "
    "has finished.",
}


def judge_disk_encryption(facts: DiskEncryptionFacts) -> Verdict:
    evidence: dict[str, Any] = {"method": facts.method, "device": facts.device, "in_progress": facts.in_progress}
    if facts.waiting_for:
        evidence["waiting_for"] = facts.waiting_for
    if facts.encrypted is not True and facts.waiting_for in WAITING:
        return Verdict.failed(WAITING[facts.waiting_for], fix_key=facts.waiting_for, **evidence)
    if facts.encrypted is True:
        return Verdict.passed(
            "Your laptop's disk is encrypted, so your files are safe if the laptop is lost.", **evidence
        )
    if facts.in_progress:
        return Verdict.failed(
            "Your laptop's disk is being encrypted now; check again when it has finished.", **evidence
        )
    if facts.encrypted is False and facts.not_encrypted:
        return Verdict.failed(
            "Part of your laptop's disk is not encrypted: " + ", ".join(facts.not_encrypted) + ". If the laptop "
            "were lost, someone could read the files there.",
            **evidence,
        )
    if facts.encrypted is False and facts.method == "Device encryption":
        return Verdict.failed(
            "Device encryption is off, so if the laptop were lost someone could read the files on it.",
            fix_key="home",
            **evidence,
        )
    if facts.encrypted is False:
        return Verdict.failed(
            "Your laptop's disk is not encrypted. If the laptop were lost, someone could read the files on it.",
            **evidence,
        )
    return Verdict.unknown("Device Check could not tell whether your laptop's disk is encrypted.", **evidence)


def judge(ctx: CheckContext) -> Verdict:
    return judge_disk_encryption(facts_for(ctx, DISK_ENCRYPTION))


CHECK = Check(id="disk-encryption", clause=2, titles=TITLES, judge=judge, fixes=FIXES, probe=DISK_ENCRYPTION)
