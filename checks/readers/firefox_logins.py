"""Firefox profiles that hold saved logins without a primary password: the same on every OS, given the
profile folders. Reads only the number of saved logins (System.json_count: the entries never leave the
door, nor reach a snapshot) and key4.db's password-check row (nss_key4.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from checks.bounded import NotARegularFile
from checks.facts import BrowserPasswordFacts
from checks.readers.browser_profiles import BrowserProfile, join
from checks.readers.nss_key4 import has_primary_password
from checks.system import ReadDenied, System

KEY4_SQL = "SELECT item1, item2 FROM metadata WHERE id = 'password'"


@dataclass
class FirefoxPasswordState:
    unprotected: list[str] = field(default_factory=list)
    protected: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def _logins(n: int) -> str:
    return "1 saved password" if n == 1 else f"{n} saved passwords"


def firefox_password_state(system: System, profiles: Sequence[BrowserProfile]) -> FirefoxPasswordState:
    state = FirefoxPasswordState()
    for profile in profiles:
        if profile.family != "firefox":
            continue
        where = f"{profile.browser} profile '{profile.name}'"
        try:
            count = system.json_count(join(system, profile.path, "logins.json"), "logins")
        except NotARegularFile as exc:
            state.unreadable.append(f"{where}: its saved passwords file could not be read: {exc}")
            continue
        except ReadDenied:
            state.unreadable.append(f"{where}: its saved passwords file could not be read")
            continue
        if not count:
            continue  # no saved logins: nothing to protect
        try:
            rows = system.sqlite_query(join(system, profile.path, "key4.db"), KEY4_SQL)
        except ReadDenied:
            rows = None
        item1, item2 = (rows[0][0], rows[0][1]) if rows else (None, None)
        verdict = has_primary_password(item1, item2) if isinstance(item1, bytes) and isinstance(item2, bytes) else None
        if verdict is None:
            state.unreadable.append(
                f"{where}: {_logins(count)}, but Device Check could not tell whether a primary password protects them"
            )
        elif verdict:
            state.protected.append(f"{where}: {_logins(count)}, protected by a primary password")
        else:
            state.unprotected.append(f"{where}: {_logins(count)}, no primary password")
    return state


def firefox_only_facts(system: System, profiles: Sequence[BrowserProfile]) -> BrowserPasswordFacts:
    """Where only Firefox can leave saved passwords open (Windows and macOS lock Chromium's away)."""
    firefox = firefox_password_state(system, profiles)
    return BrowserPasswordFacts(
        unprotected=tuple(firefox.unprotected),
        protected=tuple(firefox.protected),
        unreadable=tuple(firefox.unreadable),
        browsers_seen=tuple(sorted({p.browser for p in profiles})),
        kinds=("firefox",) if firefox.unprotected or firefox.unreadable else (),
    )
