"""LiveSystem: the real machine. The only module (with snapshot recording) that touches the OS."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

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
KEYRING_SERVICE = "devicecheck-roundtrip"
KEYRING_TIMEOUT = 5.0


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
            proc = subprocess.run(  # noqa: S603 - argv list, never a shell
                args,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=timeout,
                env=env,
                stdin=subprocess.DEVNULL,
                check=False,
                creationflags=flags,
            )
        except FileNotFoundError:
            return CommandResult(args, 127, "", "", missing=True)
        except PermissionError as exc:
            return CommandResult(args, 126, "", str(exc))
        except subprocess.TimeoutExpired:
            return CommandResult(args, -1, "", "", timed_out=True)
        except OSError as exc:
            return CommandResult(args, 126, "", str(exc))
        return CommandResult(args, proc.returncode, proc.stdout, proc.stderr)

    def read_text(self, path: str) -> str | None:
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_READ_BYTES)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except PermissionError as exc:
            raise ReadDenied(path) from exc
        except IsADirectoryError:
            return None
        return data.decode("utf-8", errors="replace")

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
        except OSError:
            return None
        import stat

        return FileInfo(st.st_size, st.st_mtime, stat.S_ISDIR(st.st_mode))

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
        for proc in psutil.process_iter(["pid", "name", "exe", "cmdline"]):
            info = proc.info
            out.append(
                ProcessInfo(
                    pid=int(info.get("pid") or 0),
                    name=str(info.get("name") or ""),
                    exe=str(info.get("exe") or ""),
                    cmdline=tuple(info.get("cmdline") or ()),
                )
            )
        return out

    def sqlite_query(self, path: str, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]] | None:
        if not os.path.isfile(path):
            return None
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
            with open(path, "rb") as fh:
                data = json.load(fh)
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None
        except (OSError, ValueError) as exc:
            raise ReadDenied(path) from exc
        items = data.get(key) if isinstance(data, dict) else None
        return len(items) if isinstance(items, list) else None

    def keyring_state(self) -> KeyringState:
        result: dict[str, KeyringState] = {}

        def attempt() -> None:
            result["state"] = keyring_roundtrip()

        # A locked keyring may pop up a prompt and wait: never let it hold the check.
        worker = threading.Thread(target=attempt, daemon=True)
        worker.start()
        worker.join(KEYRING_TIMEOUT)
        if "state" not in result:
            return KeyringState("unknown", "error: the keyring did not answer in time")
        return result["state"]

    def now(self) -> datetime:
        return datetime.now().astimezone()


def backend_name(backend: object) -> str:
    """"module.Class" of the store that really holds entries: a ChainerBackend writes to its first backend."""
    chained = getattr(backend, "backends", None) if type(backend).__name__ == "ChainerBackend" else None
    if chained:
        backend = chained[0]
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def keyring_roundtrip() -> KeyringState:
    """Store, read back and delete a throwaway entry under the app's own service name."""
    import secrets

    try:
        import keyring
        from keyring.backend import KeyringBackend
    except Exception as exc:  # keyring missing from a broken install
        return KeyringState("none", f"error: {type(exc).__name__}: {exc}")
    try:
        backend: KeyringBackend = keyring.get_keyring()
    except Exception as exc:
        return KeyringState("none", f"error: {type(exc).__name__}: {exc}")
    name = backend_name(backend)
    if "plaintext" in name.lower():
        # Never write even a throwaway value into a plain-text file: the backend alone decides the check.
        return KeyringState(name, "not tried: a plain-text store is never written to")
    user = "probe-" + secrets.token_hex(4)
    value = secrets.token_hex(16)  # never printed or stored anywhere
    try:
        backend.set_password(KEYRING_SERVICE, user, value)
        try:
            ok = backend.get_password(KEYRING_SERVICE, user) == value
        finally:
            backend.delete_password(KEYRING_SERVICE, user)
    except Exception as exc:
        return KeyringState(name, f"error: {type(exc).__name__}: {str(exc)[:200]}")
    return KeyringState(name, "ok" if ok else "error: the value read back did not match")
