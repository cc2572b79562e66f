"""What a snapshot keeps of what the probes read: only what a check needs, never a file as it was.

Candidates send snapshots to support, so a mount table keeps only the lines for the mounts disk-encryption
judges (the system folder and the one holding the home folder), a browser flags file keeps only its
`--password-store=` flag, apt's settings only their APT::Periodic options, apt's history only its dates
(never a package or a command line), ufw's file only ENABLED, nftables' only the lines that hook input or
drop, an INI file only the key a probe reads, and a process only the names it can be matched by and the
few flags that name a web app or a password store. Each reducer keeps the probe's answer the same: the
tests parse the reduced text and the original and compare.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from checks.readers.apt_conf import MAIN_FILE, PARTS_DIR, parse_apt_conf
from checks.system import ProcessInfo

# Only these command-line arguments survive into a snapshot: they name web apps, never secrets.
KEPT_ARG_PREFIXES = ("--app-id=", "--app=", "--profile-directory=", "--password-store=")
MOUNT_TABLES = ("/proc/self/mounts", "/proc/mounts", "/etc/mtab")
FLAGS_FILE_ENDINGS = ("-flags.conf",)
FLAGS_FOLDERS = ("/etc/chromium.d/",)


def _base(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _no_userinfo(source: str) -> str:
    """ "ftp://user:secret@host/" -> "ftp://host/": a mount source may carry a login."""
    scheme, sep, rest = source.partition("://")
    if sep and "@" in rest.split("/", 1)[0]:
        return f"{scheme}://{rest.split('@', 1)[1]}"
    if not sep and "@" in source and ":" in source.split("@", 1)[0]:  # user:secret@host:/path (sshfs)
        return source.split("@", 1)[1]
    return source


def judged_mounts(text: str, home: str = "") -> str:
    """The lines for "/" and for every mount the home folder lies under (checks/probes/linux_disk_encryption.py
    judges those), with any login taken out of the source."""
    kept = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if point == "/" or (home and (home == point or home.startswith(point.rstrip("/") + "/"))):
            kept.append(" ".join([_no_userinfo(fields[0]), *fields[1:3]]))
    return "\n".join(kept) + ("\n" if kept else "")


def apt_periodic_only(text: str) -> str:
    """apt's settings as `Key "value";` lines, APT::Periodic ones only (checks/probes/linux_os_updates.py)."""
    options = parse_apt_conf(text)
    kept = [f'{key} "{value}";' for key, value in options.items() if key.startswith("apt::periodic::")]
    return "\n".join(kept) + ("\n" if kept else "")


def apt_history_dates(text: str) -> str:
    """apt's history.log with its dates and a bare "Upgrade:" mark: no package names, no command lines."""
    kept = []
    for line in text.splitlines():
        if line.startswith(("Start-Date:", "End-Date:")):
            kept.append(line)
        elif line.startswith("Upgrade:"):
            kept.append("Upgrade:")
    return "\n".join(kept) + ("\n" if kept else "")


def assignments_of(key: str) -> Callable[[str], str]:
    """Only the `KEY=...` lines of a shell-style file (ufw.conf's ENABLED)."""

    def keep(text: str) -> str:
        kept = [line for line in text.splitlines() if line.split("=", 1)[0].strip() == key and "=" in line]
        return "\n".join(kept) + ("\n" if kept else "")

    return keep


def ini_key(section: str, key: str) -> Callable[[str], str]:
    """Only `[section]` and its `key = value` line of an INI-style file."""

    def keep(text: str) -> str:
        current, kept = "", []
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith("[") and stripped.endswith("]"):
                current = stripped[1:-1].strip()
            elif current == section and stripped.split("=", 1)[0].strip() == key and "=" in stripped:
                kept.append(stripped)
        return f"[{section}]\n" + "".join(f"{line}\n" for line in kept) if kept else ""

    return keep


def nft_input_lines(text: str) -> str:
    """Only the nftables lines that hook input or drop/reject, comments removed: what the firewall probe weighs."""
    kept = []
    for line in text.splitlines():
        code = line.split("#", 1)[0].strip()
        if "hook input" in code or any(word in code.split() for word in ("drop", "reject", "drop;", "reject;")):
            kept.append(code)
    return "\n".join(kept) + ("\n" if kept else "")


