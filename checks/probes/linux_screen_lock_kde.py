"""Screen lock on KDE Plasma 5 and 6: the `[Daemon]` group of kscreenlockerrc.

Keys, types and defaults are from KDE/kscreenlocker settings/kscreenlockersettings.kcfg: Autolock (Bool,
true), Timeout (Double, "the minutes after which the screen is locked", 5), LockGrace (Int, seconds, 5),
LockOnResume (Bool, true), RequirePassword (Bool, true). KConfig writes only what differs from the
default, so a missing file or key means the default, which is the secure choice.

The user's file ($XDG_CONFIG_HOME or ~/.config) overrides the system-wide /etc/xdg/kscreenlockerrc,
except for keys the system file marks immutable with [$i] (KDE's "kiosk" lock-down).
"""

from __future__ import annotations

import math
import posixpath
from typing import TYPE_CHECKING

from checks.facts import LockFacts

if TYPE_CHECKING:
    from checks.context import CheckContext

FILE_NAME = "kscreenlockerrc"
SYSTEM_FILE = "/etc/xdg/kscreenlockerrc"
DEFAULTS: dict[str, str] = {
    "Autolock": "true",
    "Timeout": "5",
    "LockGrace": "5",
    "LockOnResume": "true",
    "RequirePassword": "true",
}
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def parse_kconfig_group(text: str, group: str) -> dict[str, tuple[str, bool]]:
    """{key: (value, immutable)} for one group of a KConfig file. Locale variants (Key[en]) are skipped."""
    out: dict[str, tuple[str, bool]] = {}
    current = None
    group_immutable = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            name, _, rest = line[1:].partition("]")
            current = name
            group_immutable = "[$i]" in rest
            continue
        if current != group or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip()
        immutable = group_immutable
        if key.endswith("[$i]"):
            key, immutable = key[: -len("[$i]")], True
        if "[" in key:  # a translated variant, not the value itself
            continue
        out[key] = (value.strip(), immutable)
    return out


def merge_daemon(system_text: str | None, user_text: str | None) -> dict[str, str]:
    """The [Daemon] values in effect: defaults < system file < user file (unless the system locks a key)."""
    merged = {k: (v, False) for k, v in DEFAULTS.items()}
    for text in (system_text, user_text):
        if not text:
            continue
        for key, (value, immutable) in parse_kconfig_group(text, "Daemon").items():
            if merged.get(key, ("", False))[1]:
                continue  # the system file made it immutable
            merged[key] = (value, immutable)
    return {k: v for k, (v, _imm) in merged.items()}


def _bool(value: str) -> bool | None:
    low = value.strip().lower()
    return True if low in _TRUE else False if low in _FALSE else None


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    # "nan", "inf" or a negative time in a hand-edited file is no setting KDE would honour: cannot tell.
    return number if math.isfinite(number) and number >= 0 else None


def kde_facts(daemon: dict[str, str], sources: tuple[str, ...], plasma_version: str) -> LockFacts:
    autolock = _bool(daemon["Autolock"])
    minutes = _number(daemon["Timeout"])
    grace = _number(daemon["LockGrace"])
    on_resume = _bool(daemon["LockOnResume"])
    password = _bool(daemon["RequirePassword"])
    enabled = None if autolock is None or password is None else autolock and password
    wake = None if on_resume is None or password is None else on_resume and password
    return LockFacts(
        desktop="KDE",
        idle_seconds=None if minutes is None else round(minutes * 60),
        lock_enabled=enabled,
        lock_delay_seconds=0,  # the lock screen comes up when the timeout ends
        lock_on_wake=wake,
        # LockGrace: once the lock screen is up, it can be dismissed without a password for this long.
        # That is the same idea as macOS's "require password N seconds after the screen saver begins",
        # so it is judged against the profile's max_grace_seconds rather than added to the idle time.
        wake_grace_seconds=None if grace is None or not wake else max(0, round(grace)),
        sources=sources,
        settings_app="KDE" + ("5" if plasma_version == "5" else "6"),
    )


def user_config_dir(ctx: CheckContext) -> str:
    configured = ctx.system.env.get("XDG_CONFIG_HOME", "")
    # The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    return configured if configured.startswith("/") else posixpath.join(ctx.system.home, ".config")


def read_kde_lock(ctx: CheckContext) -> LockFacts:
    user_path = posixpath.join(user_config_dir(ctx), FILE_NAME)
    system_text = ctx.system.read_text(SYSTEM_FILE)
    user_text = ctx.system.read_text(user_path)
    daemon = merge_daemon(system_text, user_text)
    sources = [f"{user_path}: {'read' if user_text is not None else 'not present, so the defaults apply'}"]
    if system_text is not None:
        sources.append(f"{SYSTEM_FILE}: read")
    sources += [f"[Daemon] {k} = {v}" for k, v in daemon.items()]
    version = ctx.system.env.get("KDE_SESSION_VERSION", "6")
    return kde_facts(daemon, tuple(sources), version)
