"""Automatic sign-in on Linux: the display manager's and the console's configuration files.

What turns autologin on (Pareto Security's checks/linux/autologin.go lists the same files; each display
manager's own documentation gives the keys and the order files are read in, later files winning):
- GDM: /etc/gdm3/custom.conf (Debian, Ubuntu) or /etc/gdm/custom.conf, [daemon] AutomaticLoginEnable=true
  or TimedLoginEnable=true (with AutomaticLogin= / TimedLogin= naming the account).
- SDDM: /usr/lib/sddm/sddm.conf.d/*.conf, then /etc/sddm.conf.d/*.conf, then /etc/sddm.conf;
  [Autologin] User= not empty.
- LightDM: /usr/share/lightdm/lightdm.conf.d/*.conf, /etc/lightdm/lightdm.conf.d/*.conf, then
  /etc/lightdm/lightdm.conf; autologin-user= (or autologin-guest=true) in a [Seat:...] / [SeatDefaults]
  section. Lines starting with # are comments.
- Console: agetty's --autologin (or -a) in a systemd drop-in under
  /etc/systemd/system/getty@*.service.d/ or autovt@*.service.d/.
  A whole unit copied there (/etc/systemd/system/getty@tty1.service, as `systemctl edit --full` writes it)
  replaces the packaged one and is read the same way.
- greetd: /etc/greetd/config.toml with an [initial_session] (run once at boot without asking).
- LXDM: /etc/lxdm/lxdm.conf (Lubuntu: /etc/lxdm/default.conf), [base] autologin=<account> (shipped
  commented out as "# autologin=dgod"; sources in tests/unit/test_autologin_more.py).
- nodm: /etc/default/nodm, shell assignments; Debian's file says "Set NODM_ENABLED to something different
  than 'false' to enable nodm" and NODM_USER names the account.
Where not one of these files exists, nothing was read: "can't tell", never a pass.
Only the account name is kept as evidence, never anything else from these files.
"""

from __future__ import annotations

import fnmatch
import posixpath
import shlex
import tomllib
from typing import TYPE_CHECKING

from checks.facts import AutologinFacts, Read
from checks.model import ProbeUnknown
from checks.system import ReadDenied

if TYPE_CHECKING:
    from checks.context import CheckContext

GDM_FILES = ("/etc/gdm3/custom.conf", "/etc/gdm/custom.conf", "/etc/gdm3/daemon.conf")
SDDM_DIRS = ("/usr/lib/sddm/sddm.conf.d", "/etc/sddm.conf.d")
SDDM_FILE = "/etc/sddm.conf"
LIGHTDM_DIRS = ("/usr/share/lightdm/lightdm.conf.d", "/etc/lightdm/lightdm.conf.d")
LIGHTDM_FILE = "/etc/lightdm/lightdm.conf"
SYSTEMD_DIR = "/etc/systemd/system"
GETTY_UNITS = ("getty@*.service.d", "autovt@*.service.d", "serial-getty@*.service.d")
GREETD_FILE = "/etc/greetd/config.toml"
LXDM_FILES = ("/etc/lxdm/lxdm.conf", "/etc/lxdm/default.conf")  # Lubuntu's alternatives point one at the other
NODM_FILE = "/etc/default/nodm"
GETTY_FULL_UNITS = ("getty@*.service", "autovt@*.service", "serial-getty@*.service")

