"""`disk-encryption`: the disk that holds the system is encrypted (LUKS, ZFS, BitLocker, FileVault)."""

from __future__ import annotations

from checks.catalog import CheckContext, register
from checks.facts import DiskEncryptionFacts
from checks.model import Verdict
from checks.probes import facts_for


def judge_disk_encryption(facts: DiskEncryptionFacts) -> Verdict:
    evidence = {"method": facts.method, "device": facts.device, "in_progress": facts.in_progress}
    if facts.encrypted is True:
        return Verdict.passed(
            "Your laptop's disk is encrypted, so your files are safe if the laptop is lost.", **evidence
        )
    if facts.in_progress:
        return Verdict.failed(
            "Your laptop's disk is being encrypted now; check again when it has finished.", facts.fix, **evidence
        )
    if facts.encrypted is False:
        return Verdict.failed(
            "Your laptop's disk is not encrypted. If the laptop were lost, someone could read the files on it.",
            facts.fix,
            **evidence,
        )
    return Verdict.unknown(
        "Device Check could not tell whether your laptop's disk is encrypted.", facts.fix, **evidence
    )


@register("disk-encryption")
def disk_encryption(ctx: CheckContext) -> Verdict:
    return judge_disk_encryption(facts_for(ctx, "disk_encryption"))
