"""Shared set-up for the window tests: a replayed laptop and judges with known answers.

The GUI under test is the real one (Session, CheckRunner, MainWindow, the engine); only the judges that
are stand-ins, passed to the Session as its list of checks (nothing in checks/ is patched)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from checks.catalogue import CATALOGUE, CHECK_IDS
from checks.check import Check
from checks.context import CheckContext
from checks.model import Fix, Status, Verdict
from checks.snapshot import ReplaySystem
from desktop.session import Session

SNAP = {
    "schema": "devicecheck-snapshot/1",
    "platform": "linux",
    "taken_at": "2026-11-25T10:30:00+00:00",
    "env": {"XDG_CURRENT_DESKTOP": "GNOME"},
}
LOCK_STEPS = ("Open Settings, then Privacy, then Screen Lock.", "Set 'Blank screen delay' to 5 minutes.")
LOCK_FIX = Fix(LOCK_STEPS, settings_command=("true",))  # a real, harmless program stands in for the settings app


class Judges:
    """Catalogue judges whose answers a test sets, counting how often each check runs."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.answers: dict[str, Callable[[CheckContext], Verdict]] = {}
        self.fixes: dict[str, dict[str, Fix]] = {}  # check id -> stand-in fix steps, for any platform
        self.release = threading.Event()

    @property
    def checks(self) -> tuple[Check, ...]:
        """The catalogue with these judges (and fixes, where set) in place of the real ones."""
        return tuple(replace(c, judge=self.judge_for(c.id), fixes=self.fixes.get(c.id, c.fixes)) for c in CATALOGUE)

    def set(self, check_id: str, answer: Callable[[CheckContext], Verdict]) -> None:
        self.answers[check_id] = answer

    def judge_for(self, check_id: str) -> Callable[[CheckContext], Verdict]:
        def judge(ctx: CheckContext) -> Verdict:
            self.calls[check_id] += 1
            return self.answers[check_id](ctx)

        return judge

    def hang(self, ctx: CheckContext) -> Verdict:
        self.release.wait(30)
        return Verdict.passed("late")


def mixed_answers(j: Judges) -> None:
    """One of each state a candidate can meet."""
    j.set("screen-lock", lambda ctx: Verdict.failed("Your screen never locks by itself."))
    j.fixes["screen-lock"] = {"*": LOCK_FIX}
    j.set("account-password", lambda ctx: Verdict.passed("You need a password to sign in."))
    j.set("autologin", lambda ctx: Verdict.passed("Automatic sign-in is off."))
    j.set("lock-on-wake", lambda ctx: Verdict.unknown("This desktop does not say whether it asks on wake."))
    j.set("disk-encryption", lambda ctx: Verdict.failed("The disk is not encrypted."))
    j.fixes["disk-encryption"] = {"*": Fix(("Turn on encryption.",))}
    j.set("social-apps", lambda ctx: Verdict.passed("No social media apps are open."))
    j.set("credential-store", lambda ctx: (_ for _ in ()).throw(RuntimeError("probe broke")))
    j.set("password-manager", lambda ctx: Verdict.passed("Bitwarden is installed."))
    j.set("browser-passwords", lambda ctx: Verdict.passed("Firefox has a primary password."))
    j.set("plaintext-passwords", lambda ctx: Verdict.passed("No password lists found."))
    j.set("social-sites", lambda ctx: Verdict.passed("No visits."))  # off by default: shows "Off"
    j.set("firewall", lambda ctx: Verdict.passed("The firewall is on."))
    j.set("os-updates", lambda ctx: Verdict.passed("Updates are automatic and recent."))
    j.set("malware-protection", lambda ctx: Verdict.passed("Not needed on Linux for this check."))


def all_clear_answers(j: Judges) -> None:
    for cid in CHECK_IDS:
        j.set(cid, lambda ctx: Verdict.passed("Fine."))


def stand_in_judges() -> Iterator[Judges]:
    """For a module's `judges` fixture: `yield from stand_in_judges()`. Releases any hung judge after."""
    j = Judges()
    mixed_answers(j)
    yield j
    j.release.set()


def open_session(config: Path, judges: Judges, profile: str | None = None) -> Session:
    return Session.open(profile, system=ReplaySystem(SNAP), config_dir=config, checks=judges.checks)


def status_of(window: object, check_id: str) -> Status | None:
    return window.model.status_of(check_id)  # type: ignore[attr-defined]
