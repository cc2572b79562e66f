"""Files that must survive a crash: written whole or not at all; a corrupt one is kept as *.bak."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from checks.bounded import SMALL_FILE_BYTES, FileError, read_named_text


def atomic_write_text(path: Path, text: str) -> None:
    """Write a temporary file beside `path`, flush it to disk, then rename it over `path`.

    The temporary file's name holds the writer's process id. A writer killed half way (power cut, kill -9)
    leaves its temporary file behind; the next successful write of the same file removes those whose
    process has gone, so they never pile up, and never touches one another live process is writing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{_temp_prefix(path)}{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _remove_dead_writers_temps(path)
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable where the OS allows it
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _remove_dead_writers_temps(path: Path) -> None:
    prefix = _temp_prefix(path)
    try:
        leftovers = [n for n in os.listdir(path.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    if not leftovers:
        return
    import psutil  # only when there is something to tidy: most writes never import it

    for name in leftovers:
        pid_text = name[len(prefix) :].split(".", 1)[0]
        if (
            not (pid_text.isascii() and pid_text.isdigit())
            or int(pid_text) == os.getpid()
            or psutil.pid_exists(int(pid_text))
        ):
            continue  # ours (another thread may be writing) or a live process's: leave it
        try:
            os.unlink(path.parent / name)
        except OSError:
            pass


def atomic_write_json(path: Path, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, indent=2, sort_keys=True) + "\n")


def load_json_or_backup(path: Path, schema: str) -> tuple[dict[str, Any] | None, str | None]:
    """(data, warning). A missing file gives (None, None). A file that is not valid JSON, or not ours,
    is renamed to *.bak (never deleted) and gives (None, a one-line warning naming the file)."""
    problem: str | None = None
    data: Any = None
    try:
        text = read_named_text(path, SMALL_FILE_BYTES, "file", "")
    except FileError as exc:
        if exc.kind == "missing":
            return None, None
        if exc.kind != "not-utf8":  # never read, never moved: it is not ours to tidy, and it may come back
            return None, f"{path}: could not be read ({exc.reason}); it was left alone and the defaults are used"
        problem = "not UTF-8 text"
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            problem = f"line {exc.lineno}: {exc.msg}"
        except RecursionError:
            problem = "nested too deeply to be settings"
        else:
            if not isinstance(data, dict) or data.get("schema") != schema:
                problem = f"key 'schema' is not {schema!r}"
    if problem is None:
        return data, None
    backup = path.with_name(path.name + ".bak")
    try:
        os.replace(path, backup)
        kept = f"kept as {backup.name}"
    except OSError:
        kept = "left in place"
    return None, f"{path}: {problem}; the damaged file was {kept} and the defaults are used"
