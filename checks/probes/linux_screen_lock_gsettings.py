"""Screen lock on the GSettings desktops: GNOME (and Ubuntu's "ubuntu:GNOME"), Cinnamon and MATE.

Keys and units come from the installed schema XML (Debian 12, /usr/share/glib-2.0/schemas):
- org.gnome.desktop.session idle-delay: uint32, "The number of seconds of inactivity before the session
  is considered idle" (default 300); org.gnome.desktop.screensaver lock-enabled (b, true), lock-delay
  (uint32, "seconds after screensaver activation before locking", 0). Upstream gnome-shell locks on
  suspend whenever lock-enabled is true; Ubuntu patches in a separate `ubuntu-lock-on-suspend` key.
  org.gnome.desktop.lockdown disable-lock-screen = true turns locking off altogether.
- org.cinnamon.desktop.session idle-delay: uint32 seconds (default 900); org.cinnamon.desktop.screensaver
  lock-enabled, lock-delay (uint32 seconds). Lock on suspend: cinnamon-settings-daemon's
  org.cinnamon.settings-daemon.plugins.power lock-on-suspend.
- org.mate.session idle-delay: int32, "The number of minutes of inactivity" (default 5);
  org.mate.screensaver idle-activation-enabled (b), lock-enabled (b), lock-delay (int32, "The number of
  minutes after screensaver activation before locking"). Lock on suspend: mate-power-manager's
  org.mate.power-manager lock-suspend.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.facts import LockFacts
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

# GLib falls back to this backend when dconf is missing: every value is then the default, not the user's.
MEMORY_BACKEND_HINT = "memory' GSettings backend"
_INT_PREFIXES = ("uint32", "int32", "uint64", "int64", "uint16", "int16", "byte")


@dataclass(frozen=True)
class GKey:
    schema: str
    key: str
    minutes: bool = False  # MATE stores minutes; everything is seconds once read
    optional: bool = False  # absent on some installs (a distro patch or a daemon not installed)


@dataclass(frozen=True)
class GDesktop:
    name: str
    idle: GKey
    lock_enabled: GKey
    lock_delay: GKey
    wake: tuple[GKey, ...]  # first readable key decides lock-on-wake; none readable = unknown
    idle_activation: GKey | None = None  # MATE: the saver may never start when idle
    lockdown: GKey | None = None  # GNOME: locking forbidden altogether


GNOME = GDesktop(
    "GNOME",
    idle=GKey("org.gnome.desktop.session", "idle-delay"),
    lock_enabled=GKey("org.gnome.desktop.screensaver", "lock-enabled"),
    lock_delay=GKey("org.gnome.desktop.screensaver", "lock-delay"),
    wake=(
        GKey("org.gnome.desktop.screensaver", "ubuntu-lock-on-suspend", optional=True),
        GKey("org.gnome.desktop.screensaver", "lock-enabled"),
    ),
    lockdown=GKey("org.gnome.desktop.lockdown", "disable-lock-screen", optional=True),
)
CINNAMON = GDesktop(
    "Cinnamon",
    idle=GKey("org.cinnamon.desktop.session", "idle-delay"),
    lock_enabled=GKey("org.cinnamon.desktop.screensaver", "lock-enabled"),
    lock_delay=GKey("org.cinnamon.desktop.screensaver", "lock-delay"),
    wake=(GKey("org.cinnamon.settings-daemon.plugins.power", "lock-on-suspend", optional=True),),
)
MATE = GDesktop(
    "MATE",
    idle=GKey("org.mate.session", "idle-delay", minutes=True),
    lock_enabled=GKey("org.mate.screensaver", "lock-enabled"),
    lock_delay=GKey("org.mate.screensaver", "lock-delay", minutes=True),
    wake=(GKey("org.mate.power-manager", "lock-suspend", optional=True),),
    idle_activation=GKey("org.mate.screensaver", "idle-activation-enabled"),
)
DESKTOPS = {d.name: d for d in (GNOME, CINNAMON, MATE)}


def parse_gvariant(text: str) -> int | bool | None:
    """`gsettings get` output -> int or bool. `uint32 300` and `5` are numbers, `true`/`false` booleans."""
    value = text.strip()
    if value in ("true", "false"):
        return value == "true"
    parts = value.split()
    if len(parts) == 2 and parts[0] in _INT_PREFIXES:
        value = parts[1]
    try:
        return int(value)
    except ValueError:
        return None


def _key_missing(stderr: str) -> bool:
    return "No such key" in stderr or "No such schema" in stderr


class GSettingsReader:
    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.values: dict[str, int | bool | None] = {}  # raw values as stored, for evidence

    def get(self, k: GKey) -> int | bool | None:
        """The key's value (seconds for durations); None when an optional key is absent. Raises ProbeUnknown."""
        name = f"{k.schema} {k.key}"
        if name not in self.values:
            self.values[name] = self._fetch(k)
        value = self.values[name]
        if k.minutes and isinstance(value, int) and not isinstance(value, bool):
            return value * 60
        return value

    def _fetch(self, k: GKey) -> int | bool | None:
        argv = ["gsettings", "get", k.schema, k.key]
        res = self.ctx.system.run(argv)
        if MEMORY_BACKEND_HINT in res.stderr:
            raise ProbeUnknown(
                "GSettings answered from its temporary 'memory' store, not your saved settings"
                " (the dconf settings store is not installed)."
            )
        if not res.ok:
            if k.optional and _key_missing(res.stderr):
                return None
            raise ProbeUnknown(f"Could not read the setting {k.schema} {k.key}: {res.why_not()}.")
        value = parse_gvariant(res.stdout)
        if value is None:
            raise ProbeUnknown(f"The setting {k.schema} {k.key} had a value Device Check does not understand.")
        return value


def read_gsettings_lock(ctx: CheckContext, desktop: GDesktop) -> LockFacts:
    reader = GSettingsReader(ctx)
    idle = reader.get(desktop.idle)
    enabled = reader.get(desktop.lock_enabled)
    delay = reader.get(desktop.lock_delay)
    if desktop.idle_activation is not None and reader.get(desktop.idle_activation) is False:
        idle = 0  # the saver never starts by itself, so the screen never locks when idle
    if desktop.lockdown is not None and reader.get(desktop.lockdown) is True:
        enabled = False
    notes: list[str] = []
    wake: bool | None = None
    for key in desktop.wake:
        found = reader.get(key)
        if found is not None:
            wake = bool(found)
            break
    if enabled is False:
        wake = False  # with locking off (or forbidden) nothing asks for a password on wake either
    if wake is None:
        names = " or ".join(f"{k.schema} {k.key}" for k in desktop.wake)
        notes.append(f"The setting for locking on sleep ({names}) is not installed on this {desktop.name} system.")
    return LockFacts(
        desktop=desktop.name,
        idle_seconds=_as_int(idle),
        lock_enabled=None if enabled is None else bool(enabled),
        lock_delay_seconds=_as_int(delay),
        lock_on_wake=wake,
        wake_grace_seconds=0 if wake else None,  # these desktops lock at once on suspend
        sources=tuple(
            f"gsettings {name} = {'(not installed)' if value is None else str(value).lower()}"
            for name, value in reader.values.items()
        ),
        settings_app=desktop.name,
        notes=tuple(notes),
    )


def _as_int(value: int | bool | None) -> int | None:
    # A negative number of seconds (garbage from a broken schema) is not a setting: cannot tell.
    return None if value is None or isinstance(value, bool) or value < 0 else value
