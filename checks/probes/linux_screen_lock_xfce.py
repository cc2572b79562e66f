"""Screen lock on XFCE: xfce4-screensaver (settings in xfconf) or the older light-locker.

xfce4-screensaver keeps its settings in the xfconf channel `xfce4-screensaver`; a property that was never
set is absent and means the default. Names, defaults and units (minutes) are from xfce4-screensaver's
src/gs-prefs.h: /saver/enabled (true), /saver/idle-activation/enabled (true), /saver/idle-activation/delay
(5, minutes), /lock/enabled (true), /lock/saver-activation/enabled (true), /lock/saver-activation/delay
(0, minutes); lock on sleep is shared with the power manager: channel `xfce4-power-manager`,
/xfce4-power-manager/lock-screen-suspend-hibernate (true).

We list each channel once (`xfconf-query -c CHANNEL -l -v`, one line per property that is set) instead of
asking for each property: two commands instead of seven, and "absent" is plain to see.

light-locker (Debian 12's XFCE default: xfce4-screensaver is not packaged there) keeps its settings in
GSettings, schema apps.light-locker (light-locker's data/apps.light-locker.gschema.xml.in.in):
lock-after-screensaver (uint32 seconds, 0 = never locks after the screen saver, default 5) and
lock-on-suspend (b). When the screen saver starts is the X server's screen-saver timeout, which
xfce4-power-manager sets; Device Check does not read that yet, so the idle time is unknown there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import LockFacts
from checks.model import ProbeUnknown
from checks.probes.linux_screen_lock_gsettings import GKey, GSettingsReader

if TYPE_CHECKING:
    from checks.context import CheckContext

SAVER_CHANNEL = "xfce4-screensaver"
POWER_CHANNEL = "xfce4-power-manager"
SAVER_DEFAULTS: dict[str, bool | int] = {
    "/saver/enabled": True,
    "/saver/idle-activation/enabled": True,
    "/saver/idle-activation/delay": 5,
    "/lock/enabled": True,
    "/lock/saver-activation/enabled": True,
    "/lock/saver-activation/delay": 0,
}
LOCK_ON_SLEEP = "/xfce4-power-manager/lock-screen-suspend-hibernate"


def parse_xfconf_list(text: str) -> dict[str, str]:
    """`xfconf-query -c CHANNEL -l -v` -> {property: value text}. Each line is "/path   value"."""
    props: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("/"):
            continue
        path, _, value = line.partition(" ")
        props[path] = value.strip()
    return props


def _typed(raw: str | None, default: bool | int) -> bool | int | None:
    if raw is None:
        return default
    if isinstance(default, bool):
        return {"true": True, "false": False}.get(raw.lower())
    try:
        number = int(raw)
    except ValueError:
        return None
    return number if number >= 0 else None  # a negative delay is no setting xfce4-screensaver honours


def xfce_saver_facts(saver: dict[str, str], power: dict[str, str]) -> LockFacts:
    """Facts from the two channels' set properties (absent = xfce4-screensaver's default)."""
    v = {path: _typed(saver.get(path), default) for path, default in SAVER_DEFAULTS.items()}
    on_sleep = _typed(power.get(LOCK_ON_SLEEP), True)
    delay = v["/saver/idle-activation/delay"]
    idle: int | None
    if v["/saver/enabled"] is False or v["/saver/idle-activation/enabled"] is False:
        idle = 0  # the saver never starts by itself
    else:
        idle = None if delay is None or isinstance(delay, bool) else delay * 60
    lock_on = v["/lock/enabled"]
    with_saver = v["/lock/saver-activation/enabled"]
    lock_delay = v["/lock/saver-activation/delay"]
    enabled = None if lock_on is None or with_saver is None else bool(lock_on and with_saver)
    wake = None if lock_on is None or on_sleep is None else bool(lock_on and on_sleep)
    sources = [
        f"xfconf {SAVER_CHANNEL} {p} = {saver.get(p, f'(not set: {str(d).lower()})')}"
        for p, d in SAVER_DEFAULTS.items()
    ]
    sources.append(f"xfconf {POWER_CHANNEL} {LOCK_ON_SLEEP} = {power.get(LOCK_ON_SLEEP, '(not set: true)')}")
    return LockFacts(
        desktop="XFCE",
        idle_seconds=idle,
        lock_enabled=enabled,
        lock_delay_seconds=None if lock_delay is None or isinstance(lock_delay, bool) else lock_delay * 60,
        lock_on_wake=wake,
        wake_grace_seconds=0 if wake else None,
        sources=tuple(sources),
        settings_app="xfce4-screensaver",
    )


def _list_channel(ctx: CheckContext, channel: str) -> dict[str, str]:
    res = ctx.system.run(["xfconf-query", "-c", channel, "-l", "-v"])
    if res.ok:
        props = parse_xfconf_list(res.stdout)
        # Nothing printed is a real answer (a channel with nothing set: the defaults apply); lines that are
        # not "/property value" are not one we understand, and garbage must never pass as the defaults.
        if any(line.strip() and not line.startswith("/") for line in res.stdout.splitlines()):
            raise ProbeUnknown(
                f"The answer from 'xfconf-query' for {channel} was not in a form Device Check understands."
            )
        return props
    if "does not exist" in (res.stderr + res.stdout) or "contains no properties" in (res.stderr + res.stdout):
        return {}  # nothing set on this channel: every property has its default
    raise ProbeUnknown(f"Could not read XFCE's settings ({channel}): {res.why_not()}.")


def read_light_locker(ctx: CheckContext) -> LockFacts:
    reader = GSettingsReader(ctx)
    after = reader.get(GKey("apps.light-locker", "lock-after-screensaver"))
    on_suspend = reader.get(GKey("apps.light-locker", "lock-on-suspend"))
    after_int = None if after is None or isinstance(after, bool) else after
    wake = None if on_suspend is None else bool(on_suspend)
    return LockFacts(
        desktop="XFCE",
        idle_seconds=None,
        lock_enabled=None if after_int is None else after_int > 0,
        lock_delay_seconds=after_int,
        lock_on_wake=wake,
        wake_grace_seconds=0 if wake else None,
        sources=tuple(f"gsettings {name} = {str(value).lower()}" for name, value in reader.values.items()),
        settings_app="light-locker",
        notes=(
            "With light-locker, when the screen saver starts is set by the X server, which Device Check"
            " cannot read yet.",
        ),
    )


def read_xfce_lock(ctx: CheckContext) -> LockFacts:
    has_saver = ctx.system.which("xfce4-screensaver") is not None
    if not has_saver and ctx.system.which("light-locker") is not None:
        return read_light_locker(ctx)
    if not has_saver:
        raise ProbeUnknown(
            "No screen locker was found on this XFCE desktop (neither xfce4-screensaver nor light-locker).",
            "no-locker",
        )
    return xfce_saver_facts(_list_channel(ctx, SAVER_CHANNEL), _list_channel(ctx, POWER_CHANNEL))
