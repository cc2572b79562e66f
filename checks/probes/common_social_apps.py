"""Running social apps: the process list against the profile's [[social_apps]] names for this OS.

The same on every OS: only the names differ, and they come from the profile. Matching: social_match.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import Read, RunningSocialApps
from checks.readers.social_app_match import match_social_apps

if TYPE_CHECKING:
    from checks.context import CheckContext

READS = (
    Read(
        "processes",
        "the names of the programs that are running",
        "whether a social media app from your agency's list is open (only the app's name is kept)",
    ),
)


def read(ctx: CheckContext) -> RunningSocialApps:
    processes = ctx.system.processes()
    apps = match_social_apps(processes, ctx.profile.social_apps, ctx.system.platform)
    return RunningSocialApps(apps, processes_seen=len(processes))
