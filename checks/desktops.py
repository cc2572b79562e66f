"""Which Linux desktop is running, from the environment the session sets."""

from __future__ import annotations

from collections.abc import Mapping

# Environment variables a snapshot keeps: they decide which probe runs. Nothing else from env is recorded.
ENV_KEYS = (
    "XDG_CURRENT_DESKTOP",
    "DESKTOP_SESSION",
    "XDG_SESSION_DESKTOP",
    "XDG_SESSION_TYPE",
    "KDE_SESSION_VERSION",
    "GNOME_DESKTOP_SESSION_ID",
    "LOCALAPPDATA",
    "APPDATA",
    "USERPROFILE",
    "PROGRAMFILES",
    "PROGRAMFILES(X86)",
    "SYSTEMDRIVE",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "PATH",
)

_ALIASES = {
    "gnome": "GNOME",
    "ubuntu": "GNOME",
    "gnome-classic": "GNOME",
    "gnome-flashback": "GNOME",
    "pop": "GNOME",
    "unity": "GNOME",
    "budgie": None,
    "kde": "KDE",
    "plasma": "KDE",
    "plasmawayland": "KDE",
    "plasmax11": "KDE",
    "x-cinnamon": "Cinnamon",
    "cinnamon": "Cinnamon",
    "mate": "MATE",
    "xfce": "XFCE",
    "xfce4": "XFCE",
    "xubuntu": "XFCE",
}


def detect_desktop(env: Mapping[str, str]) -> tuple[str | None, str]:
    """(known desktop or None, the raw name as the session gave it, or "" when there is none).

    XDG_CURRENT_DESKTOP is a colon list, most specific first (Ubuntu sets "ubuntu:GNOME"); any known
    entry decides. DESKTOP_SESSION is the fallback for older display managers."""
    raw = env.get("XDG_CURRENT_DESKTOP", "") or env.get("XDG_SESSION_DESKTOP", "") or env.get("DESKTOP_SESSION", "")
    names = [p for p in raw.replace(";", ":").split(":") if p]
    if not names and env.get("DESKTOP_SESSION"):
        names = [env["DESKTOP_SESSION"]]
    for part in names:
        known = _ALIASES.get(part.strip().lower())
        if known:
            return known, raw
    session = env.get("DESKTOP_SESSION", "").strip().lower()
    for key, known_name in _ALIASES.items():
        if known_name and session.startswith(key):
            return known_name, raw or session
    return None, raw
