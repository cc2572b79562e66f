"""Screen lock and password on wake on Linux: picks the running desktop's reader.

The desktop comes from the session's environment (checks/desktops.py). Each family has its own module:
GSettings desktops (GNOME, Cinnamon, MATE) in linux_lock_gsettings, XFCE in linux_lock_xfce, KDE Plasma in
linux_lock_kde. Any other desktop, or none, is `unknown` naming it: never a guessed pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import LockFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

READS = (
    Read(
        "command",
        "gsettings get org.gnome.desktop.session idle-delay (and the Cinnamon and MATE equivalents)",
        "How long your computer waits before it blanks the screen (GNOME, Cinnamon, MATE).",
    ),
    Read(
        "command",
        "gsettings get org.gnome.desktop.screensaver lock-enabled / lock-delay / ubuntu-lock-on-suspend",
        "Whether the screen locks when it blanks, how soon, and whether it locks when the laptop sleeps.",
    ),
    Read(
        "command",
        "gsettings get org.gnome.desktop.lockdown disable-lock-screen",
        "Whether locking the screen has been turned off altogether (GNOME).",
    ),
    Read(
        "command",
        "xfconf-query -c xfce4-screensaver -l -v; xfconf-query -c xfce4-power-manager -l -v",
        "XFCE's screen saver and lock settings, and whether it locks on sleep.",
    ),
    Read(
        "command",
        "gsettings get apps.light-locker lock-after-screensaver / lock-on-suspend",
        "light-locker's lock settings (older XFCE systems).",
    ),
    Read("file", "~/.config/kscreenlockerrc, /etc/xdg/kscreenlockerrc", "KDE Plasma's screen locking settings."),
)


def read(ctx: CheckContext) -> LockFacts:
    platform = ctx.platform
    desktop = platform.desktop
    if desktop in ("GNOME", "Cinnamon", "MATE"):
        from checks.probes.linux_screen_lock_gsettings import DESKTOPS, read_gsettings_lock

        return read_gsettings_lock(ctx, DESKTOPS[desktop])
    if desktop == "XFCE":
        from checks.probes.linux_screen_lock_xfce import read_xfce_lock

        return read_xfce_lock(ctx)
    if desktop == "KDE":
        from checks.probes.linux_screen_lock_kde import read_kde_lock

        return read_kde_lock(ctx)
    if platform.desktop_raw:
        raise ProbeUnknown(f"Device Check does not know how to read the screen lock on {platform.desktop_raw} yet.")
    raise ProbeUnknown("No desktop session was found, so Device Check cannot read the screen lock settings.")
