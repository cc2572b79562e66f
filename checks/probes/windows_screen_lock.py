"""Windows: does the screen lock by itself, and is a password asked on wake?

Windows has several ways to lock an idle laptop; the probe finds each one that is on and keeps the
quickest:
  - a password-protected screen saver (HKCU\\Control Panel\\Desktop, or its Group Policy copy), only when a
    screen saver program is chosen (SCRNSAVE.EXE): "secure, after N seconds" with "(None)" runs nothing;
  - the machine inactivity limit (InactivityTimeoutSecs);
  - on a Modern Standby laptop, the display turning off (powercfg VIDEOIDLE) followed by the
    "If you've been away" delay (DelayLockInterval);
  - on other laptops, sleep (powercfg STANDBYIDLE) with "require a password on wake-up" (CONSOLELOCK).
powercfg values are read by GUID and position, never by their translated labels (checks/readers/powercfg.py).
CONSOLELOCK is a hidden setting, so it is read with `/qh`; a Modern Standby laptop prints only the scheme
header for it, and the probe then falls back to DelayLockInterval.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from checks.facts import LockFacts, Read
from checks.model import ProbeUnknown
from checks.readers.powercfg import (
    CONSOLELOCK,
    STANDBYIDLE,
    VIDEOIDLE,
    PowerValue,
    scheme_header_only,
    setting_value,
)

if TYPE_CHECKING:
    from checks.context import CheckContext

DESKTOP = r"HKEY_CURRENT_USER\Control Panel\Desktop"
DESKTOP_POLICY = r"HKEY_CURRENT_USER\Software\Policies\Microsoft\Windows\Control Panel\Desktop"
SYSTEM_POLICY = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System"
CONSOLELOCK_POLICY = rf"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Power\PowerSettings\{CONSOLELOCK}"
SAVER_NAMES = ("ScreenSaveActive", "ScreenSaverIsSecure", "ScreenSaveTimeOut", "SCRNSAVE.EXE")

# Aliases in the command (documented since Windows 7); the output names the GUIDs, which the parser uses.
VIDEOIDLE_ARGV = ("powercfg", "/query", "SCHEME_CURRENT", "SUB_VIDEO", "VIDEOIDLE")
STANDBYIDLE_ARGV = ("powercfg", "/query", "SCHEME_CURRENT", "SUB_SLEEP", "STANDBYIDLE")
CONSOLELOCK_ARGV = ("powercfg", "/qh", "SCHEME_CURRENT", "SUB_NONE", "CONSOLELOCK")
LONGEST_DELAY_LOCK = 24 * 3600  # DelayLockInterval beyond this is a shape we have not seen documented
# "Never" in the "If you've been away" list, as tweak tools write it (a DWORD; -1 if read as signed). U8.
DELAY_LOCK_NEVER = (0xFFFFFFFF, -1)

READS = (
    Read("command", " ".join(VIDEOIDLE_ARGV), "How long before the screen turns off"),
    Read("command", " ".join(STANDBYIDLE_ARGV), "How long before the laptop goes to sleep"),
    Read("command", " ".join(CONSOLELOCK_ARGV), "Whether a password is asked when the laptop wakes"),
    Read("registry", DESKTOP, "Screen saver, its password and the 'If you've been away' sign-in delay"),
    Read("registry", DESKTOP_POLICY, "A screen saver set by your organisation"),
    Read("registry", SYSTEM_POLICY + r"\InactivityTimeoutSecs", "A machine inactivity limit"),
    Read("registry", CONSOLELOCK_POLICY, "A wake-up password rule set by your organisation"),
)


def as_int(value: str | int | None) -> int | None:
    """Registry numbers come as DWORDs or as strings ("600"); anything else is unreadable."""
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _digits(value.strip().lstrip("-")):
        return int(value.strip())
    return None


def worst_case(value: PowerValue) -> int:
    """The longer of plugged-in and battery, with 0 (never) the longest of all: the laptop may be either."""
    if value.ac == 0 or value.dc == 0:
        return 0
    return max(value.ac, value.dc)


def saver_program(user: dict[str, str | int], policy: dict[str, str | int]) -> str:
    """The screen saver program chosen (policy first), or "" when none is: "(None)" in the dialog leaves
    SCRNSAVE.EXE absent or empty, and then, Microsoft's ADMX text says, no screen saver runs, so none locks."""
    for values in (policy, user):
        program = values.get("SCRNSAVE.EXE")
        if isinstance(program, str) and program.strip():
            return program.strip()
    return ""


