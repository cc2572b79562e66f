"""The engine on its own: parallel, a hang or a crash stays in its own row, severities map to statuses."""

import threading
import time

import pytest

from checks import catalog
from checks.engine import Engine, RunOptions
from checks.model import Status, Verdict
from checks.profile import load_profile
from checks.snapshot import ReplaySystem

SNAP = {"schema": "devicecheck-snapshot/1", "platform": "linux", "taken_at": "2026-11-25T10:30:00+00:00"}


@pytest.fixture
def fake_judges(monkeypatch):
    """Swap three catalogue entries for judges with known behaviour, restoring the real ones after."""
    release = threading.Event()

    def hangs(ctx):
        release.wait(30)
        return Verdict.passed("late")

    def raises(ctx):
        raise RuntimeError("probe broke")

    def fails(ctx):
        return Verdict.failed("not met")

    reg = dict(catalog._REGISTRY)
    monkeypatch.setattr(catalog, "_REGISTRY", reg)
    monkeypatch.setattr(catalog, "all_specs", lambda: [reg[c] for c in catalog.CHECK_IDS])
    catalog.register("screen-lock")(hangs)
    catalog.register("autologin")(raises)
    catalog.register("password-manager")(fails)
    catalog.register("account-password")(fails)
    yield
    release.set()


def test_hang_and_crash_stay_in_their_own_rows(fake_judges):
    engine = Engine(ReplaySystem(SNAP), load_profile())
    seen = []
    t0 = time.monotonic()
    results = {r.id: r for r in engine.run(RunOptions(deadline=1.0), on_result=seen.append)}
    assert time.monotonic() - t0 < 5
    assert results["screen-lock"].status is Status.UNKNOWN and "longer than" in results["screen-lock"].detail
    assert results["autologin"].status is Status.ERROR and "probe broke" in results["autologin"].detail
    assert results["account-password"].status is Status.FAIL  # required
    assert results["password-manager"].status is Status.WARN  # recommended: fail becomes warn
    assert len(seen) == len(results) == 11


def test_opt_in_check_is_skipped_unless_turned_on(fake_judges):
    from checks.settings import UserSettings

    catalog.register("social-sites")(lambda ctx: Verdict.passed("no visits"))
    off = {r.id: r for r in Engine(ReplaySystem(SNAP), load_profile()).run(RunOptions(only=("social-sites",)))}
    assert off["social-sites"].status is Status.SKIPPED
    on = Engine(ReplaySystem(SNAP), load_profile(), UserSettings(opt_in={"social-sites": True}))
    assert on.run(RunOptions(only=("social-sites",)))[0].status is Status.PASS


def test_shared_probe_runs_once_for_two_checks():
    from checks.catalog import CheckContext
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
