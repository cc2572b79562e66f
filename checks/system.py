"""The one door to the operating system.

Checks and probes never call subprocess, open, winreg, psutil or datetime.now themselves: they ask a
System. `LiveSystem` (checks/live.py) asks the real OS, `ReplaySystem` (checks/snapshot.py) answers from a
recorded snapshot, and `RecordingSystem` wraps a live one to write that snapshot.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

DEFAULT_TIMEOUT = 3.0

# Registry values that must never be read, whatever a probe asks for.
FORBIDDEN_REGISTRY_VALUES = frozenset({"defaultpassword", "altdefaultpassword"})


@dataclass(frozen=True)
class CommandResult:
    argv: tuple[str, ...]
    returncode: int
    stdout: str = ""
    stderr: str = ""
    missing: bool = False  # the program is not installed
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.missing and not self.timed_out

    def why_not(self) -> str:
        """A plain reason when the command did not give an answer."""
        name = self.argv[0] if self.argv else "command"
        if self.missing:
            return f"'{name}' is not installed"
        if self.timed_out:
            return f"'{name}' did not answer in time"
        first = (self.stderr or self.stdout).strip().splitlines()
        return f"'{name}' failed (exit {self.returncode})" + (f": {first[0][:160]}" if first else "")


@dataclass(frozen=True)
class ProcessInfo:
    pid: int
    name: str
    exe: str = ""
    cmdline: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileInfo:
    size: int
    mtime: float
    is_dir: bool = False
    is_link: bool = False  # the path itself is a symbolic link (size and kind are of what it points to)
    is_special: bool = False  # a FIFO, device or socket: never a file anyone keeps passwords in

    @property
    def is_file(self) -> bool:
        return not self.is_dir and not self.is_special


@dataclass(frozen=True)
class KeyringState:
    """The password store as found, never touched (checks/credential_store_live.py)."""

    backend: str  # "secret-service" | "kwallet" | "none" | a keyring backend's "module.Class" (macOS, Windows)
    state: str  # "unlocked" | "locked" | "no-default" | "no-service" | "no-bus" | "present" | "error: ..."
    removed: int = 0  # test entries Device Check 0.1.0 left behind, deleted from an unlocked store


class ReadDenied(Exception):
    """The file or key exists but this user may not read it."""


class System(ABC):
    """What a probe may ask of the machine. Every method is read-only."""

    platform: str  # "linux" | "windows" | "darwin"
    env: Mapping[str, str]
    user: str
    home: str

    @abstractmethod
    def run(self, argv: Sequence[str], timeout: float = DEFAULT_TIMEOUT) -> CommandResult:
        """Run a program (argv list, no shell, LC_ALL=C) and wait at most `timeout` seconds."""

    @abstractmethod
    def read_text(self, path: str) -> str | None:
        """The text of a small file, or None when it does not exist. Raises ReadDenied."""

    @abstractmethod
    def list_dir(self, path: str) -> list[str] | None:
        """The names in a folder (sorted), or None when it does not exist. Raises ReadDenied."""

    @abstractmethod
    def file_info(self, path: str) -> FileInfo | None:
        """Size and modification time, or None when the path does not exist."""

    @abstractmethod
    def which(self, program: str) -> str | None:
        """The full path of a program on PATH, or None."""

    @abstractmethod
    def registry_values(self, key: str, names: Sequence[str]) -> dict[str, str | int]:
        """The named values under a Windows registry key (only those present). Never DefaultPassword."""

    @abstractmethod
    def processes(self) -> list[ProcessInfo]:
        """The candidate's own running processes (same user id): never another user's."""

    @abstractmethod
    def sqlite_query(self, path: str, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]] | None:
        """Rows from a SQLite database opened read-only without disturbing its owner; None when absent."""

    @abstractmethod
    def json_count(self, path: str, key: str) -> int | None:
        """How many items the list under `key` of a JSON file holds; None when the file or key is absent.
        Only the count leaves the door (and a snapshot): never the items, which may be saved logins.
        Raises ReadDenied when the file exists but cannot be read or is not JSON."""

    @abstractmethod
    def keyring_state(self) -> KeyringState:
        """Which password store there is and whether it is locked, read without writing or prompting."""

    @abstractmethod
    def now(self) -> datetime:
        """The local time, timezone-aware."""


def check_registry_names(names: Sequence[str]) -> None:
    bad = [n for n in names if n.lower() in FORBIDDEN_REGISTRY_VALUES]
    if bad:
        raise ValueError(f"refusing to read secret registry value {bad[0]!r}")
