"""LiveSystem: the real machine. The only module (with snapshot recording) that touches the OS."""

from __future__ import annotations

import locale
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import IO

from checks.bounded import JSON_FILE_BYTES, NotARegularFile, kind_of, read_bounded
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

MAX_READ_BYTES = 1 << 20  # settings files are small; never slurp a big file
MAX_OUTPUT_BYTES = 4 << 20  # a command that prints without end is stopped here, not read into memory


def current_platform() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "darwin"
    return "linux"


class LiveSystem(System):
    def __init__(self) -> None:
        self.platform = current_platform()
        self.env = dict(os.environ)
        self.home = str(Path.home())
        try:
            import getpass

            self.user = getpass.getuser()
        except Exception:  # no login name in some containers
            self.user = os.environ.get("USER", "")

    def run(self, argv: Sequence[str], timeout: float = DEFAULT_TIMEOUT) -> CommandResult:
        args = tuple(argv)
        env = dict(self.env, LC_ALL="C", LANG="C")
        # No console window flashes on Windows when the GUI runs a command.
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if self.platform == "windows" else 0
        try:
            proc = subprocess.Popen(  # noqa: S603 - argv list, never a shell
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                creationflags=flags,
                # Its own process group, so a hung command's children are stopped with it (POSIX).
                start_new_session=os.name == "posix",
            )
        except FileNotFoundError:
            return CommandResult(args, 127, "", "", missing=True)
        except PermissionError as exc:
            return CommandResult(args, 126, "", str(exc))
        except OSError as exc:
            return CommandResult(args, 126, "", str(exc))
        return _collect(proc, args, timeout)

    def read_text(self, path: str) -> str | None:
        try:
            data = read_bounded(path, MAX_READ_BYTES)
        except NotARegularFile as exc:
            if exc.kind == "a folder":  # a folder where a file may be is as good as no file
                return None
            raise
        return None if data is None else data.decode("utf-8", errors="replace")

    def list_dir(self, path: str) -> list[str] | None:
        try:
            return sorted(os.listdir(path))
        except (FileNotFoundError, NotADirectoryError):
            return None
        except PermissionError as exc:
            raise ReadDenied(path) from exc

    def file_info(self, path: str) -> FileInfo | None:
        try:
            st = os.stat(path)
            link = stat.S_ISLNK(os.lstat(path).st_mode)
        except OSError:  # absent, or a link that loops or points nowhere
            return None
        special = not stat.S_ISDIR(st.st_mode) and not stat.S_ISREG(st.st_mode)
        return FileInfo(st.st_size, st.st_mtime, stat.S_ISDIR(st.st_mode), link, special)

    def which(self, program: str) -> str | None:
        return shutil.which(program, path=self.env.get("PATH"))

    def registry_values(self, key: str, names: Sequence[str]) -> dict[str, str | int]:
        check_registry_names(names)
        if self.platform != "windows":
            return {}
        import winreg

        hive_name, _, sub = key.partition("\\")
        hives = {
            "HKEY_CURRENT_USER": winreg.HKEY_CURRENT_USER,  # type: ignore[attr-defined,unused-ignore]
            "HKEY_LOCAL_MACHINE": winreg.HKEY_LOCAL_MACHINE,  # type: ignore[attr-defined,unused-ignore]
        }
        hive = hives.get(hive_name.upper())
        if hive is None:
            return {}
        found: dict[str, str | int] = {}
        try:
            # Always the 64-bit view: a 32-bit build would otherwise read HKLM\SOFTWARE from Wow6432Node.
            access = winreg.KEY_READ | winreg.KEY_WOW64_64KEY  # type: ignore[attr-defined,unused-ignore]
            with winreg.OpenKey(hive, sub, 0, access) as handle:  # type: ignore[attr-defined,unused-ignore]
                for name in names:
                    try:
                        value, _kind = winreg.QueryValueEx(handle, name)  # type: ignore[attr-defined,unused-ignore]
                    except OSError:
                        continue
                    if isinstance(value, (str, int)):
                        found[name] = value
        except OSError:
            return {}
        return found

    def processes(self) -> list[ProcessInfo]:
        import psutil

        out: list[ProcessInfo] = []
        for proc in psutil.process_iter(["pid", "name", "exe", "cmdline", "uids", "username"]):
            info = proc.info
            if not self._is_own(info):  # another user's programs are not the candidate's to answer for
                continue
            out.append(
                ProcessInfo(
                    pid=int(info.get("pid") or 0),
                    name=str(info.get("name") or ""),
                    exe=str(info.get("exe") or ""),
                    cmdline=tuple(info.get("cmdline") or ()),
                )
            )
        return out

    def _is_own(self, info: dict[str, object]) -> bool:
        """Run by the candidate: the same real user id (POSIX), or the same account name (Windows)."""
        uids = info.get("uids")
        if hasattr(os, "getuid") and uids is not None:
            return getattr(uids, "real", None) == os.getuid()
        owner = info.get("username")
        if not isinstance(owner, str) or not self.user:  # a process whose owner cannot be read is not ours
            return False
        return owner.rsplit("\\", 1)[-1].lower() == self.user.lower()

    def sqlite_query(self, path: str, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]] | None:
        try:
            st = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            raise ReadDenied(path) from exc
        if not stat.S_ISREG(st.st_mode):  # SQLite would read a FIFO for ever and /dev/zero as a database
            raise NotARegularFile(path, kind_of(st.st_mode))
        wal = path + "-wal"
        if os.path.isfile(wal) and os.path.getsize(wal) > 0:
            # A browser in WAL mode keeps its newest rows in the -wal file, which immutable=1 would skip:
            # read a private copy of both instead, so the owner's files are never touched.
            import tempfile

            with tempfile.TemporaryDirectory(prefix="devicecheck-") as tmp:
                copy = os.path.join(tmp, os.path.basename(path))
                try:
                    shutil.copyfile(path, copy)
                    shutil.copyfile(wal, copy + "-wal")
                except OSError as exc:
                    raise ReadDenied(path) from exc
                return self._query(copy, Path(copy).as_uri(), sql, params, path)
        # immutable=1 reads without taking locks, so a running browser is never disturbed.
        return self._query(path, Path(path).resolve().as_uri() + "?mode=ro&immutable=1", sql, params, path)

    @staticmethod
    def _query(path: str, uri: str, sql: str, params: Sequence[object], shown: str) -> list[tuple[object, ...]]:
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=1.0)
        except sqlite3.Error as exc:
            raise ReadDenied(shown) from exc
        try:
            return [tuple(row) for row in conn.execute(sql, tuple(params)).fetchall()]
        except sqlite3.Error as exc:  # not a database, damaged, locked, or another layout: cannot be read
            raise ReadDenied(shown) from exc
        finally:
            conn.close()

    def json_count(self, path: str, key: str) -> int | None:
        import json

        try:
            raw = read_bounded(path, JSON_FILE_BYTES)
        except NotARegularFile as exc:
            if exc.kind == "a folder":
                return None
            raise
        if raw is None:
            return None
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError) as exc:  # not JSON, or nested deeper than Python's stack
            raise ReadDenied(path) from exc
        items = data.get(key) if isinstance(data, dict) else None
        return len(items) if isinstance(items, list) else None

    def keyring_state(self) -> KeyringState:
        from checks.credential_store_live import linux_store, other_os_store

        return linux_store(self.env) if self.platform == "linux" else other_os_store()

    def now(self) -> datetime:
        return datetime.now().astimezone()


