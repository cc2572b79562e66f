"""Snapshots: record what the probes read (RecordingSystem) and answer from it later (ReplaySystem).

Format: docs/ARCHITECTURE.md, "The snapshot". Besides commands, files, folders, registry values, processes
and the keyring, a snapshot may hold "which" (program -> path or null), "stats" (path -> {size, mtime,
is_dir}), "queries" (read-only SQLite rows a check needs: counts and check values only, never a URL or a
login) and "counts" (path -> {key: number of items in that JSON list}, e.g. how many saved logins; never the
items). What a snapshot lacks behaves as on a machine that lacks it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from checks.bounded import SNAPSHOT_BYTES, FileError, read_named_text
from checks.snapshot_judged import JudgedWith
from checks.snapshot_redact import file_filter, redact_process
from checks.snapshot_validate import DENIED as DENIED
from checks.snapshot_validate import PLATFORMS as PLATFORMS
from checks.snapshot_validate import SCHEMA as SCHEMA
from checks.snapshot_validate import SnapshotError as SnapshotError
from checks.snapshot_validate import validate_snapshot as validate_snapshot
from checks.system import (
    DEFAULT_TIMEOUT,
    CommandResult,
    FileInfo,
    KeyringState,
    ProcessInfo,
    ReadDenied,
    System,
    check_registry_names,
)


def _query_key(path: str, sql: str, params: Sequence[object]) -> str:
    return json.dumps([path, " ".join(sql.split()), list(params)], default=str)


class ReplaySystem(System):
    def __init__(self, data: Mapping[str, Any], source: str = "<snapshot>") -> None:
        self.source = source
        self.data = data
        self.platform = data["platform"]
        self.env = dict(data.get("env") or {})
        self.user = str(data.get("user") or "")
        self.home = str(data.get("home") or "")
        self._taken_at = datetime.fromisoformat(data["taken_at"])
        self._commands: dict[tuple[str, ...], dict[str, Any]] = {}
        for entry in data.get("commands") or []:
            self._commands[tuple(entry["argv"])] = entry
        self._queries = {_query_key(q["path"], q["sql"], q.get("params") or []): q for q in data.get("queries") or []}
        self.judged_with = JudgedWith.from_snapshot(dict(data), source)

    def run(self, argv: Sequence[str], timeout: float = DEFAULT_TIMEOUT) -> CommandResult:
        args = tuple(argv)
        entry = self._commands.get(args)
        if entry is None:
            return CommandResult(args, 127, "", "", missing=True)
        return CommandResult(
            args,
            int(entry.get("returncode", 0)),
            str(entry.get("stdout", "")),
            str(entry.get("stderr", "")),
            missing=bool(entry.get("missing", False)),
            timed_out=bool(entry.get("timed_out", False)),
        )

    def read_text(self, path: str) -> str | None:
        value = (self.data.get("files") or {}).get(path)
        if value == DENIED:
            raise ReadDenied(path)
        return value if isinstance(value, str) else None

    def list_dir(self, path: str) -> list[str] | None:
        value = (self.data.get("dirs") or {}).get(path)
        if value == DENIED:
            raise ReadDenied(path)
        return sorted(value) if isinstance(value, list) else None

    def file_info(self, path: str) -> FileInfo | None:
        value = (self.data.get("stats") or {}).get(path)
        if not isinstance(value, dict):
            return None
        return FileInfo(
            int(value.get("size", 0)),
            float(value.get("mtime", 0)),
            bool(value.get("is_dir", False)),
            bool(value.get("is_link", False)),
            bool(value.get("is_special", False)),
        )

    def which(self, program: str) -> str | None:
        value = (self.data.get("which") or {}).get(program)
        return value if isinstance(value, str) else None

    def registry_values(self, key: str, names: Sequence[str]) -> dict[str, str | int]:
        check_registry_names(names)
        registry = self.data.get("registry") or {}
        values = next((v for k, v in registry.items() if k.lower() == key.lower()), None) or {}
        wanted = {n.lower(): n for n in names}
        return {wanted[k.lower()]: v for k, v in values.items() if k.lower() in wanted}

    def processes(self) -> list[ProcessInfo]:
        return [
            ProcessInfo(
                int(p.get("pid", 0)), str(p.get("name", "")), str(p.get("exe", "")), tuple(p.get("cmdline") or ())
            )
            for p in self.data.get("processes") or []
        ]

    def sqlite_query(self, path: str, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]] | None:
        entry = self._queries.get(_query_key(path, sql, params))
        if entry is None:
            return None
        if entry.get("denied"):
            raise ReadDenied(path)
        return [tuple(_from_json(v) for v in row) for row in entry.get("rows") or []]

    def json_count(self, path: str, key: str) -> int | None:
        value = ((self.data.get("counts") or {}).get(path) or {}).get(key)
        if value == "denied":
            raise ReadDenied(path)
        return value if isinstance(value, int) else None

    def keyring_state(self) -> KeyringState:
        kr = self.data.get("keyring")
        if not isinstance(kr, dict):
            return KeyringState("none", "no-service")  # what a snapshot lacks, the machine lacked
        if "state" in kr:
            return KeyringState(str(kr.get("backend", "none")), str(kr["state"]), int(kr.get("removed", 0)))
        return _from_roundtrip(str(kr.get("backend", "none")), str(kr.get("roundtrip", "error: unknown")))

    def now(self) -> datetime:
        return self._taken_at


class RecordingSystem(System):
    """Wraps a live System and keeps what the probes read, reduced to what the checks need (snapshot_redact),
    ready to write as a snapshot with what shaped the verdicts (`judged_with`)."""

    def __init__(self, inner: System, judged_with: JudgedWith | None = None) -> None:
        self.inner = inner
        self.judged = judged_with
        self.platform = inner.platform
        self.env = inner.env
        self.user = inner.user
        self.home = inner.home
        self.commands: list[dict[str, Any]] = []
        self.files: dict[str, Any] = {}
        self.dirs: dict[str, Any] = {}
        self.stats: dict[str, Any] = {}
        self.which_map: dict[str, str | None] = {}
        self.registry: dict[str, dict[str, str | int]] = {}
        self.process_list: list[dict[str, Any]] | None = None
        self.queries: list[dict[str, Any]] = []
        self.keyring: dict[str, str | int] | None = None
        self.counts: dict[str, dict[str, int | str]] = {}
        self.taken_at = inner.now()

    def run(self, argv: Sequence[str], timeout: float = DEFAULT_TIMEOUT) -> CommandResult:
        result = self.inner.run(argv, timeout)
        if not result.missing:
            entry: dict[str, Any] = {
                "argv": list(result.argv),
                "returncode": result.returncode,
                "stdout": result.stdout,
                "stderr": result.stderr,
            }
            if result.timed_out:
                entry["timed_out"] = True
            self.commands.append(entry)
        return result

    def read_text(self, path: str) -> str | None:
        try:
            text = self.inner.read_text(path)
        except ReadDenied:
            self.files[path] = DENIED
            raise
        if text is not None:
            reduce = file_filter(path, self.inner.home)
            self.files[path] = reduce(text) if reduce else text
        return text

    def list_dir(self, path: str) -> list[str] | None:
        try:
            names = self.inner.list_dir(path)
        except ReadDenied:
            self.dirs[path] = DENIED
            raise
        if names is not None:
            self.dirs[path] = names
        return names

    def file_info(self, path: str) -> FileInfo | None:
        info = self.inner.file_info(path)
        if info is not None:
            self.stats[path] = {"size": info.size, "mtime": info.mtime, "is_dir": info.is_dir}
            if info.is_link:
                self.stats[path]["is_link"] = True
            if info.is_special:
                self.stats[path]["is_special"] = True
        return info

    def which(self, program: str) -> str | None:
        found = self.inner.which(program)
        self.which_map[program] = found
        return found

    def registry_values(self, key: str, names: Sequence[str]) -> dict[str, str | int]:
        values = self.inner.registry_values(key, names)
        self.registry.setdefault(key, {}).update(values)
        return values

    def processes(self) -> list[ProcessInfo]:
        procs = self.inner.processes()
        self.process_list = [redact_process(p) for p in procs]
        return procs

    def sqlite_query(self, path: str, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]] | None:
        entry: dict[str, Any] = {"path": path, "sql": " ".join(sql.split()), "params": list(params)}
        try:
            rows = self.inner.sqlite_query(path, sql, params)
        except ReadDenied:
            self.queries.append(dict(entry, denied=True))
            raise
        if rows is not None:
            entry["rows"] = [[_jsonable(v) for v in row] for row in rows]
            self.queries.append(entry)
        return rows

    def json_count(self, path: str, key: str) -> int | None:
        try:
            count = self.inner.json_count(path, key)
        except ReadDenied:
            self.counts.setdefault(path, {})[key] = "denied"
            raise
        if count is not None:
            self.counts.setdefault(path, {})[key] = count
        return count

    def keyring_state(self) -> KeyringState:
        state = self.inner.keyring_state()
        self.keyring = {"backend": state.backend, "state": state.state, "removed": state.removed}
        return state

    def now(self) -> datetime:
        return self.taken_at

    def snapshot(self) -> dict[str, Any]:
        from checks.desktops import ENV_KEYS

        data: dict[str, Any] = {
            "schema": SCHEMA,
            "platform": self.platform,
            "taken_at": self.taken_at.isoformat(timespec="seconds"),
            "user": self.user,
            "home": self.home,
            "env": {k: self.env[k] for k in ENV_KEYS if k in self.env},
            "commands": self.commands,
            "files": self.files,
            "dirs": self.dirs,
            "stats": self.stats,
            "which": self.which_map,
            "registry": self.registry,
            "processes": self.process_list or [],
            "queries": self.queries,
            "counts": self.counts,
        }
        if self.keyring is not None:
            data["keyring"] = self.keyring
        if self.judged is not None:
            data["judged_with"] = self.judged.to_json()
        return data


SECRET_SERVICE_BACKENDS = ("keyring.backends.SecretService.", "keyring.backends.libsecret.")


def _from_roundtrip(backend: str, roundtrip: str) -> KeyringState:
    """A 0.1.0 snapshot recorded a write-and-read-back test: a store that took the entry was unlocked."""
    if backend.startswith(SECRET_SERVICE_BACKENDS):
        store = "secret-service"
    elif backend.startswith("keyring.backends.kwallet."):
        store = "kwallet"
    else:
        store = backend
    if "did not answer in time" in roundtrip:
        return KeyringState(store, f"error: {roundtrip.removeprefix('error: ')}")
    if backend == "none" or backend.endswith((".fail.Keyring", ".null.Keyring")):
        return KeyringState(store, "no-service")
    if roundtrip == "ok":
        return KeyringState(store, "unlocked" if store in ("secret-service", "kwallet") else "present")
    return KeyringState(store, "locked")


def _jsonable(value: object) -> object:
    if isinstance(value, bytes):
        return {"hex": value.hex()}
    return value


def _from_json(value: object) -> object:
    """Undo _jsonable: a recorded {"hex": ...} is the bytes it stood for (e.g. key4.db's check value)."""
    if isinstance(value, dict) and set(value) == {"hex"} and isinstance(value["hex"], str):
        try:
            return bytes.fromhex(value["hex"])
        except ValueError:
            return value
    return value


def load_snapshot(path: str) -> ReplaySystem:
    """Read and validate a snapshot file; SnapshotError names the file and what is wrong."""
    try:
        text = read_named_text(path, SNAPSHOT_BYTES, "snapshot", "a snapshot is UTF-8 JSON")
    except FileError as exc:
        raise SnapshotError(str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SnapshotError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise SnapshotError(f"{path}: not a snapshot (JSON nested too deeply)") from None
    return ReplaySystem(validate_snapshot(data, path), source=path)
