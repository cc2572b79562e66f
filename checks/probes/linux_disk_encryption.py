"""Are the disks that hold the system (the folder `/`), the home folder and swap encrypted? LUKS/dm-crypt
via lsblk, or ZFS. Each is judged as below; all must be encrypted.

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
    Read("file", "/proc/self/mounts", "Which disks or storage pools hold the system and your home folder."),
    Read("file", "/proc/swaps", "Where the computer writes memory out to disk (swap)."),
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
    nodes: list[dict[str, Any]], above: tuple[dict[str, Any], ...] = (), mountpoint: str = "/"
) -> Iterator[tuple[dict[str, Any], ...]]:
    """Every chain of devices from a top-level disk down to a device mounted on `mountpoint`."""
    for node in nodes:
        chain = above + (node,)
        if mountpoint in _mountpoints(node):
            yield chain
        children = node.get("children")
        if isinstance(children, list):
            yield from _paths_to_root(children, chain, mountpoint)


def lsblk_root_encryption(lsblk_json: str, mountpoint: str = "/") -> DiskEncryptionFacts | None:
    """Facts from `lsblk -J` output for what is mounted on `mountpoint` ("[SWAP]" for every active swap
    device), or None when no device is mounted there."""
    try:
        data = json.loads(lsblk_json)
    except json.JSONDecodeError:
        raise ProbeUnknown("The answer from 'lsblk' was not in a form Device Check understands.") from None
    devices = data.get("blockdevices") if isinstance(data, dict) else None
    if not isinstance(devices, list):
        raise ProbeUnknown("The answer from 'lsblk' was not in a form Device Check understands.")
    chains = list(_paths_to_root(devices, mountpoint=mountpoint))
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


def mount_holding(mounts_text: str, path: str) -> tuple[str, str, str] | None:
    """(mount point, source, fstype) of the mount that holds `path`: the longest mount point above it
    (the last line of equal length wins, as the one mounted on top)."""
    best: tuple[str, str, str] | None = None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = point == "/" or path == point or path.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= len(best[0])):
            best = (point, _unescape(fields[0]), fields[2])
    return best


def swap_areas(swaps_text: str) -> list[tuple[str, str]]:
    """(file name, type) of each active swap area in /proc/swaps ("Filename Type Size Used Priority";
    a name's spaces are written as \\040 as in /proc/mounts)."""
    out = []
    for line in swaps_text.splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 2:
            out.append((_unescape(fields[0]), fields[1]))
    return out


def _zfs(ctx: CheckContext, dataset: str, what: str) -> DiskEncryptionFacts:
    res = ctx.system.run(["zfs", "get", "-H", "-o", "value", "encryption", dataset])
    if not res.ok:
        raise ProbeUnknown(f"{what} is on ZFS ({dataset}) but Device Check could not ask ZFS: {res.why_not()}.")
    return zfs_encryption(res.stdout, dataset)


def read(ctx: CheckContext) -> DiskEncryptionFacts:
    """The system, the home folder and every swap area: all must be encrypted, or files (and memory
    written to swap) can be read from a lost laptop."""
    mounts = ctx.system.read_text("/proc/self/mounts") or ""
    root = root_mount(mounts) if mounts else None
    if root and root[1] in NO_DISK_FS:
        raise ProbeUnknown(
            f"The system folder is not on a disk of its own here (it is a '{root[1]}' file system, as in a"
            " container or a live session), so there is no disk encryption to check."
        )
    # (what it is, mount point or "[SWAP]", mount source, fstype)
    targets: list[tuple[str, str, str, str]] = [
        ("the system (/)", "/", root[0] if root else "", root[1] if root else "")
    ]
    home = mount_holding(mounts, ctx.system.home) if ctx.system.home else None
    if home and home[0] != "/" and home[2] not in NO_DISK_FS:  # a network or RAM home is not on this laptop
        targets.append((f"your home folder ({home[0]})", home[0], home[1], home[2]))
    for name, kind in swap_areas(ctx.system.read_text("/proc/swaps") or "Filename\n"):
        if name.startswith("/dev/zram"):
            continue  # compressed memory, never written to a disk
        if kind == "file":
            holder = mount_holding(mounts, name)
            if holder and all(t[1] != holder[0] for t in targets):
                targets.append((f"the swap file {name} ({holder[0]})", holder[0], holder[1], holder[2]))
        elif all(t[1] != "[SWAP]" for t in targets):
            targets.append(("swap", "[SWAP]", name, "swap"))
    lsblk: str | None = None
    parts: list[tuple[str, DiskEncryptionFacts]] = []
    for what, point, source, fstype in targets:
        if fstype == "zfs":
            parts.append((what, _zfs(ctx, source, what[0].upper() + what[1:])))
            continue
        if lsblk is None:
            res = ctx.system.run(LSBLK)
            if not res.ok and "MOUNTPOINTS" in res.stderr:  # util-linux older than 2.37
                res = ctx.system.run(LSBLK_OLD)
            if not res.ok:
                raise ProbeUnknown(f"Device Check could not list the disks: {res.why_not()}.")
            lsblk = res.stdout
        facts = lsblk_root_encryption(lsblk, point)
        if facts is None:
            shown = f" ({source}, {fstype})" if source else ""
            raise ProbeUnknown(f"Device Check could not find the disk that holds {what}{shown}.")
        parts.append((what, facts))
    return combined(parts)


def combined(parts: list[tuple[str, DiskEncryptionFacts]]) -> DiskEncryptionFacts:
    """One answer for all: encrypted only when every part is; the method names each part."""
    if len(parts) == 1:
        return parts[0][1]
    plain = tuple(what for what, f in parts if f.encrypted is False)
    return DiskEncryptionFacts(
        encrypted=False if plain else True,
        method="; ".join(f"{what}: {f.method}" for what, f in parts),
        device=parts[0][1].device,
        not_encrypted=plain,
    )
