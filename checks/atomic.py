"""Files that must survive a crash: written whole or not at all; a corrupt one is kept as *.bak."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def atomic_write_text(path: Path, text: str) -> None:
    """Write a temporary file beside `path`, flush it to disk, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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


def atomic_write_json(path: Path, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, indent=2, sort_keys=True) + "\n")


def load_json_or_backup(path: Path, schema: str) -> tuple[dict[str, Any] | None, str | None]:
    """(data, warning). A missing file gives (None, None). A file that is not valid JSON, or not ours,
    is renamed to *.bak (never deleted) and gives (None, a one-line warning naming the file)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as exc:  # unreadable: leave it alone, it may come back
        return None, f"{path}: could not be read ({exc.strerror or exc}); using the defaults"
    problem: str | None = None
    data: Any = None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        problem = "not UTF-8 text"
    except json.JSONDecodeError as exc:
        problem = f"line {exc.lineno}: {exc.msg}"
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
