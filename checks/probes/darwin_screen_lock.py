"""macOS: does the screen lock by itself, and is a password asked on wake?

`sysadminctl -screenLock status` (macOS 13+) prints, on stderr and after a timestamp and process prefix,
one of "screenLock delay is immediate", "screenLock delay is N seconds" or "screenLock is off": the
password asked after the screen saver starts or the display sleeps. `defaults -currentHost read
com.apple.screensaver idleTime` gives the seconds before the screen saver starts (0 = never); when it
has never been changed `defaults` says the pair "does not exist", and Device Check then cannot tell the
idle time from it. `pmset -g custom` gives the display sleep in minutes for each power source ("Battery
Power:" and "AC Power:" sections, " displaysleep  10" lines; 0 = never); the password rule covers the display
turning off too, so whichever of the two comes first locks the screen. Anything else is unknown, never a guess.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checks.facts import LockFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

SCREENLOCK_ARGV = ("sysadminctl", "-screenLock", "status")
IDLE_ARGV = ("defaults", "-currentHost", "read", "com.apple.screensaver", "idleTime")
PMSET_ARGV = ("pmset", "-g", "custom")
_DELAY = re.compile(r"screenLock delay is (immediate|(\d+) seconds?)\b", re.IGNORECASE)
_OFF = re.compile(r"screenLock is off\b", re.IGNORECASE)

READS = (
    Read("command", " ".join(SCREENLOCK_ARGV), "How soon a password is asked after the screen saver or display sleep"),
    Read("command", " ".join(IDLE_ARGV), "How long before the screen saver starts"),
    Read("command", " ".join(PMSET_ARGV), "How long before the display turns off, on battery and plugged in"),
)


def parse_screenlock(text: str) -> tuple[bool, int | None] | None:
    """(password asked, delay seconds) from sysadminctl's stderr; None for a shape not seen before."""
    if _OFF.search(text):
        return False, None
    match = _DELAY.search(text)
    if not match:
        return None
    return True, 0 if match.group(1).lower() == "immediate" else int(match.group(2))


def parse_idle(returncode: int, stdout: str, stderr: str) -> int | None:
    """Screen saver idle seconds; None when never set or unreadable."""
    if returncode == 0 and _digits(stdout.strip()):
        return int(stdout.strip())
    return None


def parse_displaysleep(text: str) -> int | None:
    """Display sleep in seconds, the longer of battery and plugged in (0 = never on one of them); None if absent."""
    values: list[int] = []
    for line in text.splitlines():
        words = line.split()
        if line[:1].isspace() and len(words) >= 2 and words[0] == "displaysleep" and _digits(words[1]):
            values.append(int(words[1]) * 60)
    if not values:
        return None
    return 0 if 0 in values else max(values)


def first_to_lock(saver: int | None, display: int | None) -> int | None:
    """Seconds until the screen saver or the display sleep comes first; 0 when neither ever comes."""
    known = [v for v in (saver, display) if v is not None]
    if not known:
        return None
    running = [v for v in known if v > 0]
    return min(running) if running else 0


def read(ctx: CheckContext) -> LockFacts:
    lock = ctx.system.run(SCREENLOCK_ARGV)
    idle = ctx.system.run(IDLE_ARGV)
    parsed = parse_screenlock(lock.stderr + "\n" + lock.stdout) if not lock.missing else None
    saver_seconds = parse_idle(idle.returncode, idle.stdout, idle.stderr) if not idle.missing else None
    # "does not exist" (exit 1) is the real "never set"; a hang, another failure or an answer that is not a
    # number leaves the saver's time unknown, and then so is which of saver and display sleep comes first.
    saver_unknown = saver_seconds is None and "does not exist" not in idle.stderr + idle.stdout
    pmset = ctx.system.run(PMSET_ARGV)
    display_seconds = parse_displaysleep(pmset.stdout) if pmset.ok else None
    idle_seconds = None if saver_unknown else first_to_lock(saver_seconds, display_seconds)
    if parsed is None and idle_seconds is None:
        raise ProbeUnknown(
            "Device Check could not read this Mac's lock screen settings "
            f"({lock.why_not() if not lock.ok else 'sysadminctl gave an answer it does not recognise'}).",
        )
    sources = []
    if parsed is not None:
        sources.append("sysadminctl -screenLock status")
    if saver_seconds is not None:
        sources.append("screen saver idleTime")
    if display_seconds is not None:
        sources.append("pmset display sleep")
    asked, delay = parsed if parsed is not None else (None, None)
    # The screen saver starts at idleTime; the password delay after it is a grace (see the lock-on-wake check,
    # "from sleep / screen saver"), judged against max_grace_seconds like KDE's LockGrace, not added here.
    lock_delay = 0 if asked else None
    notes = []
    if saver_unknown:
        notes.append(
            "This Mac did not say when the screen saver starts"
            f" ({idle.why_not() if not idle.ok else 'an answer Device Check does not recognise'})."
        )
    elif idle_seconds is None:
        notes.append("This Mac did not say when the screen saver starts or the display turns off.")
    if parsed is None:
        notes.append("macOS did not say how soon a password is asked after the screen saver starts.")
    return LockFacts("macOS", idle_seconds, asked, lock_delay, asked, delay, tuple(sources), "macOS", tuple(notes))


def _digits(text: str) -> bool:
    # ASCII only: str.isdigit() is also true for "¹" or "²", which int() refuses.
    return text.isascii() and text.isdigit()
