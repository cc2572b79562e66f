"""`devicecheck` with a display: open the main window at once and fill it as the checks finish.

DEVICECHECK_TIMINGS=1 prints to stderr how long after launch the window was shown and the last result
came in (tools/benchmark_startup.py uses it)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:  # Qt is imported inside run_app, after the timing starts
    from PySide6.QtWidgets import QApplication, QMessageBox

_T0 = time.monotonic()  # as early as this module is imported; the process start is added below


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"devicecheck: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    from checks.cli import PROFILE_HELP, TRAY_HELP

    p = _Parser(prog="devicecheck", description="Opens Device Check.")
    p.add_argument("--profile", metavar="FILE", help=PROFILE_HELP)
    p.add_argument("--tray", action="store_true", help=TRAY_HELP)
    # For support and for the screenshots: show what a snapshot recorded, judged at a given time.
    p.add_argument("--replay", metavar="SNAPSHOT", help=argparse.SUPPRESS)
    p.add_argument("--at", metavar="ISO-TIME", help=argparse.SUPPRESS)
    p.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    p.add_argument("--quit-when-done", action="store_true", help=argparse.SUPPRESS)  # for the benchmark
    return p


def _since_launch() -> float:
    """Seconds since the process started, interpreter start-up included. A launcher may pass its own
    clock (DEVICECHECK_LAUNCHED_AT, time.time()); on Linux /proc gives the start in clock ticks (10 ms);
    elsewhere we count from this module's import."""
    launched = os.environ.get("DEVICECHECK_LAUNCHED_AT")
    if launched:
        try:
            return time.time() - float(launched)
        except ValueError:
            pass
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])  # field 22: starttime
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _T0


def _timing(label: str) -> None:
    if os.environ.get("DEVICECHECK_TIMINGS"):
        print(f"devicecheck-timing: {label} {_since_launch() * 1000:.0f} ms", file=sys.stderr, flush=True)


def save_screenshot(widget: object, path: str) -> bool:
    """On a real X server, read the pixels back from the display; elsewhere render the widget."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    pix = None
    if QGuiApplication.platformName() == "xcb" and widget.screen() is not None:
        pix = widget.screen().grabWindow(widget.winId())
    if pix is None or pix.isNull():
        pix = widget.grab()
    return bool(pix.save(path))


def gui_application() -> QApplication:
    """The one QApplication: the existing one (pytest-qt makes it in tests) or a new one."""
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is None:
        return QApplication(sys.argv[:1])
    if not isinstance(existing, QApplication):  # a console-only QCoreApplication cannot show a window
        raise RuntimeError("a non-GUI QCoreApplication already runs; the window needs a QApplication")
    return existing


BAD_PROFILE_WORDS = "This copy of Device Check has a problem with its agency settings. Please tell your agency."


def cannot_start_box(exc: Exception) -> QMessageBox:
    """What the candidate sees when Device Check cannot start: a bad agency profile is the agency's to mend,
    so it gets a plain sentence, with the one technical line under "Show Details..." for whoever mends it."""
    from PySide6.QtWidgets import QMessageBox

    from checks.profile import ProfileError

    box = QMessageBox(QMessageBox.Icon.Critical, "Device Check", "", QMessageBox.StandardButton.Close)
    if isinstance(exc, ProfileError):
        box.setText(BAD_PROFILE_WORDS)
        box.setDetailedText(str(exc))
    else:  # a snapshot given by a support person: they read the line themselves
        box.setText(f"Device Check cannot start:\n{exc}")
    return box


def run_app(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from checks.profile import ProfileError
    from checks.snapshot import SnapshotError
    from desktop.main_window import MainWindow
    from desktop.session import Session

    _timing("python and Qt loaded")
    app = gui_application()
    _timing("display connected")
    QApplication.setApplicationName("Device Check")
    QApplication.setDesktopFileName("devicecheck")
    from desktop.single_instance import SingleInstance

    instance = SingleInstance(parent=app)
    # One already runs: it shows its window instead (a screenshot or timing run is a one-off and never asks).
    if not (args.screenshot or args.quit_when_done) and not instance.claim("tray" if args.tray else "show"):
        return 0
    try:
        system = None
        if args.replay:
            from checks.snapshot import load_snapshot

            system = load_snapshot(args.replay)
        at = None
        if args.at:
            from checks.cli import UsageError, parse_at

            try:
                at = parse_at(args.at, system.now() if system else datetime.now().astimezone())
            except UsageError as exc:
                raise ProfileError(str(exc)) from None
        session = Session.open(args.profile, system=system, at=at, replay_of=args.replay)
    except (ProfileError, SnapshotError) as exc:
        print(f"devicecheck: {exc}", file=sys.stderr)
        if QApplication.platformName() not in ("offscreen", "minimal"):  # someone is there to read it
            cannot_start_box(exc).exec()
        return 2
    for warning in session.warnings:
        print(f"devicecheck: warning: {warning}", file=sys.stderr)

    window = MainWindow(session)
    _timing("window built")
    from desktop.background import attach_background

    background = attach_background(app, window, session, instance)  # tray, monitor, start at login
    if not args.tray:  # the login item starts in the tray, without the window
        window.show()
    elif not background.tray.available:  # no tray to sit in: never a process with no window and no icon
        window.showMinimized()
    if session.first_run and not (args.tray or args.screenshot or args.quit_when_done):
        QTimer.singleShot(0, window.offer_welcome)  # beside the window; the checks start all the same
    QTimer.singleShot(0, lambda: _timing("window shown"))
    first_run = {"done": False}

    def finished(results: list[object]) -> None:
        if not first_run["done"]:
            first_run["done"] = True
            _timing("last result")
            if args.quit_when_done and not args.screenshot:
                QTimer.singleShot(0, app.quit)
            if args.screenshot:  # let the last rows paint, then save what the display shows
                QTimer.singleShot(300, lambda: (save_screenshot(window, args.screenshot), app.quit()))

    window.run_finished.connect(finished)
    QTimer.singleShot(0, window.check_everything)
    QTimer.singleShot(0, background.start)
    return int(app.exec())
