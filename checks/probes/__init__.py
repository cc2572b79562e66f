"""Per-OS and per-desktop probes behind one small interface, found by name.

A probe is a module `checks/probes/<os>_<topic>.py` (os: linux, windows, darwin) or, where the method is the
same everywhere, `common_<topic>.py`. It defines:

    READS: tuple[Read, ...]               what it reads, for the app's "What this app reads" page
    def read(ctx: CheckContext) -> Facts  reads through ctx.system only; raises ProbeUnknown when it
                                          cannot tell. Parsing lives in pure functions beside it.

Each topic is named after the check it serves and typed with the facts its probes return (below), so
`facts_for(ctx, SCREEN_LOCK)` is a LockFacts to the type checker and is checked to be one at run time.
`facts_for` picks the module for the running OS (or the snapshot's), falls back to an
"unsupported" answer when there is none, and reads once per run however many checks ask.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Generic, TypeVar

from checks.facts import (
    AccountPasswordFacts,
    AutologinFacts,
    BrowserPasswordFacts,
    CredentialStoreFacts,
    DiskEncryptionFacts,
    FirewallFacts,
    LockFacts,
    MalwareFacts,
    PasswordFileFacts,
    PasswordManagerFacts,
    Read,
    RunningSocialApps,
    SiteVisitFacts,
    UpdateFacts,
)
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

OS_NAMES = {"linux": "Linux", "windows": "Windows", "darwin": "macOS"}
F = TypeVar("F")


@dataclass(frozen=True)
class Topic(Generic[F]):
    """What a probe reads: its module name part and the facts it returns."""

    name: str
    facts: type[F]


SCREEN_LOCK = Topic("screen_lock", LockFacts)  # serves screen-lock and lock-on-wake
ACCOUNT_PASSWORD = Topic("account_password", AccountPasswordFacts)
AUTOLOGIN = Topic("autologin", AutologinFacts)
DISK_ENCRYPTION = Topic("disk_encryption", DiskEncryptionFacts)
FIREWALL = Topic("firewall", FirewallFacts)
OS_UPDATES = Topic("os_updates", UpdateFacts)
MALWARE_PROTECTION = Topic("malware_protection", MalwareFacts)
SOCIAL_APPS = Topic("social_apps", RunningSocialApps)
SOCIAL_SITES = Topic("social_sites", SiteVisitFacts)
CREDENTIAL_STORE = Topic("credential_store", CredentialStoreFacts)
PASSWORD_MANAGER = Topic("password_manager", PasswordManagerFacts)
BROWSER_PASSWORDS = Topic("browser_passwords", BrowserPasswordFacts)
PLAINTEXT_PASSWORDS = Topic("plaintext_passwords", PasswordFileFacts)


def probe_module(topic: str, os_name: str) -> ModuleType | None:
    for name in (f"{os_name}_{topic}", f"common_{topic}"):
        try:
            return importlib.import_module(f"checks.probes.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"checks.probes.{name}":  # a real import error inside the probe: let it show
                raise
    return None


def facts_for(ctx: CheckContext, topic: Topic[F]) -> F:
    os_name = ctx.system.platform
    module = probe_module(topic.name, os_name)
    if module is None:
        raise ProbeUnknown(f"Device Check cannot check this on {OS_NAMES.get(os_name, os_name)} yet.")
    facts = ctx.shared(topic.name, lambda: module.read(ctx))
    if not isinstance(facts, topic.facts):  # a probe that breaks its promise is a bug, not a verdict
        raise TypeError(f"probe {module.__name__} returned {type(facts).__name__}, not {topic.facts.__name__}")
    return facts


def all_reads(
    os_name: str, topics: Iterable[str], find: Callable[[str, str], ModuleType | None] = probe_module
) -> list[tuple[str, Read]]:
    """(topic, Read) for every probe of these topics on this OS: the source of "What this app reads"."""
    out: list[tuple[str, Read]] = []
    for topic in dict.fromkeys(topics):
        module = find(topic, os_name)
        for read in getattr(module, "READS", ()) if module else ():
            out.append((topic, read))
    return out
