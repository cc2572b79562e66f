"""Fuzz every probe through its judge, on each OS: whatever the commands print (recorded real output,
mutated, cut short, or arbitrary), whatever the files hold, the answer is a verdict or ProbeUnknown (or
ReadDenied, which the engine reports as "not allowed to read"), never another exception.

New probes and judges are picked up by themselves: the cases come from the catalogue."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.catalogue import CATALOGUE
from checks.context import CheckContext
from checks.facts import LockFacts
from checks.model import ProbeUnknown, Status, Verdict
from checks.probes import probe_module
from checks.profile import load_profile
from checks.settings import UserSettings
from checks.system import ReadDenied
from tests.fuzz.conftest import FUZZ
from tests.fuzz.fuzz_system import ENVS, FuzzSystem

PROFILE = load_profile()
SETTINGS = UserSettings(opt_in={"social-sites": True})
CASES = [(os_name, check.id) for check in CATALOGUE for os_name in ("linux", "windows", "darwin")]


@pytest.mark.parametrize(("os_name", "check_id"), CASES)
@settings(FUZZ, max_examples=200)  # the probes under these judges get their 1,000 each below
@given(data=st.data())
def test_any_output_gives_a_verdict_or_unknown(os_name: str, check_id: str, data: st.DataObject) -> None:
    system = FuzzSystem(data, os_name, data.draw(ENVS[os_name], label="env"))
    ctx = CheckContext(system, PROFILE, SETTINGS, system.now())
    judge = next(c.judge for c in CATALOGUE if c.id == check_id)
    assert judge is not None
    try:
        verdict = judge(ctx)
    except ProbeUnknown as exc:
        assert str(exc).strip() and "Traceback" not in str(exc)
        return
    except ReadDenied:
        return
    assert isinstance(verdict, Verdict) and verdict.status in Status and verdict.detail.strip()


PROBES = [
    (os_name, topic)
    for os_name in ("linux", "windows", "darwin")
    for topic in dict.fromkeys(c.probe.name for c in CATALOGUE if c.probe)
    if probe_module(topic, os_name)
]


@pytest.mark.parametrize(("os_name", "topic"), PROBES)
@FUZZ
@given(data=st.data())
def test_any_output_gives_facts_or_unknown(os_name: str, topic: str, data: st.DataObject) -> None:
    system = FuzzSystem(data, os_name, data.draw(ENVS[os_name], label="env"))
    ctx = CheckContext(system, PROFILE, SETTINGS, system.now())
    module = probe_module(topic, os_name)
    assert module is not None
    try:
        facts = module.read(ctx)
    except (ProbeUnknown, ReadDenied):
        return
    assert dataclasses.is_dataclass(facts) and not isinstance(facts, type)
    if isinstance(facts, LockFacts):  # seconds are whole and never negative, whatever the desktop printed
        for seconds in (facts.idle_seconds, facts.lock_delay_seconds, facts.wake_grace_seconds):
            assert seconds is None or (isinstance(seconds, int) and seconds >= 0), facts