def saver_route(user: dict[str, str | int], policy: dict[str, str | int], program_exists: bool = True) -> int | None:
    """Idle seconds before a password-protected screen saver starts; policy values win. "Secure, after N
    seconds" with no program chosen (or one that is not on disk) starts nothing, so it is no lock."""
    merged = {**user, **policy}
    active = as_int(merged.get("ScreenSaveActive"))
    secure = as_int(merged.get("ScreenSaverIsSecure"))
    timeout = as_int(merged.get("ScreenSaveTimeOut"))
    if not saver_program(user, policy) or not program_exists:
        return None
    if active == 1 and secure == 1 and timeout and timeout > 0:
        return timeout
    return None


def wake_from_delay_lock(delay: int | None, present: bool = True) -> tuple[bool | None, int | None]:
    """Modern Standby's "If you've been away" value (docs/unconfirmed.md#U8): absent is the default, "every
    time"; 0 is "every time"; 0xFFFFFFFF is "never"; else seconds. Anything past a day: unknown."""
    if not present:
        return True, 0
    if delay in DELAY_LOCK_NEVER:
        return False, None
    if delay is None or delay < 0 or delay > LONGEST_DELAY_LOCK:
        return None, None
    return True, delay


def combine(
    videoidle: PowerValue | None,
    standbyidle: PowerValue | None,
    consolelock: PowerValue | None,
    consolelock_read: bool,
    consolelock_policy: dict[str, str | int],
    desktop: dict[str, str | int],
    desktop_policy: dict[str, str | int],
    inactivity: int | None,
    saver_program_exists: bool = True,
    consolelock_header_only: bool = True,
) -> LockFacts:
    """Pure: every fact read, weighed into one LockFacts."""
    sources: list[str] = []
    routes: list[tuple[int, int, str]] = []  # (idle, delay, what)
    saver = saver_route(desktop, desktop_policy, saver_program_exists)
    if saver:
        # The saver's few-second grace (Winlogon ScreenSaverGracePeriod) is a grace, like KDE's LockGrace:
        # not added to the idle time.
        routes.append((saver, 0, "password-protected screen saver"))
    if inactivity and inactivity > 0:
        routes.append((inactivity, 0, "machine inactivity limit"))

    # Require a password on wake: an organisation's rule first, then the power plan, then Modern Standby.
    lock_on_wake: bool | None
    wake_grace: int | None
    ac, dc = as_int(consolelock_policy.get("ACSettingIndex")), as_int(consolelock_policy.get("DCSettingIndex"))
    delay_lock = as_int(desktop.get("DelayLockInterval"))
    # powercfg answered with only the scheme header for CONSOLELOCK: the Modern Standby shape (Pareto uses the
    # same sign; docs/unconfirmed.md#U2). Empty or garbled output is not that shape: then nothing is assumed.
    modern_standby = consolelock_read and consolelock is None and consolelock_header_only
    if ac is not None and dc is not None:
        lock_on_wake, wake_grace = (ac == 1 and dc == 1), 0
        sources.append("wake-up password rule (Group Policy)")
    elif consolelock is not None:
        lock_on_wake, wake_grace = (consolelock.ac == 1 and consolelock.dc == 1), 0
        sources.append("powercfg CONSOLELOCK")
    elif modern_standby or "DelayLockInterval" in desktop:
        # Its absence means the default ("every time") only where the setting exists: on Modern Standby.
        lock_on_wake, wake_grace = wake_from_delay_lock(delay_lock, "DelayLockInterval" in desktop)
        if lock_on_wake is not None:
            sources.append("DelayLockInterval (Modern Standby)")
    else:
        lock_on_wake, wake_grace = None, None

    display = worst_case(videoidle) if videoidle else None
    if modern_standby and display and lock_on_wake:
        # On Modern Standby the screen turning off is standby; the "If you've been away" delay that follows
        # is the wake grace (judged by lock-on-wake), not added here.
        routes.append((display, 0, "screen turning off (Modern Standby)"))
    # Sleep locks only where the power plan (or a policy) says a password is asked on wake.
    if not modern_standby and standbyidle and lock_on_wake and (consolelock is not None or ac is not None):
        sleep = worst_case(standbyidle)
        if sleep:
            routes.append((sleep, 0, "sleep with a password on wake"))

    notes: tuple[str, ...] = ()
    if lock_on_wake is None:
        notes = (
            "Windows did not say when it asks for your password after the screen turns off "
            "(the 'If you've been away' setting).",
        )
    if routes:
        idle, delay, what = min(routes, key=lambda r: r[0] + r[1])
        sources.insert(0, what)
        return LockFacts("Windows", idle, True, delay, lock_on_wake, wake_grace, tuple(sources), "Windows", notes)
    if videoidle is None:
        raise ProbeUnknown(
            "Device Check could not read this laptop's power settings (powercfg did not answer), "
            "so it cannot tell when the screen locks.",
            "Windows",
        )
    if lock_on_wake is None and modern_standby and display:
        # The screen may well lock when it turns off, but Windows did not say when it asks for the password.
        return LockFacts("Windows", display, None, None, None, None, tuple(sources), "Windows", notes)
    if not consolelock_read or (consolelock is None and not modern_standby and ac is None):
        # powercfg did not answer about CONSOLELOCK (or gave an answer of no known shape), so neither "a password
        # on wake from sleep" nor "Modern Standby, where the screen turning off is standby" can be told: never
        # guess a fail.
        notes = (*notes, "powercfg did not say whether a password is asked when the laptop wakes from sleep.")
        return LockFacts("Windows", display, None, None, None, None, tuple(sources), "Windows", notes)
    sources.insert(0, "no screen saver password or sign-in delay locks the screen")
    return LockFacts("Windows", display, False, None, lock_on_wake, wake_grace, tuple(sources), "Windows", notes)


