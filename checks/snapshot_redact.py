"""What a snapshot keeps of what the probes read: only what a check needs, never a file as it was.

Candidates send snapshots to support, so a mount table keeps only the line for the system folder (the one
disk-encryption judges), a browser flags file keeps only its `--password-store=` flag, and a process keeps
only the names it can be matched by and the few flags that name a web app or a password store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from checks.system import ProcessInfo

# Only these command-line arguments survive into a snapshot: they name web apps, never secrets.
KEPT_ARG_PREFIXES = ("--app-id=", "--app=", "--profile-directory=", "--password-store=")
JUDGED_MOUNT_POINTS = ("/",)  # checks/probes/linux_disk_encryption.py reads the line for "/" only
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


def judged_mounts(text: str) -> str:
    kept = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[1] in JUDGED_MOUNT_POINTS:
            kept.append(" ".join([_no_userinfo(fields[0]), *fields[1:3]]))
    return "\n".join(kept) + ("\n" if kept else "")


def password_store_flags(text: str) -> str:
    """Only the `--password-store=` flags of a flags file, one a line; comments stay out."""
    kept = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        kept += [word for word in line.split() if word.startswith("--password-store=")]
    return "\n".join(kept) + ("\n" if kept else "")


def file_filter(path: str) -> Callable[[str], str] | None:
    """The reducer a file's text goes through before a snapshot keeps it, or None to keep it as read."""
    if path in MOUNT_TABLES:
        return judged_mounts
    if path.endswith(FLAGS_FILE_ENDINGS) or path.startswith(FLAGS_FOLDERS):
        return password_store_flags
    return None


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
