"""Snapshot validation: every key's type is checked on load, so a bad snapshot is one line naming the
file and the key, never a crash later in a door or the engine (tests/fuzz/test_fuzz_snapshot.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

SCHEMA = "devicecheck-snapshot/1"
PLATFORMS = ("linux", "windows", "darwin")
DENIED = {"denied": True}  # a recorded "exists but could not be read"


class SnapshotError(ValueError):
    """A snapshot that cannot be used; the message is one line naming the file and the key."""


def validate_snapshot(data: object, path: str = "<snapshot>") -> dict[str, Any]:
    if not isinstance(data, dict):
        raise SnapshotError(f"{path}: a snapshot must be a JSON object")
    if data.get("schema") != SCHEMA:
        raise SnapshotError(f"{path}: key 'schema' must be {SCHEMA!r}, found {data.get('schema')!r}")
    if data.get("platform") not in PLATFORMS:
        raise SnapshotError(
            f"{path}: key 'platform' must be one of {', '.join(PLATFORMS)}, found {data.get('platform')!r}"
        )
    try:
        taken = datetime.fromisoformat(str(data.get("taken_at")))
    except ValueError:
        raise SnapshotError(
            f"{path}: key 'taken_at' must be an ISO time with its offset, found {data.get('taken_at')!r}"
        ) from None
    if taken.tzinfo is None:
        raise SnapshotError(f"{path}: key 'taken_at' needs its UTC offset (e.g. +00:00)")
    shapes: dict[str, type] = {
        "env": dict,
        "commands": list,
        "files": dict,
        "dirs": dict,
        "stats": dict,
        "which": dict,
        "registry": dict,
        "processes": list,
        "queries": list,
        "keyring": dict,
        "counts": dict,
        "judged_with": dict,
    }
    for key, kind in shapes.items():
        if key in data and not isinstance(data[key], kind):
            raise SnapshotError(f"{path}: key '{key}' must be a JSON {'object' if kind is dict else 'list'}")
    for key in ("user", "home"):
        if not isinstance(data.get(key, ""), str):
            raise SnapshotError(f"{path}: key '{key}' must be text")
    for name, value in (data.get("env") or {}).items():
        if not isinstance(value, str):
            raise SnapshotError(f"{path}: env[{name!r}] must be text")
    _check_commands(data.get("commands") or [], path)
    _check_processes(data.get("processes") or [], path)
    _check_queries(data.get("queries") or [], path)
    for name, value in (data.get("files") or {}).items():
        if not isinstance(value, str) and value != DENIED:
            raise SnapshotError(f"{path}: files[{name!r}] must be text")
    for name, value in (data.get("dirs") or {}).items():
        if value != DENIED and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise SnapshotError(f"{path}: dirs[{name!r}] must be a list of names")
    for name, value in (data.get("stats") or {}).items():
        if not (
            isinstance(value, dict)
            and _is_int(value.get("size", 0))
            and _is_number(value.get("mtime", 0))
            and isinstance(value.get("is_dir", False), bool)
        ):
            raise SnapshotError(
                f"{path}: stats[{name!r}] must be an object with a whole-number 'size', "
                "a number 'mtime' and a true/false 'is_dir'"
            )
    for name, value in (data.get("which") or {}).items():
        if value is not None and not isinstance(value, str):
            raise SnapshotError(f"{path}: which[{name!r}] must be a path or null")
    for name, counts in (data.get("counts") or {}).items():
        if not isinstance(counts, dict) or not all(
            (isinstance(v, int) and not isinstance(v, bool) and v >= 0) or v == "denied" for v in counts.values()
        ):
            raise SnapshotError(f'{path}: counts[{name!r}] must map each key to a whole number (or "denied")')
    for key, values in (data.get("registry") or {}).items():
        if not isinstance(values, dict) or not all(isinstance(v, str) or _is_int(v) for v in values.values()):
            raise SnapshotError(
                f"{path}: registry[{key!r}] must be an object of value names, each text or a whole number"
            )
    for key in ("backend", "roundtrip", "state"):  # "roundtrip": as 0.1.0 recorded it
        if not isinstance((data.get("keyring") or {}).get(key, ""), str):
            raise SnapshotError(f"{path}: keyring.{key} must be text")
    removed = (data.get("keyring") or {}).get("removed", 0)
    if not _is_int(removed) or removed < 0:
        raise SnapshotError(f"{path}: keyring.removed must be a whole number")
    return data


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_commands(commands: list[Any], path: str) -> None:
    for i, entry in enumerate(commands):
        if not isinstance(entry, dict) or not isinstance(entry.get("argv"), list) or not entry["argv"]:
            raise SnapshotError(f"{path}: commands[{i}] needs a non-empty 'argv' list")
        if not all(isinstance(a, str) for a in entry["argv"]):
            raise SnapshotError(f"{path}: commands[{i}].argv must hold only strings")
        if not _is_int(entry.get("returncode", 0)):
            raise SnapshotError(f"{path}: commands[{i}].returncode must be a whole number")
        for k in ("stdout", "stderr"):
            if not isinstance(entry.get(k, ""), str):
                raise SnapshotError(f"{path}: commands[{i}].{k} must be text")
        for k in ("missing", "timed_out"):
            if not isinstance(entry.get(k, False), bool):
                raise SnapshotError(f"{path}: commands[{i}].{k} must be true or false")


def _check_processes(processes: list[Any], path: str) -> None:
    for i, proc in enumerate(processes):
        if not isinstance(proc, dict) or not isinstance(proc.get("name", ""), str):
            raise SnapshotError(f"{path}: processes[{i}] must be an object with a 'name'")
        if not _is_int(proc.get("pid", 0)) or not isinstance(proc.get("exe", ""), str):
            raise SnapshotError(f"{path}: processes[{i}] needs a whole-number 'pid' and a text 'exe'")
        cmdline = proc.get("cmdline") or []
        if not isinstance(cmdline, list) or not all(isinstance(a, str) for a in cmdline):
            raise SnapshotError(f"{path}: processes[{i}].cmdline must be a list of text")


def _check_queries(queries: list[Any], path: str) -> None:
    for i, q in enumerate(queries):
        if not isinstance(q, dict) or not isinstance(q.get("path"), str) or not isinstance(q.get("sql"), str):
            raise SnapshotError(f"{path}: queries[{i}] needs 'path' and 'sql'")
        if not isinstance(q.get("params") or [], list):
            raise SnapshotError(f"{path}: queries[{i}].params must be a list")
        rows = q.get("rows") or []
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise SnapshotError(f"{path}: queries[{i}].rows must be a list of rows (lists)")
        if not isinstance(q.get("denied", False), bool):
            raise SnapshotError(f"{path}: queries[{i}].denied must be true or false")