def read(ctx: CheckContext) -> LockFacts:
    system = ctx.system

    def query(argv: tuple[str, ...], guid: str) -> PowerValue | None:
        result = system.run(argv)
        return setting_value(result.stdout, guid) if result.ok else None

    consolelock_answer = system.run(CONSOLELOCK_ARGV)
    consolelock_read = consolelock_answer.ok
    consolelock = setting_value(consolelock_answer.stdout, CONSOLELOCK) if consolelock_read else None

    inactivity = system.registry_values(SYSTEM_POLICY, ["InactivityTimeoutSecs"]).get("InactivityTimeoutSecs")
    desktop = system.registry_values(DESKTOP, [*SAVER_NAMES, "DelayLockInterval"])
    desktop_policy = system.registry_values(DESKTOP_POLICY, list(SAVER_NAMES))
    program = program_path(saver_program(desktop, desktop_policy), system.env)
    return combine(
        videoidle=query(VIDEOIDLE_ARGV, VIDEOIDLE),
        standbyidle=query(STANDBYIDLE_ARGV, STANDBYIDLE),
        consolelock=consolelock,
        consolelock_read=consolelock_read,
        consolelock_policy=system.registry_values(CONSOLELOCK_POLICY, ["ACSettingIndex", "DCSettingIndex"]),
        desktop=desktop,
        desktop_policy=desktop_policy,
        inactivity=as_int(inactivity),
        saver_program_exists=not program or system.file_info(program) is not None,
        consolelock_header_only=consolelock_read and scheme_header_only(consolelock_answer.stdout),
    )


def program_path(program: str, env: Mapping[str, str]) -> str:
    """The screen saver's full path when it is given as one (environment names expanded), else "": a bare
    name is looked up by Windows itself, so it is not checked here."""
    for name in ("SystemRoot", "windir"):
        value = env.get(name) or env.get(name.upper())
        if value:
            program = re.compile(rf"%{name}%", re.IGNORECASE).sub(value.replace("\\", "\\\\"), program)
    absolute = len(program) > 2 and program[0].isalpha() and program[1:3] == ":\\"
    return program if absolute and "%" not in program else ""


def _digits(text: str) -> bool:
    # ASCII only: str.isdigit() is also true for "¹" or "²", which int() refuses.
    return text.isascii() and text.isdigit()
