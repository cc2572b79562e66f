"""Fuzz the snapshot loader and replay: any JSON gives a ReplaySystem or one line naming the file; a
snapshot that loads answers every door method with a typed value (or ReadDenied), and a whole check run
on it never raises out of the engine."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.catalogue import CATALOGUE
from checks.cli import run_checks
from checks.snapshot import SCHEMA, ReplaySystem, SnapshotError, load_snapshot
from checks.system import CommandResult, FileInfo, KeyringState, ProcessInfo, ReadDenied
from tests.fuzz.conftest import FUZZ
from tests.fuzz.helpers import assert_one_line_naming
from tests.fuzz.helpers import mostly as mostly_else

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=16)
)
json_like = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def mostly(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Inside a snapshot a wrong type comes often, so that each field's checks are reached."""
    return mostly_else(good, json_like, one_in=3)


def top(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return mostly_else(good, json_like, one_in=12)


texts = st.text(max_size=16) | st.sampled_from(["/etc/gdm3/custom.conf", "gsettings", "/home/sam/Desktop"])
command = st.fixed_dictionaries(
    {"argv": mostly(st.lists(texts, min_size=1, max_size=3))},
    optional={
        "returncode": mostly(st.integers(-300, 300)),
        "stdout": mostly(st.text(max_size=40)),
        "stderr": mostly(st.text(max_size=20)),
        "missing": json_like,
        "timed_out": json_like,
    },
)
process = st.fixed_dictionaries(
    {},
    optional={
        "pid": mostly(st.integers(0, 2**31)),
        "name": mostly(texts),
        "exe": mostly(texts),
        "cmdline": mostly(st.lists(texts, max_size=3)),
    },
)
query = st.fixed_dictionaries(
    {"path": mostly(texts), "sql": mostly(st.just("SELECT count(*) FROM moz_places"))},
    optional={
        "params": json_like,
        "rows": mostly(st.lists(st.lists(scalars, max_size=3), max_size=3)),
        "denied": json_like,
    },
)
stat = st.fixed_dictionaries(
    {}, optional={"size": mostly(st.integers(0, 2**40)), "mtime": mostly(st.floats(0, 2e9)), "is_dir": json_like}
)
snapshots = st.fixed_dictionaries(
    {
        "schema": top(st.just(SCHEMA)),
        "platform": top(st.sampled_from(["linux", "windows", "darwin"])),
        "taken_at": top(
            mostly_else(
                st.datetimes(timezones=st.timezones()).map(lambda t: t.isoformat()),
                st.sampled_from(["2026-11-25T10:30:00", "yesterday", "2026-11-25T10:30:00+25:00"]),
                one_in=4,
            )
        ),
    },
    optional={
        "user": mostly(texts),
        "home": mostly(texts),
        "env": mostly(
            st.dictionaries(
                st.sampled_from(["XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "PATH"]) | st.text(max_size=6),
                mostly(st.sampled_from(["GNOME", "ubuntu:GNOME", "KDE", "XFCE", ""])),
                max_size=3,
            )
        ),
        "commands": mostly(st.lists(mostly(command), max_size=3)),
        "files": mostly(st.dictionaries(texts, mostly(st.text(max_size=30) | st.just({"denied": True})), max_size=3)),
        "dirs": mostly(
            st.dictionaries(texts, mostly(st.lists(texts, max_size=3) | st.just({"denied": True})), max_size=3)
        ),
        "stats": mostly(st.dictionaries(texts, mostly(stat), max_size=3)),
        "which": mostly(st.dictionaries(texts, st.none() | texts, max_size=3)),
        "registry": mostly(
            st.dictionaries(
                texts, mostly(st.dictionaries(texts, st.text(max_size=8) | st.integers(), max_size=3)), max_size=2
            )
        ),
        "processes": mostly(st.lists(mostly(process), max_size=3)),
        "queries": mostly(st.lists(mostly(query), max_size=2)),
        "keyring": mostly(
            st.fixed_dictionaries(
                {},
                optional={
                    "backend": mostly(texts),
                    "roundtrip": mostly(st.sampled_from(["ok", "error: locked"])),  # as 0.1.0 recorded it
                    "state": mostly(st.sampled_from(["unlocked", "locked", "no-bus"])),
                    "removed": mostly(st.integers(0, 3)),
                },
            )
        ),
    },
)


@pytest.fixture(scope="module")
def snap_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-snapshot") / "snap.json"


def _load(path: Path, text: str) -> ReplaySystem | None:
    path.write_text(text, encoding="utf-8")
    try:
        return load_snapshot(str(path))
    except SnapshotError as exc:
        assert_one_line_naming(str(exc), str(path))
        return None


def _ask_every_door(system: ReplaySystem, data: dict[str, Any]) -> None:
    """Ask for everything the snapshot mentions (and something it does not): typed answers or ReadDenied."""
    for entry in data.get("commands") or [{"argv": ["nothing-here"]}]:
        result = system.run(entry["argv"])
        assert (
            isinstance(result, CommandResult) and isinstance(result.stdout, str) and isinstance(result.returncode, int)
        )
        assert isinstance(result.why_not(), str)
    for path in [*(data.get("files") or {}), "/absent"]:
        try:
            assert isinstance(system.read_text(path), str | None)
        except ReadDenied:
            pass
    for path in [*(data.get("dirs") or {}), "/absent"]:
        try:
            names = system.list_dir(path)
            assert names is None or all(isinstance(n, str) for n in names)
        except ReadDenied:
            pass
    for path in [*(data.get("stats") or {}), "/absent"]:
        assert isinstance(system.file_info(path), FileInfo | None)
    for program in [*(data.get("which") or {}), "absent"]:
        assert isinstance(system.which(program), str | None)
    for key, values in (data.get("registry") or {}).items():
        got = system.registry_values(key, list(values))
        assert all(isinstance(v, str | int) for v in got.values())
    assert all(isinstance(p, ProcessInfo) and all(isinstance(a, str) for a in p.cmdline) for p in system.processes())
    for q in data.get("queries") or []:
        try:
            rows = system.sqlite_query(
                q["path"], q["sql"], q.get("params") if isinstance(q.get("params"), list) else ()
            )
            assert rows is None or all(isinstance(r, tuple) for r in rows)
        except ReadDenied:
            pass
    state = system.keyring_state()
    assert isinstance(state, KeyringState) and isinstance(state.state, str) and isinstance(state.removed, int)
    assert system.now().tzinfo is not None


def _run_engine(path: Path, folder: Path) -> None:
    args = argparse.Namespace(replay=str(path), profile=None, at=None, only=None, config_dir=str(folder))
    report, code = run_checks(args)
    json.dumps(report)
    assert code in (0, 1, 3)
    assert len(report["results"]) == len(CATALOGUE)


@FUZZ
@given(text=st.text(max_size=200))
def test_any_text_gives_a_snapshot_or_one_line(snap_path: Path, text: str) -> None:
    _load(snap_path, text)


@FUZZ
@given(data=json_like)
def test_any_json_gives_a_snapshot_or_one_line(snap_path: Path, data: Any) -> None:
    _load(snap_path, json.dumps(data))


@FUZZ
@given(data=snapshots)
def test_a_snapshot_that_loads_answers_every_door_and_runs(
    snap_path: Path, tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]
) -> None:
    system = _load(snap_path, json.dumps(data))
    if system is None:
        return
    _ask_every_door(system, data)
    _run_engine(snap_path, snap_path.parent / "config")


BASE = {"schema": SCHEMA, "platform": "linux", "taken_at": "2026-11-25T10:30:00+00:00"}
FOUND = {  # what the fuzzer found before the checks were added: each crashed a door or the engine
    "queries[0].params must be a list": {"queries": [{"path": "a", "sql": "b", "params": 5}]},
    "stats['/a'] must be an object": {"stats": {"/a": {"size": "abc"}}},
    "env['XDG_CURRENT_DESKTOP'] must be text": {"env": {"XDG_CURRENT_DESKTOP": None}},
    "processes[0] needs a whole-number 'pid'": {"processes": [{"pid": "x"}]},
    "queries[0].rows must be a list of rows": {"queries": [{"path": "a", "sql": "b", "rows": [5]}]},
    "registry['K'] must be an object of value names": {"registry": {"K": {"a": [1]}}},
}


@pytest.mark.parametrize("expected", sorted(FOUND))
def test_found_bad_snapshots_are_one_line_errors(snap_path: Path, expected: str) -> None:
    with pytest.raises(SnapshotError) as caught:
        load_snapshot(_write(snap_path, {**BASE, **FOUND[expected]}))
    assert expected in str(caught.value) and str(snap_path) in str(caught.value)


def _write(path: Path, data: dict[str, Any]) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)
