"""disk-encryption judges every part a lost laptop would give away: the system, the home folder and swap.

Built on the real `lsblk -pJ` capture of a Debian "LVM with encryption" laptop (tests/fixtures/linux/
lsblk-lvm-on-luks-benjamintoll.json: `/` and swap on LUKS), with a second, plain disk added for a separate
`/home` exactly as lsblk prints one more disk. /proc/swaps lines follow proc_swaps(5) ("Filename Type Size
Used Priority", tab separated, as the kernel's mm/swapfile.c swap_show prints them)."""

from __future__ import annotations

import json

from checks.engine import Engine, RunOptions
from checks.model import Status
from checks.probes.linux_disk_encryption import LSBLK, mount_holding, swap_areas
from checks.profile import load_profile
from checks.snapshot import ReplaySystem
from tests.conftest import FIXTURES

LUKS = json.loads((FIXTURES / "linux" / "lsblk-lvm-on-luks-benjamintoll.json").read_text())
PLAIN_HOME_DISK = {
    "name": "/dev/sda",
    "type": "disk",
    "mountpoint": None,
    "children": [{"name": "/dev/sda1", "type": "part", "mountpoint": "/home"}],
}
ROOT_LINE = "/dev/mapper/kilgore--trout--vg-root / ext4 rw,relatime,errors=remount-ro 0 0\n"
HOME_LINE = "/dev/sda1 /home ext4 rw,relatime 0 0\n"
SWAPS_HEADER = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
LUKS_SWAP = "/dev/dm-2                               partition\t999420\t\t0\t\t-2\n"


def judged(lsblk: dict[str, object], mounts: str, swaps: str) -> tuple[Status, str]:
    system = ReplaySystem(
        {
            "schema": "devicecheck-snapshot/1",
            "platform": "linux",
            "taken_at": "2026-11-25T10:30:00+00:00",
            "user": "sam",
            "home": "/home/sam",
            "commands": [{"argv": LSBLK, "returncode": 0, "stdout": json.dumps(lsblk)}],
            "files": {"/proc/self/mounts": mounts, "/proc/swaps": swaps},
        }
    )
    result = Engine(system, load_profile()).run(RunOptions(only=("disk-encryption",)))[0]
    return result.status, result.detail


def with_disk(extra: dict[str, object]) -> dict[str, object]:
    data = json.loads(json.dumps(LUKS))
    data["blockdevices"].append(extra)
    return data


def test_luks_root_with_plain_home_is_not_encrypted() -> None:
    status, detail = judged(with_disk(PLAIN_HOME_DISK), ROOT_LINE + HOME_LINE, SWAPS_HEADER + LUKS_SWAP)
    assert status is Status.WARN, detail  # recommended in the default profile: shown as advice
    assert "your home folder (/home)" in detail


def test_luks_root_home_and_swap_pass() -> None:
    status, detail = judged(LUKS, ROOT_LINE, SWAPS_HEADER + LUKS_SWAP)
    assert status is Status.PASS, detail


def test_plain_swap_partition_is_not_encrypted() -> None:
    plain_swap = {
        "name": "/dev/sdb",
        "type": "disk",
        "mountpoint": None,
        "children": [{"name": "/dev/sdb1", "type": "part", "mountpoint": "[SWAP]"}],
    }
    status, detail = judged(with_disk(plain_swap), ROOT_LINE, SWAPS_HEADER + LUKS_SWAP + "/dev/sdb1 partition 1 0 -3\n")
    assert status is Status.WARN and "swap" in detail, detail


def test_swap_file_on_a_plain_home_disk_is_not_encrypted() -> None:
    swaps = SWAPS_HEADER + "/home/swapfile                          file\t\t2097148\t\t0\t\t-2\n"
    status, detail = judged(with_disk(PLAIN_HOME_DISK), ROOT_LINE + HOME_LINE, swaps)
    assert status is Status.WARN and "/home" in detail, detail


def test_zram_swap_is_memory_not_disk() -> None:
    status, detail = judged(LUKS, ROOT_LINE, SWAPS_HEADER + "/dev/zram0 partition\t4194300\t0\t100\n")
    assert status is Status.PASS, detail


def test_mount_holding_and_swap_areas_parse_real_layouts() -> None:
    mounts = ROOT_LINE + HOME_LINE + "/dev/sdc1 /home/sam/My\\040Files ext4 rw 0 0\n"
    assert mount_holding(mounts, "/home/sam") == ("/home", "/dev/sda1", "ext4")
    assert mount_holding(mounts, "/home/sam/My Files/x") == ("/home/sam/My Files", "/dev/sdc1", "ext4")
    assert mount_holding(mounts, "/homework") == ("/", "/dev/mapper/kilgore--trout--vg-root", "ext4")
    assert swap_areas(SWAPS_HEADER + LUKS_SWAP) == [("/dev/dm-2", "partition")]
