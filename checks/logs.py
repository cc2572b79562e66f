"""The support log: standard `logging` to a rotating file in the candidate's log folder.

`setup_logging()` is called once per process by the entry point (desktop/entry.py, for the window and the
command line alike). It writes `devicecheck.log` (1 MB, then three older files) in platformdirs' user log
folder, or in DEVICECHECK_LOG_DIR when that is set (tests and support use it). When the folder cannot be
written, Device Check carries on without a log file and says so once on stderr.

What lands in the file is what a support person needs and nothing a candidate would mind sending: the
version, the OS and desktop, when a run starts and ends, each check's status and how long it took, and any
exception with its traceback. Never a password, a file's contents or a web address: modules log ids,
statuses, counts and reasons, as the report does.

Modules log with `logging.getLogger(__name__)`; the "checks" and "desktop" loggers pass INFO and above to
the file, other libraries only their warnings.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from checks._version import __version__
from checks.paths import APP_NAME

if TYPE_CHECKING:
    from checks.model import CheckResult

LOG_FILE = "devicecheck.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(process)d %(threadName)s] %(message)s"
OUR_LOGGERS = ("checks", "desktop")

log = logging.getLogger(__name__)

_lock = threading.Lock()
_handler: logging.Handler | None = None  # set by the first setup_logging() of this process
_log_path: Path | None = None


class _QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A log that never gets in the way: a failed write or rollover (a full disk, another Device Check
    process holding the file on Windows) drops that record instead of printing logging's own traceback."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def default_log_dir() -> Path:
    """DEVICECHECK_LOG_DIR, or the OS's per-user log folder (~/.local/state/devicecheck/log on Linux,
    %LOCALAPPDATA%\\devicecheck\\Logs on Windows, ~/Library/Logs/devicecheck on macOS)."""
    override = os.environ.get("DEVICECHECK_LOG_DIR")
    if override:
        return Path(override)
    import platformdirs  # imported here, as in checks/paths.py: only the paths that need it pay for it

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def setup_logging(log_dir: Path | None = None) -> Path | None:
    """Send the "checks" and "desktop" loggers to the rotating log file; returns its path, or None when
    the folder cannot be written (then one warning on stderr, and no log file). Only the first call in a
    process does anything; later ones return the same answer."""
    global _handler, _log_path
    with _lock:
        if _handler is not None:
            return _log_path
        folder = log_dir if log_dir is not None else default_log_dir()
        path: Path | None = folder / LOG_FILE
        handler: logging.Handler
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = _QuietRotatingFileHandler(
                folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
            )
        except OSError as exc:
            print(f"devicecheck: warning: no log file ({folder}: {exc.strerror or exc})", file=sys.stderr)
            handler, path = logging.NullHandler(), None  # keeps logging's last-resort stderr output away too
        handler.setFormatter(logging.Formatter(FORMAT))
        logging.getLogger().addHandler(handler)
        for name in OUR_LOGGERS:
            logging.getLogger(name).setLevel(logging.INFO)
        _handler, _log_path = handler, path
    _install_exception_hooks()
    log.info(
        "Device Check %s started: %s; Python %s%s; desktop %s; command %s",
        __version__,
        os_description(),
        platform.python_version(),
        " (frozen)" if getattr(sys, "frozen", False) else "",
        os.environ.get("XDG_CURRENT_DESKTOP") or os.environ.get("DESKTOP_SESSION") or "-",
        " ".join(sys.argv[1:]) or "(none)",
    )
    return path


def os_description() -> str:
    """The OS for the log's first line, e.g. "Debian GNU/Linux 12 (bookworm), Linux 6.1.0-18-amd64 x86_64".
    Cheap: platform.platform() would read the interpreter's binary for the C library's version, which
    start-up time does not need."""
    kernel = f"{platform.system()} {platform.release()} {platform.machine()}"
    if sys.platform == "darwin":
        return f"macOS {platform.mac_ver()[0]}, {kernel}"
    if sys.platform == "win32":
        return f"Windows {platform.version()} {platform.machine()}"
    try:
        return f"{platform.freedesktop_os_release().get('PRETTY_NAME', '?')}, {kernel}"
    except OSError:
        return kernel


def _install_exception_hooks() -> None:
    """An exception nobody caught (on the main thread, in a Qt slot, or on a worker thread) is logged with
    its traceback, then handled as before (Python prints it, Qt's handler runs)."""
    previous = sys.excepthook

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            log.critical("uncaught exception", exc_info=(kind, exc, tb))
        previous(kind, exc, tb)

    sys.excepthook = excepthook
    previous_thread_hook = threading.excepthook

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None and not isinstance(args.exc_value, SystemExit):
            name = args.thread.name if args.thread else "?"
            log.critical(
                "uncaught exception in thread %s", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
            )
        previous_thread_hook(args)

    threading.excepthook = thread_excepthook


def run_started(kind: str, only: Sequence[str] = ()) -> float:
    """Log that a run begins (kind: "check", "window", "snapshot"...); returns the start time for
    run_finished()."""
    log.info("run started (%s): %s", kind, ", ".join(only) if only else "every check")
    return time.monotonic()


def run_finished(kind: str, results: Iterable[CheckResult], started: float) -> None:
    """Log each check's status and duration, then the run's totals."""
    counts: Counter[str] = Counter()
    for r in results:
        counts[r.status.value] += 1
        log.info("check %s: %s (%s) in %d ms", r.id, r.status.value, r.severity.value, r.duration_ms)
    totals = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no checks"
    log.info("run finished (%s) in %.2f s: %s", kind, time.monotonic() - started, totals)
