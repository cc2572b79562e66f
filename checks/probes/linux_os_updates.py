"""Linux: are updates automatic, when was the last one installed, and which release is this?

Automatic updates, any of:
- unattended-upgrades (Debian, Ubuntu): installed, `APT::Periodic::Unattended-Upgrade` non-zero in apt's
  configuration (checks/readers/apt_conf.py), and apt's daily upgrade timer not switched off;
- GNOME Software with `allow-updates` and `download-updates` true (`gsettings`; asked only when it is installed);
- KDE Discover's "Apply updates automatically" (~/.config/PlasmaDiscoverUpdates `UseUnattendedUpdates=true`);
- dnf-automatic (Fedora): its install timer, or its timer with `apply_updates = yes`.
Last update: apt's /var/log/apt/history.log, else `dnf history list` (dnf 4's table).
Release: /etc/os-release (ID, VERSION_ID, PRETTY_NAME, SUPPORT_END, ID_LIKE, UBUNTU_CODENAME).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from checks.facts import OsRelease, Read, UpdateFacts
from checks.probes.linux_firewall import unit_state
from checks.readers.apt_conf import (
    MAIN_FILE,
    PARTS_DIR,
    AptHistory,
    is_part_name,
    parse_apt_conf,
    parse_history,
    periodic_days,
)
from checks.system import ReadDenied

if TYPE_CHECKING:
    from checks.context import CheckContext

HISTORY = "/var/log/apt/history.log"
HISTORY_BOUND = 1 << 20  # the door reads at most 1 MB; a bigger log is read only in part
OS_RELEASE = ("/etc/os-release", "/usr/lib/os-release")
DNF_AUTOMATIC = ("/etc/dnf/automatic.conf", "/etc/dnf/dnf5-plugins/automatic.conf")
ROLLING = {"arch", "manjaro", "endeavouros", "opensuse-tumbleweed", "gentoo", "void", "cachyos"}
UBUNTU_CODENAMES = {"focal": "20.04", "jammy": "22.04", "noble": "24.04", "resolute": "26.04"}

READS = (
    Read("folder", f"{PARTS_DIR}/*, {MAIN_FILE}", "Whether apt installs security updates by itself."),
    Read("command", "gsettings list-recursively org.gnome.software", "Whether GNOME Software installs updates."),
    Read("file", "~/.config/PlasmaDiscoverUpdates", "Whether KDE Discover applies updates by itself."),
    Read("file", "/etc/dnf/automatic.conf", "Whether dnf-automatic installs updates (Fedora)."),
    Read("file", HISTORY, "When apt last installed updates."),
    Read("command", "dnf history list", "When dnf last installed updates (Fedora)."),
    Read("file", "/etc/os-release", "Which Linux release this is."),
)


def parse_os_release(text: str) -> OsRelease | None:
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and key and not key.startswith("#"):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            fields[key.strip()] = value
    family = fields.get("ID", "").lower()
    if not family:
        return None
    like = [f"{x} " for x in fields.get("ID_LIKE", "").split()]
    codename = fields.get("UBUNTU_CODENAME", "")
    if codename in UBUNTU_CODENAMES and family != "ubuntu":
        like.insert(0, f"ubuntu {UBUNTU_CODENAMES[codename]}")
    return OsRelease(
        family=family,
        version=fields.get("VERSION_ID", ""),
        name=fields.get("PRETTY_NAME") or fields.get("NAME") or family,
        support_end=fields.get("SUPPORT_END", ""),
        rolling=family in ROLLING or fields.get("BUILD_ID") == "rolling",
        like=tuple(x.strip() for x in like if x.strip()),
    )


def gnome_software_on(listing: str) -> bool | None:
    """`gsettings list-recursively org.gnome.software` lines: "org.gnome.software download-updates true"."""
    values = {}
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "org.gnome.software":
            values[parts[1]] = parts[2]
    wanted = [values.get("allow-updates"), values.get("download-updates")]
    if any(v not in ("true", "false") for v in wanted):
        return None
    return all(v == "true" for v in wanted)


def ini_value(text: str, section: str, key: str) -> str | None:
    current, found = "", None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1].strip()
        elif current == section and "=" in stripped and not stripped.startswith(("#", ";")):
            name, _, value = stripped.partition("=")
            if name.strip() == key:
                found = value.strip()
    return found


_DNF_ROW = re.compile(r"^\s*\d+\s*\|.*\|\s*(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}\s*\|\s*([^|]*?)\s*\|")


def dnf_last_upgrade(table: str) -> AptHistory:
    """dnf 4's `dnf history list`: newest first; actions "Upgrade", "Update" or abbreviated "I, U"."""
    last = first = None
    for line in table.splitlines():
        match = _DNF_ROW.match(line)
        if not match:
            continue
        day = date.fromisoformat(match.group(1))
        first = min(first, day) if first else day
        actions = {a.strip() for a in match.group(2).split(",")}
        if actions & {"Upgrade", "Update", "U"}:
            last = max(last, day) if last else day
    return AptHistory(last, first)