READS = (
    Read(
        "file", "/etc/gdm3/custom.conf, /etc/gdm/custom.conf", "Whether GNOME's sign-in screen signs you in by itself."
    ),
    Read(
        "file",
        "/etc/sddm.conf, /etc/sddm.conf.d/*.conf, /usr/lib/sddm/sddm.conf.d/*.conf",
        "Whether KDE's sign-in screen (SDDM) signs you in by itself.",
    ),
    Read(
        "file",
        "/etc/lightdm/lightdm.conf, /etc/lightdm/lightdm.conf.d/*.conf",
        "Whether the LightDM sign-in screen signs you in by itself.",
    ),
    Read("file", "/etc/systemd/system/getty@*.service.d/*.conf", "Whether the text console signs you in by itself."),
    Read("file", "/etc/greetd/config.toml", "Whether the greetd sign-in screen starts a session without asking."),
    Read(
        "file", "/etc/lxdm/lxdm.conf, /etc/lxdm/default.conf", "Whether the LXDM sign-in screen signs you in by itself."
    ),
    Read("file", "/etc/default/nodm", "Whether nodm signs you in without a sign-in screen."),
    Read("file", "/etc/systemd/system/getty@*.service", "Whether a replaced text console unit signs you in by itself."),
)


def parse_ini(text: str) -> list[tuple[str, str, str]]:
    """(section, key, value) for every setting line of an INI-style file; # and ; lines are comments."""
    out: list[tuple[str, str, str]] = []
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and "]" in line:
            section = line[1 : line.index("]")].strip()
            continue
        if "=" in line:
            key, _, value = line.partition("=")
            out.append((section, key.strip(), value.strip()))
    return out


def _true(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "yes", "on")


def gdm_autologin(text: str) -> tuple[bool, str | None]:
    values = {k.lower(): v for s, k, v in parse_ini(text) if s.lower() == "daemon"}
    for enable, user in (("automaticloginenable", "automaticlogin"), ("timedloginenable", "timedlogin")):
        if _true(values.get(enable, "")):
            return True, values.get(user) or None
    return False, None


def sddm_autologin(texts: list[str]) -> str | None:
    """The account SDDM signs in by itself after reading every file in order (later wins), or None."""
    user = ""
    for text in texts:
        for section, key, value in parse_ini(text):
            if section == "Autologin" and key == "User":
                user = value
    return user or None


def lightdm_autologin(texts: list[str]) -> str | None:
    values: dict[str, str] = {}
    for text in texts:
        for section, key, value in parse_ini(text):
            if section.startswith("Seat") or section == "SeatDefaults":
                values[key] = value
    if values.get("autologin-user"):
        return values["autologin-user"]
    if _true(values.get("autologin-guest", "")):
        return "guest"
    return None


def getty_autologin(text: str) -> str | None:
    """The account agetty signs in by itself from a unit drop-in's ExecStart, or None."""
    for _section, key, value in parse_ini(text):
        if key != "ExecStart" or not value:
            continue
        try:
            args = shlex.split(value.lstrip("-@:+!"))
        except ValueError:
            args = value.split()
        for i, arg in enumerate(args):
            if arg.startswith("--autologin="):
                return arg.split("=", 1)[1] or "?"
            if arg in ("--autologin", "-a"):
                return args[i + 1] if i + 1 < len(args) else "?"
    return None


def lxdm_autologin(text: str) -> str | None:
    for section, key, value in parse_ini(text):
        if section == "base" and key == "autologin" and value:
            return value
    return None


def nodm_autologin(text: str) -> str | None:
    """The account nodm signs in, from /etc/default/nodm (sourced by a shell), or None when it is off."""
    values: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        try:
            words = shlex.split(value, comments=True)
        except ValueError:
            words = [value]
        values[key.strip().removeprefix("export ").strip()] = words[0] if words else ""
    enabled = values.get("NODM_ENABLED", "false").strip().lower() not in ("false", "no", "")
    return (values.get("NODM_USER") or "root") if enabled else None


def greetd_autologin(text: str) -> str | None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    initial = data.get("initial_session")
    if isinstance(initial, dict) and initial.get("command"):
        return str(initial.get("user") or "?")
    return None


