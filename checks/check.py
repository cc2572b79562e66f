"""What one check is: its id, clause, outcome titles, judge and fix steps, declared once in its own module
under checks/catalogue/ and listed in that package's CATALOGUE.

A judge takes a CheckContext and returns a Verdict. It leaves `fix` empty unless it has a reason to choose:
the engine then gives the fix for the platform in use. `Verdict.fix_key` names a variant (for example
"locked" for a password store that is there but locked), looked up the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from checks.context import CheckContext
from checks.facts import Platform
from checks.model import Fix, Status, Verdict
from checks.probes import Topic

Judge = Callable[[CheckContext], Verdict]


@dataclass(frozen=True)
class Titles:
    """One title per outcome, so a row never reads as the opposite of its status."""

    name: str  # neutral, for lists and a check that is turned off: "Disk encryption"
    passed: str  # "Your disk is encrypted"
    failed: str  # "Your disk is not encrypted"
    unknown: str  # "Device Check can't tell whether your disk is encrypted"

    def for_status(self, status: Status) -> str:
        if status is Status.PASS:
            return self.passed
        if status in (Status.FAIL, Status.WARN):
            return self.failed
        if status in (Status.UNKNOWN, Status.ERROR):
            return self.unknown
        return self.name


@dataclass(frozen=True)
class Check:
    id: str
    clause: int
    titles: Titles
    judge: Judge
    # Fix steps by where they apply, most specific first when looked up:
    #   "<os>/<desktop>/<variant>", "<os>/<variant>", "<variant>", "<os>/<desktop>", "<os>", "*"
    # os: linux | windows | darwin; desktop: the Platform's desktop (GNOME, KDE, XFCE, ...).
    fixes: Mapping[str, Fix] = field(default_factory=dict)
    opt_in: bool = False  # off unless the profile or the candidate turns it on
    probe: Topic[Any] | None = None  # what it reads (checks/probes/<os>_<name>.py), for "What this app reads"

    @property
    def title(self) -> str:
        return self.titles.name

    def fix_for(self, platform: Platform, key: str = "") -> Fix | None:
        return fix_for(self.fixes, platform, key)


def fix_for(fixes: Mapping[str, Fix], platform: Platform, key: str = "") -> Fix | None:
    os_name, desktop = platform.os, platform.desktop or ""
    order = [f"{os_name}/{desktop}/{key}", f"{os_name}/{key}", key] if key else []
    order += [f"{os_name}/{desktop}", os_name, "*"]
    for name in order:
        if name and name in fixes:
            return fixes[name]
    return None
