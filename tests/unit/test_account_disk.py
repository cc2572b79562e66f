"""Account password and disk encryption on Linux: parsers on recorded real output (tests/fixtures/linux,
each with a .source.txt naming where it came from), then the whole check replayed from a snapshot that
holds that output, judged as the user sees it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from checks.engine import Engine, RunOptions
from checks.model import CheckResult, ProbeUnknown, Status
from checks.probes.linux_account_password import parse_passwd_status
from checks.probes.linux_disk_encryption import LSBLK, LSBLK_OLD, lsblk_root_encryption, root_mount, zfs_encryption
from checks.profile import load_profile
from checks.snapshot import ReplaySystem
from tests.conftest import FIXTURES

LINUX = FIXTURES / "linux"
PASSWD_LINES = (LINUX / "passwd-status.txt").read_text().splitlines()
MOUNTS_HERE = (LINUX / "proc-mounts-this-machine.txt").read_text()
LUKS_MOUNTS = "/dev/mapper/kilgore--trout--vg-root / ext4 rw,relatime,errors=remount-ro 0 0\n"


def fixture(name: str) -> str:
    return (LINUX / name).read_text()


def snapshot(commands: list[dict[str, Any]], files: dict[str, str] | None = None) -> ReplaySystem:
    return ReplaySystem(
        {
            "schema": "devicecheck-snapshot/1",
            "platform": "linux",
            "taken_at": "2026-11-25T10:30:00+00:00",
            "user": "sam",
            "home": "/home/sam",
            "commands": commands,
            "files": files or {},
        }
    )


def check(system: ReplaySystem, check_id: str) -> CheckResult:
    return Engine(system, load_profile()).run(RunOptions(only=(check_id,)))[0]


# ---- account-password ----------------------------------------------------------------------------


def test_passwd_status_parser_on_recorded_output():
    assert [parse_passwd_status(line) for line in PASSWD_LINES] == [("sam", "P"), ("kim", "NP"), ("nobody", "L")]
    assert parse_passwd_status("passwd: You may not view or modify password information for root.") is None


@pytest.mark.parametrize(
    ("line", "status", "words"),
    [(0, Status.PASS, "needs a password"), (1, Status.FAIL, "has no password"), (2, Status.UNKNOWN, "locked")],
)
def test_account_password_verdicts(line, status, words):
    system = snapshot([{"argv": ["passwd", "-S"], "returncode": 0, "stdout": PASSWD_LINES[line] + "\n", "stderr": ""}])
    result = check(system, "account-password")
    assert result.status is status, result.detail
    assert words in result.detail
    if status is Status.FAIL:
        assert result.fix is not None and result.fix.steps


def test_account_from_a_directory_service_is_unknown_with_the_reason():
    system = snapshot(
        [
            {
                "argv": ["passwd", "-S"],
                "returncode": 1,
                "stdout": "",
                "stderr": "passwd: user 'sam' does not exist in /etc/passwd\n",
            }
        ]
    )
    result = check(system, "account-password")
    assert result.status is Status.UNKNOWN and "does not exist" in result.detail


def test_no_passwd_program_is_unknown():
    result = check(snapshot([]), "account-password")
    assert result.status is Status.UNKNOWN and "'passwd' is not installed" in result.detail


# ---- disk-encryption -----------------------------------------------------------------------------


def test_lvm_on_luks_is_encrypted_old_lsblk_format():
    facts = lsblk_root_encryption(fixture("lsblk-lvm-on-luks-benjamintoll.json"))
    assert facts is not None and facts.encrypted is True
    assert facts.device == "/dev/mapper/kilgore--trout--vg-root"
    assert "nvme0n1p3_crypt (crypt)" in facts.method


def test_luks_directly_under_root_is_encrypted():
    facts = lsblk_root_encryption(fixture("lsblk-luks-root-pantherx.json"))
    assert facts is not None and facts.encrypted is True and facts.device == "cryptroot"


def test_this_machines_plain_disk_is_not_encrypted_new_lsblk_format():
    facts = lsblk_root_encryption(fixture("lsblk-plain-vda-this-machine.json"))
    assert facts is not None and facts.encrypted is False and facts.device == "vda"
    assert root_mount(MOUNTS_HERE) == ("/dev/vda", "ext4")


def test_root_spanning_an_encrypted_and_a_plain_disk_is_not_encrypted():
    # The LVM volume appears under each disk it spans (as lsblk prints a multi-disk volume); built from the
    # recorded encrypted layout plus a second, plain disk carrying the same volume.
    data = json.loads(fixture("lsblk-lvm-on-luks-benjamintoll.json"))
    root_lv = data["blockdevices"][0]["children"][2]["children"][0]["children"][0]
    data["blockdevices"].append(
        {
            "name": "/dev/sda",
            "type": "disk",
            "mountpoint": None,
            "children": [{"name": "/dev/sda1", "type": "part", "mountpoint": None, "children": [dict(root_lv)]}],
        }
    )
    facts = lsblk_root_encryption(json.dumps(data))
    assert facts is not None and facts.encrypted is False


def run(argv: list[str], stdout: str, rc: int = 0, stderr: str = "") -> dict[str, Any]:
    return {"argv": argv, "returncode": rc, "stdout": stdout, "stderr": stderr}


def test_disk_check_replayed_encrypted_passes():
    system = snapshot([run(LSBLK, fixture("lsblk-lvm-on-luks-benjamintoll.json"))], {"/proc/self/mounts": LUKS_MOUNTS})
    result = check(system, "disk-encryption")
    assert result.status is Status.PASS
    assert result.detail.startswith("Your laptop's disk is encrypted")


def test_disk_check_replayed_plain_disk_is_advice_not_a_must():
    system = snapshot([run(LSBLK, fixture("lsblk-plain-vda-this-machine.json"))], {"/proc/self/mounts": MOUNTS_HERE})
    result = check(system, "disk-encryption")
    assert result.status is Status.WARN  # recommended in the default profile: a fail becomes advice
    assert result.fix is not None and any("Reinstall" in step for step in result.fix.steps)


def test_old_lsblk_without_mountpoints_column_is_asked_again():
    old_error = "lsblk: unknown column: MOUNTPOINTS\n"
    system = snapshot([run(LSBLK, "", 1, old_error), run(LSBLK_OLD, fixture("lsblk-luks-root-pantherx.json"))])
    assert check(system, "disk-encryption").status is Status.PASS


def test_container_overlay_root_is_unknown_with_the_reason():
    mounts = "overlay / overlay rw,relatime,lowerdir=/var/lib/docker/overlay2/l/X,upperdir=/u,workdir=/w 0 0\n"
    result = check(snapshot([], {"/proc/self/mounts": mounts}), "disk-encryption")
    assert result.status is Status.UNKNOWN and "'overlay'" in result.detail


def test_no_device_on_root_in_lsblk_is_unknown():
    system = snapshot(
        [run(LSBLK, '{"blockdevices": [{"name": "sda", "type": "disk", "mountpoints": [null]}]}')],
        {"/proc/self/mounts": MOUNTS_HERE},
    )
    result = check(system, "disk-encryption")
    assert result.status is Status.UNKNOWN and "/dev/vda" in result.detail


def test_zfs_root():
    # zfs get -H prints the bare value (no header; zfs-get(8)); the values are zfsprops(7)'s `encryption`
    # values. No recorded output from a real ZFS laptop was found, so only the documented values are used.
    mounts = "rpool/ROOT/ubuntu_abc123 / zfs rw,relatime,xattr,posixacl 0 0\n"
    argv = ["zfs", "get", "-H", "-o", "value", "encryption", "rpool/ROOT/ubuntu_abc123"]
    on = check(snapshot([run(argv, "aes-256-gcm\n")], {"/proc/self/mounts": mounts}), "disk-encryption")
    assert on.status is Status.PASS and "aes-256-gcm" in on.evidence["method"]
    off = check(snapshot([run(argv, "off\n")], {"/proc/self/mounts": mounts}), "disk-encryption")
    assert off.status is Status.WARN
    missing = check(snapshot([], {"/proc/self/mounts": mounts}), "disk-encryption")
    assert missing.status is Status.UNKNOWN and "ZFS" in missing.detail
    with pytest.raises(ProbeUnknown):
        zfs_encryption("-\n", "rpool")


def test_proc_mounts_escapes_and_the_top_mount_wins():
    text = "/dev/sda1 / ext4 rw 0 0\n/dev/mapper/root\\040x / btrfs rw 0 0\n"
    assert root_mount(text) == ("/dev/mapper/root x", "btrfs")


def test_probe_asks_about_your_own_account_without_root():
    # The real probe, run as the unprivileged account `nobody` (whose password is locked on Debian): the
    # set-uid passwd answers for the caller's own account, so no administrator rights are needed.
    import os
    import shutil
    import subprocess
    import sys

    from tests.conftest import ROOT

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root to switch to the 'nobody' account with setpriv")
    code = (
        "import types\n"
        "from checks.live import LiveSystem\n"
        "from checks.model import ProbeUnknown\n"
        "from checks.probes.linux_account_password import read\n"
        "try:\n"
        "    print(read(types.SimpleNamespace(system=LiveSystem())))\n"
        "except ProbeUnknown as exc:\n"
        "    print('unknown:', exc)\n"
    )
    proc = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        check=False,
        env={
            "PATH": os.environ["PATH"],
            "PYTHONPATH": str(ROOT),
            "HOME": "/nonexistent",
            "PYTHONDONTWRITEBYTECODE": "1",
        },
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (
        "unknown: The password of your account 'nobody' is locked, so it cannot be used to sign in; Device Check"
        " cannot tell how you sign in instead."
    )
