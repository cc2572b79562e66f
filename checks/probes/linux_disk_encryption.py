"""Is the disk that holds the system (the folder `/`) encrypted? LUKS/dm-crypt via lsblk, or ZFS.

1. /proc/self/mounts says what is mounted on `/` (the last line for `/` wins: it is the one on top).
2. ZFS: the source is a dataset; `zfs get -H -o value encryption DATASET` prints "off" or the cipher
   (zfsprops(7): off | on | aes-128-ccm ... aes-256-gcm; -H: no header, tab-separated, zfs-get(8)).
3. Anything else: `lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS` prints the block devices as a tree, each
   disk with its partitions and what is built on them as "children". The device mounted on `/` may appear
   more than once (LVM or RAID spanning several disks); the system is encrypted only when every path from
   a disk down to it passes through a `crypt` layer (LUKS, plain dm-crypt, btrfs or LVM on LUKS...).
   util-linux before 2.37 has no MOUNTPOINTS column: we then ask again with MOUNTPOINT.
4. A container or a live session whose `/` is overlay, tmpfs and the like has no disk to look at: unknown.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from checks.facts import DiskEncryptionFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

READS = (
    Read("file", "/proc/self/mounts", "Which disk or storage pool holds the system."),
    Read("command", "lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS", "Whether that disk has an encryption layer (LUKS)."),
    Read("command", "zfs get -H -o value encryption <system dataset>", "Whether a ZFS system is encrypted."),
)
LSBLK = ["lsblk", "-J", "-o", "NAME,TYPE,FSTYPE,MOUNTPOINTS"]
LSBLK_OLD = ["lsblk", "-J", "-o", "NAME,TYPE,FSTYPE,MOUNTPOINT"]
NO_DISK_FS = {
    "overlay",
    "tmpfs",
    "rootfs",
    "squashfs",
    "aufs",
    "fuse-overlayfs",
    "9p",
    "virtiofs",
    "nfs",
    "nfs4",
    "cifs",
}


def _unescape(field: str) -> str:
    # /proc/mounts writes a space as \040, a tab as \011, a newline as \012 and a backslash as \134.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def root_mount(mounts_text: str) -> tuple[str, str] | None:
    """(source, fstype) of what is mounted on `/`, or None."""
    found = None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) >= 3 and _unescape(fields[1]) == "/":
            found = (_unescape(fields[0]), fields[2])
    return found


def _mountpoints(node: dict[str, Any]) -> list[str]:
    points = node.get("mountpoints")
    if isinstance(points, list):
        return [p for p in points if isinstance(p, str)]
    single = node.get("mountpoint")
    return [single] if isinstance(single, str) else []


def _paths_to_root(
    nodes: list[dict[str, Any]], above: tuple[dict[str, Any], ...] = ()
) -> Iterator[tuple[dict[str, Any], ...]]:
    """Every chain of devices from a top-level disk down to a device mounted on `/`."""
    for node in nodes:
        chain = above + (node,)
        if "/" in _mountpoints(node):
            yield chain
        children = node.get("children")
        if isinstance(children, list):
            yield from _paths_to_root(children, chain)


def lsblk_root_encryption(lsblk_json: str) -> DiskEncryptionFacts | None:
    """Facts from `lsblk -J` output, or None when no device is mounted on `/` (no disk under the system)."""
    try:
        data = json.loads(lsblk_json)
    except json.JSONDecodeError:
        raise ProbeUnknown("The answer from 'lsblk' was not in a form Device Check understands.") from None
    devices = data.get("blockdevices") if isinstance(data, dict) else None
    if not isinstance(devices, list):
        raise ProbeUnknown("The answer from 'lsblk' was not in a form Device Check understands.")
    chains = list(_paths_to_root(devices))
    if not chains:
        return None
    root = str(chains[0][-1].get("name", ""))
    encrypted = all(any(n.get("type") == "crypt" for n in chain) for chain in chains)
    layers = " > ".join(f"{n.get('name')} ({n.get('type')})" for n in chains[0])
    return DiskEncryptionFacts(
        encrypted=encrypted,
        method=f"LUKS/dm-crypt: {layers}" if encrypted else f"no encryption layer: {layers}",
        device=root,
    )


def zfs_encryption(value_text: str, dataset: str) -> DiskEncryptionFacts:
    value = value_text.strip().split("\t")[-1].strip()
    if not value or value == "-":
        raise ProbeUnknown(f"ZFS did not say whether {dataset} is encrypted.")
    on = value != "off"
    return DiskEncryptionFacts(
        encrypted=on, method=f"ZFS native encryption ({value})" if on else "ZFS, encryption off", device=dataset
    )


def read(ctx: CheckContext) -> DiskEncryptionFacts:
    mounts = ctx.system.read_text("/proc/self/mounts")
    root = root_mount(mounts) if mounts else None
    if root and root[1] == "zfs":
        dataset = root[0]
        res = ctx.system.run(["zfs", "get", "-H", "-o", "value", "encryption", dataset])
        if not res.ok:
            raise ProbeUnknown(f"The system is on ZFS ({dataset}) but Device Check could not ask ZFS: {res.why_not()}.")
        return zfs_encryption(res.stdout, dataset)
    if root and root[1] in NO_DISK_FS:
        raise ProbeUnknown(
            f"The system folder is not on a disk of its own here (it is a '{root[1]}' file system, as in a"
            " container or a live session), so there is no disk encryption to check."
        )
    res = ctx.system.run(LSBLK)
    if not res.ok and "MOUNTPOINTS" in res.stderr:  # util-linux older than 2.37
        res = ctx.system.run(LSBLK_OLD)
    if not res.ok:
        raise ProbeUnknown(f"Device Check could not list the disks: {res.why_not()}.")
    facts = lsblk_root_encryption(res.stdout)
    if facts is None:
        what = f" ({root[0]}, {root[1]})" if root else ""
        raise ProbeUnknown(f"Device Check could not find the disk that holds the system{what}.")
    return facts