def _collect(proc: subprocess.Popen[bytes], args: tuple[str, ...], timeout: float) -> CommandResult:
    """Read both pipes (at most MAX_OUTPUT_BYTES each) until the command ends or `timeout` passes; then stop
    it and everything it started, so nothing is left running and nothing floods memory."""
    chunks: dict[str, list[bytes]] = {"out": [], "err": []}
    flooded = threading.Event()

    def pump(stream: IO[bytes] | None, key: str) -> None:
        if stream is None:
            return
        size = 0
        with stream:
            for block in iter(lambda: os.read(stream.fileno(), 65536), b""):
                if size < MAX_OUTPUT_BYTES:
                    chunks[key].append(block[: MAX_OUTPUT_BYTES - size])
                    size += len(block)
                    if size >= MAX_OUTPUT_BYTES:
                        flooded.set()
                        _stop_tree(proc)

    readers = [
        threading.Thread(target=pump, args=(proc.stdout, "out"), daemon=True),
        threading.Thread(target=pump, args=(proc.stderr, "err"), daemon=True),
    ]
    for reader in readers:
        reader.start()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop_tree(proc)
        proc.wait()
        for reader in readers:
            reader.join(1.0)
        return CommandResult(args, -1, "", "", timed_out=True)
    for reader in readers:
        reader.join(0.2)
    if any(reader.is_alive() for reader in readers):
        # The command ended but something it started still holds our pipes: stop that too. (Its group
        # still exists then, so the group id cannot have been reused by an unrelated process.)
        _stop_tree(proc)
        for reader in readers:
            reader.join(1.0)
    out, err = (_text(b"".join(chunks[k])) for k in ("out", "err"))
    if flooded.is_set():
        err = (err + "\n" if err else "") + f"printed more than {MAX_OUTPUT_BYTES >> 20} MB; the rest was not read"
    return CommandResult(args, proc.returncode, out, err)


def _stop_tree(proc: subprocess.Popen[bytes]) -> None:
    if os.name == "posix":
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # type: ignore[attr-defined,unused-ignore]  # the group is the command's own (start_new_session)
        except (ProcessLookupError, PermissionError):
            pass
        return
    if proc.poll() is None:
        try:
            import psutil

            for child in psutil.Process(proc.pid).children(recursive=True):
                child.kill()
        except Exception:  # gone already, or not ours to see
            pass
        proc.kill()


def _text(raw: bytes) -> str:
    # As subprocess's text mode did: the locale's encoding, bad bytes replaced, universal newlines.
    text = raw.decode(locale.getpreferredencoding(False), errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")
