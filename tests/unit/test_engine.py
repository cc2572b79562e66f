"""The engine on its own: parallel, a hang or a crash stays in its own row, severities map to statuses."""

import threading
import time
from dataclasses import replace

import pytest

from checks.catalogue import CATALOGUE
from checks.engine import Engine, RunOptions
from checks.model import Status, Verdict
from checks.profile import load_profile
from checks.snapshot import ReplaySystem

SNAP = {"schema": "devicecheck-snapshot/1", "platform": "linux", "taken_at": "2026-11-25T10:30:00+00:00"}


@pytest.fixture
def fake_checks():
    """The catalogue with four judges of known behaviour in place of the real ones, passed to the engine."""
    release = threading.Event()

    def hangs(ctx):
        release.wait(30)
        return Verdict.passed("late")

    def raises(ctx):
        raise RuntimeError("probe broke")

    def fails(ctx):
        return Verdict.failed("not met")

    stand_ins = {
        "screen-lock": hangs,
        "autologin": raises,
        "password-manager": fails,
        "account-password": fails,
        "social-sites": lambda ctx: Verdict.passed("no visits"),
    }
    yield tuple(replace(c, judge=stand_ins.get(c.id, c.judge)) for c in CATALOGUE)
    release.set()


def test_hang_and_crash_stay_in_their_own_rows(fake_checks):
    engine = Engine(ReplaySystem(SNAP), load_profile(), checks=fake_checks)
    seen = []
    t0 = time.monotonic()
    results = {r.id: r for r in engine.run(RunOptions(deadline=1.0), on_result=seen.append)}
    assert time.monotonic() - t0 < 5
    assert results["screen-lock"].status is Status.UNKNOWN and "longer than" in results["screen-lock"].detail
    assert results["autologin"].status is Status.ERROR and "probe broke" in results["autologin"].detail
    assert results["account-password"].status is Status.FAIL  # required
    assert results["password-manager"].status is Status.WARN  # recommended: fail becomes warn
    assert len(seen) == len(results) == len(CATALOGUE)


def test_opt_in_check_is_skipped_unless_turned_on(fake_checks):
    from checks.settings import UserSettings

    only = RunOptions(only=("social-sites",))
    off = {r.id: r for r in Engine(ReplaySystem(SNAP), load_profile(), checks=fake_checks).run(only)}
    assert off["social-sites"].status is Status.SKIPPED
    on = Engine(ReplaySystem(SNAP), load_profile(), UserSettings(opt_in={"social-sites": True}), checks=fake_checks)
    assert on.run(only)[0].status is Status.PASS


def test_shared_probe_runs_once_for_two_checks():
    from checks.context import CheckContext
    from checks.settings import UserSettings

    ctx = CheckContext(ReplaySystem(SNAP), load_profile(), UserSettings(), ReplaySystem(SNAP).now())
    calls = []

    def compute():
        calls.append(1)
        time.sleep(0.05)
        return 42

    threads = [threading.Thread(target=lambda: ctx.shared("lock", compute)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1]
