"""Reading a file that may be anything: a named pipe, /dev/zero behind a symlink, or a 10 GB log.

Every file the app reads (settings, declarations, profiles, snapshots, and what probes read through the
door) comes through `read_bounded`: it opens only regular files, without blocking, and never reads past a
cap. A FIFO would otherwise hang the read for ever and /dev/zero would fill memory until the machine
swaps; neither may ever reach `read()`."""

from __future__ import annotations

import os
import stat

from checks.system import ReadDenied

SMALL_FILE_BYTES = 1 << 20  # settings, declarations, config files
JSON_FILE_BYTES = 32 << 20  # logins.json with thousands of saved logins
SNAPSHOT_BYTES = 64 << 20  # a support snapshot from a busy laptop


class NotARegularFile(ReadDenied):
    """The path exists but is a FIFO, device, socket or folder: it is never opened for reading."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(path)
        self.path = path
        self.kind = kind

    @property
    def reason(self) -> str:
        return f"it is {self.kind}, not an ordinary file"

    def __str__(self) -> str:
        return f"{self.path} ({self.reason})"


class TooBig(ReadDenied):
    """The file is larger than the cap: nothing past the cap is read."""

    def __init__(self, path: str, limit: int) -> None:
        super().__init__(path)
        self.path = path
        self.limit = limit

    @property
    def reason(self) -> str:
        return f"it is larger than {_size(self.limit)}"

    def __str__(self) -> str:
        return f"{self.path} ({self.reason})"


def _size(n: int) -> str:
    return f"{n >> 20} MB" if n >= 1 << 20 else f"{n >> 10} KB"


def kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not an ordinary file"


def read_bounded(path: str | os.PathLike[str], limit: int = SMALL_FILE_BYTES) -> bytes | None:
    """The bytes of a regular file of at most `limit` bytes; None when it does not exist.

    Raises NotARegularFile (a FIFO, device, socket or folder, also behind a symlink), TooBig, or
    ReadDenied (permission). A symlink to an ordinary file is followed (dotfile managers use them)."""
    shown = os.fspath(path)
    try:
        before = os.stat(path)  # before opening: opening some devices has effects of its own
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:  # a symlink loop, or a folder on the way we may not enter
        raise ReadDenied(shown) from exc
    if not stat.S_ISREG(before.st_mode):
        raise NotARegularFile(shown, kind_of(before.st_mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise ReadDenied(shown) from exc
    try:
        st = os.fstat(fd)  # the file really opened: it may have been swapped since the stat above
        if not stat.S_ISREG(st.st_mode):
            raise NotARegularFile(shown, kind_of(st.st_mode))
        if st.st_size > limit:
            raise TooBig(shown, limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            block = os.read(fd, min(1 << 20, limit + 1 - size))
            if not block:
                break
            chunks.append(block)
            size += len(block)
        if size > limit:  # it grew while we read it
            raise TooBig(shown, limit)
        return b"".join(chunks)
    except OSError as exc:
        raise ReadDenied(shown) from exc
    finally:
        os.close(fd)


class FileError(ValueError):
    """A file the candidate or an agency named could not be used: one line naming it, and the kind of
    problem ("missing", "unreadable", "not-utf8") so a caller can choose to warn, stop, or keep a backup."""

    def __init__(self, line: str, kind: str, reason: str = "") -> None:
        super().__init__(line)
        self.kind = kind
        self.reason = reason  # the plain why, without the path: "it is a named pipe (FIFO), not an ordinary file"


def read_named_text(path: str | os.PathLike[str], limit: int, what: str, utf8_hint: str) -> str:
    """The UTF-8 text of a profile, snapshot or settings file, read with read_bounded's limits.

    Every problem is a FileError whose message is one line: "<path>: cannot read the <what> (<why>)", or
    "<path>: byte N is not UTF-8 text; <utf8_hint>"."""
    shown = os.fspath(path)
    try:
        raw = read_bounded(path, limit)
    except (NotARegularFile, TooBig) as exc:
        raise FileError(f"{shown}: cannot read the {what} ({exc.reason})", "unreadable", exc.reason) from None
    except ReadDenied as exc:
        why = (exc.__cause__.strerror if isinstance(exc.__cause__, OSError) else None) or "not allowed"
        raise FileError(f"{shown}: cannot read the {what} ({why})", "unreadable", why) from None
    if raw is None:
        raise FileError(f"{shown}: cannot read the {what} (No such file or directory)", "missing")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileError(f"{shown}: byte {exc.start + 1} is not UTF-8 text; {utf8_hint}", "not-utf8") from None