def autologin_from_files(files: dict[str, str]) -> AutologinFacts:
    """Judge every display manager's files at once. `files` maps each path found to its text."""
    where: list[str] = []
    users: list[str] = []

    def found(path: str, user: str | None) -> None:
        where.append(path)
        if user and user not in users:
            users.append(user)

    for path in GDM_FILES:
        if path in files:
            on, user = gdm_autologin(files[path])
            if on:
                found(path, user)
    sddm_paths = _ordered(files, SDDM_DIRS, SDDM_FILE)
    sddm_user = sddm_autologin([files[p] for p in sddm_paths])
    if sddm_user:
        found(next(p for p in reversed(sddm_paths) if sddm_autologin([files[p]])), sddm_user)
    lightdm_paths = _ordered(files, LIGHTDM_DIRS, LIGHTDM_FILE)
    lightdm_user = lightdm_autologin([files[p] for p in lightdm_paths])
    if lightdm_user:
        found(next(p for p in reversed(lightdm_paths) if lightdm_autologin([files[p]])), lightdm_user)
    for path in sorted(files):
        if path.startswith(SYSTEMD_DIR + "/") and path.endswith(".conf"):
            user = getty_autologin(files[path])
            if user:
                found(path, user)
    if GREETD_FILE in files:
        user = greetd_autologin(files[GREETD_FILE])
        if user:
            found(GREETD_FILE, user)
    for path in sorted(files):
        if path.startswith(SYSTEMD_DIR + "/") and path.endswith(".service"):
            user = getty_autologin(files[path])
            if user:
                found(path, user)
    for path in LXDM_FILES:
        user = lxdm_autologin(files[path]) if path in files else None
        if user:
            found(path, user)
    if NODM_FILE in files:
        user = nodm_autologin(files[NODM_FILE])
        if user:
            found(NODM_FILE, user)
    return AutologinFacts(
        enabled=bool(where), user=", ".join(users) or None, where=tuple(where), checked=tuple(sorted(files))
    )


def _ordered(files: dict[str, str], dirs: tuple[str, ...], last: str) -> list[str]:
    paths = [p for d in dirs for p in sorted(files) if posixpath.dirname(p) == d and p.endswith(".conf")]
    return paths + ([last] if last in files else [])


def collect_files(ctx: CheckContext) -> tuple[dict[str, str], list[str]]:
    """The text of every autologin file that exists, and the paths that exist but could not be read."""
    sys = ctx.system
    paths = list(GDM_FILES) + [SDDM_FILE, LIGHTDM_FILE, GREETD_FILE, *LXDM_FILES, NODM_FILE]
    denied: list[str] = []

    def listing(folder: str) -> list[str]:
        try:
            return sys.list_dir(folder) or []
        except ReadDenied:
            denied.append(folder)
            return []

    for folder in SDDM_DIRS + LIGHTDM_DIRS:
        paths += [posixpath.join(folder, n) for n in listing(folder) if n.endswith(".conf")]
    for unit in listing(SYSTEMD_DIR):
        if any(fnmatch.fnmatch(unit, pattern) for pattern in GETTY_FULL_UNITS):
            paths.append(posixpath.join(SYSTEMD_DIR, unit))
        if any(fnmatch.fnmatch(unit, pattern) for pattern in GETTY_UNITS):
            folder = posixpath.join(SYSTEMD_DIR, unit)
            paths += [posixpath.join(folder, n) for n in listing(folder) if n.endswith(".conf")]
    files: dict[str, str] = {}
    for path in paths:
        try:
            text = sys.read_text(path)
        except ReadDenied:
            denied.append(path)
            continue
        if text is not None:
            files[path] = text
    return files, denied


def read(ctx: CheckContext) -> AutologinFacts:
    files, denied = collect_files(ctx)
    facts = autologin_from_files(files)
    if not facts.enabled and denied:
        raise ProbeUnknown(
            f"Device Check is not allowed to read {', '.join(denied)}, so it cannot tell whether the laptop signs"
            " in by itself.",
        )
    if not facts.enabled and not files:
        raise ProbeUnknown(
            "Device Check found the settings of no sign-in screen it knows (GDM, SDDM, LightDM, LXDM, nodm, "
            "greetd or the text console), so it cannot tell whether the laptop signs in by itself."
        )
    return facts
