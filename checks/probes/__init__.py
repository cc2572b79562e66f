"""Per-OS and per-desktop probes behind one small interface, found by name.

A probe is a module `checks/probes/<os>_<topic>.py` (os: linux, windows, darwin) or, where the method is the
same everywhere, `common_<topic>.py`. It defines:

    READS: tuple[Read, ...]               what it reads, for the app's "What this app reads" page
    def read(ctx: CheckContext) -> Facts  reads through ctx.system only; raises ProbeUnknown when it
                                          cannot tell. Parsing lives in pure functions beside it.

`facts_for(ctx, topic)` picks the module for the running OS (or the snapshot's), falls back to an
"unsupported" answer when there is none, and reads once per run however many checks ask.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any

from checks.facts import Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

OS_NAMES = {"linux": "Linux", "windows": "Windows", "darwin": "macOS"}
TOPICS = (
    "screen_lock",
    "account_password",
    "autologin",
    "disk_encryption",
    "firewall",
    "os_updates",
    "malware_protection",
    "social_apps",
    "social_sites",
    "credential_store",
    "password_manager",
    "browser_passwords",
    "plaintext_passwords",
)


def probe_module(topic: str, os_name: str) -> ModuleType | None:
    for name in (f"{os_name}_{topic}", f"common_{topic}"):
        try:
            return importlib.import_module(f"checks.probes.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"checks.probes.{name}":  # a real import error inside the probe: let it show
                raise
    return None


def facts_for(ctx: CheckContext, topic: str) -> Any:
    os_name = ctx.system.platform
    module = probe_module(topic, os_name)
    if module is None:
        raise ProbeUnknown(f"Device Check cannot check this on {OS_NAMES.get(os_name, os_name)} yet.")
    return ctx.shared(topic, lambda: module.read(ctx))


def all_reads(os_name: str) -> list[tuple[str, Read]]:
    """(topic, Read) for every probe on this OS: the source of the "What this app reads" page."""
    out: list[tuple[str, Read]] = []
    for topic in TOPICS:
        module = probe_module(topic, os_name)
        for read in getattr(module, "READS", ()) if module else ():
            out.append((topic, read))
    return out