def password_store_flags(text: str) -> str:
    """Only the `--password-store=` flags of a flags file, one a line; comments stay out."""
    kept = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        kept += [word for word in line.split() if word.startswith("--password-store=")]
    return "\n".join(kept) + ("\n" if kept else "")


def install_history_dates(text: str) -> str:
    """macOS's InstallHistory.plist with each entry's date and installer, and names only for Apple's own
    updates (checks/probes/darwin_os_updates.py reads those): the apps the candidate installed stay out."""
    import plistlib

    from checks.probes.darwin_os_updates import UPDATERS

    try:
        entries = plistlib.loads(text.encode("utf-8"))
    except (plistlib.InvalidFileException, ValueError):
        return ""  # the probe could not read it either: it says so
    kept = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        process = str(entry.get("processName", ""))
        small = {key: entry[key] for key in ("date", "processName") if key in entry}
        if process.lower() in UPDATERS and "displayName" in entry:
            small["displayName"] = entry["displayName"]
        kept.append(small)
    return plistlib.dumps(kept).decode("utf-8")


REDUCERS: dict[str, Callable[[str], str]] = {
    "/Library/Receipts/InstallHistory.plist": install_history_dates,
    MAIN_FILE: apt_periodic_only,
    "/var/log/apt/history.log": apt_history_dates,
    "/etc/ufw/ufw.conf": assignments_of("ENABLED"),
    "/etc/nftables.conf": nft_input_lines,
    "/etc/dnf/automatic.conf": ini_key("commands", "apply_updates"),
    "/etc/dnf/dnf5-plugins/automatic.conf": ini_key("commands", "apply_updates"),
}


def file_filter(path: str, home: str = "") -> Callable[[str], str] | None:
    """The reducer a file's text goes through before a snapshot keeps it, or None to keep it as read."""
    if path in MOUNT_TABLES:
        return lambda text: judged_mounts(text, home)
    if path.endswith(FLAGS_FILE_ENDINGS) or path.startswith(FLAGS_FOLDERS):
        return password_store_flags
    if path.startswith(PARTS_DIR + "/"):
        return apt_periodic_only
    if path.endswith("/.config/PlasmaDiscoverUpdates"):
        return ini_key("Global", "UseUnattendedUpdates")
    return REDUCERS.get(path)


def redact_cmdline(cmdline: Sequence[str]) -> list[str]:
    """The program's own name, the ids a launcher starts (flatpak, snap) and the kept flags; nothing else."""
    if not cmdline:
        return []
    first = _base(cmdline[0])
    kept = [first]
    for arg in cmdline[1:]:
        if arg.startswith("--app="):  # a web app's address: keep the site, never the page
            try:
                parts = urlsplit(arg[len("--app=") :])
                kept.append(f"--app={parts.scheme}://{parts.hostname}/" if parts.hostname else "--app=")
            except ValueError:
                kept.append("--app=")
        elif arg.startswith(KEPT_ARG_PREFIXES):
            kept.append(arg)
        elif first.lower() in ("flatpak", "bwrap", "flatpak-bwrap", "snap") and _looks_like_app_id(arg):
            kept.append(arg)
    return kept


def _looks_like_app_id(arg: str) -> bool:
    # com.discordapp.Discord: reverse-domain words only, so no path, address or secret passes
    parts = arg.split(".")
    return len(parts) >= 2 and all(p and p.replace("_", "").replace("-", "").isalnum() for p in parts)


def redact_exe(exe: str) -> str:
    """The file name, or /snap/<name>/ for a Snap (its name is the app's): never the rest of the path."""
    parts = exe.replace("\\", "/").split("/")
    if len(parts) > 2 and parts[1] == "snap":
        return f"/snap/{parts[2]}/"
    return _base(exe)


def redact_process(proc: ProcessInfo) -> dict[str, object]:
    return {"name": proc.name, "exe": redact_exe(proc.exe), "cmdline": redact_cmdline(proc.cmdline)}