def _read(ctx: CheckContext, path: str, notes: list[str]) -> str | None:
    try:
        return ctx.system.read_text(path)
    except ReadDenied:
        notes.append(f"Device Check may not read {path}.")
        return None


def automatic_updates(ctx: CheckContext, notes: list[str]) -> tuple[bool | None, list[str], list[str]]:
    """(on anywhere?, what turns them on, what was seen switched off)."""
    on: list[str] = []
    seen_off: list[str] = []
    if ctx.system.which("unattended-upgrade"):
        options: dict[str, str] = {}
        names = ctx.system.list_dir(PARTS_DIR) or []
        for name in names:
            text = _read(ctx, f"{PARTS_DIR}/{name}", notes) if is_part_name(name) else None
            options = parse_apt_conf(text, options) if text else options
        main = _read(ctx, MAIN_FILE, notes)
        options = parse_apt_conf(main, options) if main else options
        days = periodic_days(options.get("apt::periodic::unattended-upgrade"))
        timer = unit_state(ctx, "apt-daily-upgrade.timer")
        if days and timer in ("enabled", "absent"):
            on.append(f"unattended-upgrades (every {days} day{'s' if days != 1 else ''})")
        elif days and timer in ("disabled", "masked"):
            seen_off.append(f"unattended-upgrades is set up, but apt's daily upgrade timer is {timer}")
        else:
            seen_off.append("unattended-upgrades is installed but switched off (APT::Periodic::Unattended-Upgrade)")
    discover = _read(ctx, f"{ctx.system.home}/.config/PlasmaDiscoverUpdates", notes)
    if discover is not None:
        value = (ini_value(discover, "Global", "UseUnattendedUpdates") or "").lower()
        (on if value == "true" else seen_off).append(
            "KDE Discover (apply updates automatically)"
            if value == "true"
            else "KDE Discover's automatic updates are off"
        )
    for conf in DNF_AUTOMATIC:
        text = _read(ctx, conf, notes)
        if text is None:
            continue
        install_timer = unit_state(ctx, "dnf-automatic-install.timer") == "enabled"
        apply = (ini_value(text, "commands", "apply_updates") or "no").lower() in ("yes", "true", "1", "on")
        if install_timer or (apply and unit_state(ctx, "dnf-automatic.timer") == "enabled"):
            on.append("dnf-automatic")
        else:
            seen_off.append("dnf-automatic is installed but does not install updates")
        break
    # Asked last, and only when no file already says updates are automatic: gsettings is a process to start
    # (about 10 ms), the rest are file reads.
    if not on and ctx.system.which("gnome-software"):
        res = ctx.system.run(["gsettings", "list-recursively", "org.gnome.software"])
        state = gnome_software_on(res.stdout) if res.ok else None
        if state:
            on.append("GNOME Software (download and install updates)")
        elif state is False:
            seen_off.append("GNOME Software's automatic updates are off")
        else:
            notes.append(f"Device Check could not read GNOME Software's settings ({res.why_not()}).")
    if on or seen_off:
        return bool(on), on, seen_off
    notes.append(
        "Device Check found none of the automatic updaters it knows (unattended-upgrades, GNOME Software, "
        "KDE Discover, dnf-automatic)."
    )
    return None, [], []


def last_update(ctx: CheckContext, notes: list[str]) -> tuple[AptHistory | None, str, bool]:
    """(history, where from, read whole). None when there is no history to read."""
    info = ctx.system.file_info(HISTORY)
    text = _read(ctx, HISTORY, notes) if info is not None else None
    if text is not None:
        whole = info is not None and info.size <= HISTORY_BOUND
        if not whole:
            notes.append(f"{HISTORY} is over 1 MB, so Device Check read only its beginning.")
        return parse_history(text), HISTORY, whole
    if ctx.system.which("dnf"):
        res = ctx.system.run(["dnf", "history", "list"], timeout=5.0)
        if res.ok:
            return dnf_last_upgrade(res.stdout), "dnf history", True
        notes.append(f"Device Check could not ask dnf for its history ({res.why_not()}).")
    else:
        notes.append("Device Check found no record of installed updates (apt's or dnf's history).")
    return None, "", False


def read(ctx: CheckContext) -> UpdateFacts:
    notes: list[str] = []
    automatic, on, off = automatic_updates(ctx, notes)
    how = on or off
    history, source, whole = last_update(ctx, notes)
    os_text = next((t for t in (_read(ctx, p, notes) for p in OS_RELEASE) if t is not None), None)
    os = parse_os_release(os_text) if os_text else None
    if os is None:
        notes.append("Device Check could not tell which Linux release this is (/etc/os-release).")
    covers = None
    if history and whole and history.first_entry:
        covers = (ctx.now.date() - history.first_entry).days
    return UpdateFacts(
        automatic=automatic,
        automatic_how=tuple(how),
        last_update=history.last_upgrade.isoformat() if history and history.last_upgrade else "",
        last_update_source=source,
        history_covers_days=covers if whole else None,
        os=os,
        notes=tuple(notes),
    )
