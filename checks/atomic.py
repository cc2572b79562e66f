"""Files that must survive a crash: written whole or not at all; a damaged one is kept as a backup named by
time (settings.json.2026-11-29T10-30-00.bak), never over an earlier one; one written by a newer version of
Device Check is never moved and never overwritten."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime
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


def schema_is_newer(found: object, schema: str) -> bool:
    """True when `found` names a later version of `schema` ("devicecheck-settings/2" against .../1)."""
    name, _, ours = schema.rpartition("/")
    if not isinstance(found, str) or not found.startswith(name + "/"):
        return False
    theirs = found[len(name) + 1 :]
    return theirs.isascii() and theirs.isdigit() and ours.isdigit() and int(theirs) > int(ours)


def newer_version_warning(path: Path, found: str) -> str:
    return (
        f"{path}: made by a newer version of Device Check ({found[:60]}); it was left as it is, the defaults "
        "are used, and changes made here are not saved to it"
    )


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged file to <name>.<time>.bak, adding -2, -3... when that name is taken: an earlier backup
    is never overwritten. Raises OSError when it cannot be moved."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%dT%H-%M-%S")
    for n in range(1, 1000):
        backup = path.with_name(f"{path.name}.{stamp}{'' if n == 1 else f'-{n}'}.bak")
        try:
            os.link(path, backup)  # fails if the name is taken, so nothing is ever overwritten
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links: rename, having checked the name is free
            if os.path.lexists(backup):
                continue
            os.rename(path, backup)
            return backup
        os.unlink(path)
        return backup
    raise FileExistsError(path)


def write_json_unless_newer(path: Path, data: Any, schema: str) -> bool:
    """Write `data` atomically unless the file there now was written by a newer version (False: left alone)."""
    try:
        found = json.loads(read_named_text(path, SMALL_FILE_BYTES, "file", "")).get("schema")
    except (ValueError, AttributeError, RecursionError):  # FileError is a ValueError too
        found = None  # damaged or unreadable: ours to replace (a damaged file was kept when it was loaded)
    if schema_is_newer(found, schema):
        return False
    atomic_write_json(path, data)
    return True


def load_json_or_backup(path: Path, schema: str) -> tuple[dict[str, Any] | None, str | None]:
    """(data, warning). A missing file gives (None, None). A file that is not valid JSON, or not ours,
    is moved aside to a backup named by time (never deleted) and gives (None, a one-line warning naming the
    file and the backup). A file from a newer version is left untouched and says so."""
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
            found = data.get("schema") if isinstance(data, dict) else None
            if schema_is_newer(found, schema):
                return None, newer_version_warning(path, str(found))
            if found != schema:
                problem = f"key 'schema' is not {schema!r}"
    if problem is None:
        return data, None
    try:
        kept = f"kept as {move_aside(path).name}"
    except OSError:
        kept = "left in place"
    return None, f"{path}: {problem}; the damaged file was {kept} and the defaults are used"
