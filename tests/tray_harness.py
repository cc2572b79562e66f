"""Runs Device Check's background part (tray, monitor, notifications) on a real display and bus, with the
clock starting at a chosen local time and running `--scale` times faster, and reports what happened as
JSON lines on stdout. Started by tests/tray/test_tray_session.py inside its own Xvfb, trayer, dunst and D-Bus.

    python tests/tray_harness.py --profile P --start 2026-11-25T10:00 --scale 0.01 --sim-seconds 90
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget  # noqa: E402

from checks.monitor import not_working_today  # noqa: E402
from checks.profile import load_profile  # noqa: E402
from checks.settings import SettingsStore  # noqa: E402


def say(**event: object) -> None:
    print(json.dumps(event, default=str), flush=True)


class ScaledClock:
    """Local time that starts at `start` and runs 1/scale times faster than the real clock."""

    def __init__(self, start: datetime, scale: float) -> None:
        self.start, self.scale, self.t0 = start, scale, time.monotonic()

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=(time.monotonic() - self.t0) / self.scale)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--profile", required=True)
    p.add_argument("--start", required=True)
    p.add_argument("--scale", type=float, default=0.01)
    p.add_argument("--sim-seconds", type=float, default=90)
    p.add_argument("--not-working-today", action="store_true")
    p.add_argument("--wait-tray", type=float, default=0, help="seconds to wait for a tray to appear")
    p.add_argument("--answer-quit", choices=("yes", "no"), help="answer the 'Quit <app>?' question")
    p.add_argument("--failing", type=int, help="show results with this many failing checks on the tray icon")
    p.add_argument(
        "--window", action="store_true", help="the real main window, wired as the app wires it, kept in the tray"
    )
    args = p.parse_args()

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Device Check")
    deadline = time.monotonic() + args.wait_tray
    while not QSystemTrayIcon.isSystemTrayAvailable() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)  # waiting for trayer to claim the tray selection before the app starts
    start = datetime.fromisoformat(args.start).astimezone()
    clock = ScaledClock(start, args.scale)
    store = SettingsStore()
    if args.not_working_today:
        store.save_settings(not_working_today(store.load_settings(), start.date()))

    from desktop.background import Background, attach_background

    main_window = None
    if args.window:  # as `devicecheck --tray` starts at sign-in: the window built, hidden, the tray wired to it
        from desktop.main_window import MainWindow
        from desktop.session import Session
        from desktop.single_instance import SingleInstance

        session = Session.open(args.profile)
        main_window = MainWindow(session)
        bg = attach_background(app, main_window, session, SingleInstance(parent=app), clock, args.scale)
    else:
        window = QWidget()
        window.setWindowTitle("Device Check")
        bg = Background(app, window, load_profile(args.profile), store, clock=clock, time_scale=args.scale)
    say(
        event="started",
        tray_available=bg.tray.available,
        tray_visible=bool(bg.tray.icon and bg.tray.icon.isVisible()),
        notifier=type(bg.notifier).__name__,
    )
    bg.notice.connect(lambda text: say(event="notice", text=text))
    bg.monitor.planned.connect(
        lambda step: say(
            event="planned", scan_now=step.scan_now, next_wake=step.next_wake, sim_now=clock(), reason=step.reason
        )
    )
    bg.monitor.scanned.connect(lambda payload: say(event="scanned", apps=list(payload[0])))
    bg.monitor.scan_failed.connect(lambda why: say(event="scan_failed", why=why))
    bg.asker.done.connect(lambda name, asked: say(event="quit_done", app=name, asked=asked))
    # Connected last, so the window, the tray and the notifier have all taken the daily check's results.
    bg.monitor.checked.connect(
        lambda payload: say(
            event="checked",
            failing=sorted(r.id for r in payload[0] if r.status.value == "fail"),
            window=main_window.summary.text() if main_window else None,
            tooltip=bg.tray.icon.toolTip() if bg.tray.icon else None,
        )
    )

    def answer_boxes() -> None:
        for name, box in list(bg.asker.boxes.items()):
            if box.isVisible():
                say(event="asked", app=name, title=box.windowTitle(), text=box.text())
                button = QMessageBox.StandardButton.Yes if args.answer_quit == "yes" else QMessageBox.StandardButton.No
                box.button(button).click()

    if args.answer_quit:
        poll = QTimer(app)
        poll.timeout.connect(answer_boxes)
        poll.start(50)

    started_at: dict[str, float] = {}

    def finish() -> None:
        say(
            event="finished",
            scans=bg.monitor.scans,
            sent=getattr(bg.notifier, "sent", []),
            sim_now=clock(),
            cpu_seconds=time.process_time() - started_at["cpu"],
            wall_seconds=time.monotonic() - started_at["wall"],
        )
        bg.quit()

    # With --answer-quit the test ends the run by closing stdin once it has seen the answer.
    if args.answer_quit is None:
        QTimer.singleShot(int(args.sim_seconds * 1000 * args.scale), finish)
    else:
        from PySide6.QtCore import QSocketNotifier

        stdin_watch = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, app)
        stdin_watch.activated.connect(lambda: (stdin_watch.setEnabled(False), finish()))
    bg.start()
    if args.failing is not None:
        from checks.model import CheckResult, Severity, Status

        results = [
            CheckResult(
                id=f"check-{i}",
                status=Status.FAIL if i < args.failing else Status.PASS,
                severity=Severity.REQUIRED,
                clause=2,
                title="",
                detail="",
                evidence={},
                fix=None,
                duration_ms=0,
            )
            for i in range(max(args.failing, 1) + 2)
        ]
        bg.show_results(results)
        say(event="results_shown", state=bg.tray.state, tooltip=bg.tray.icon.toolTip() if bg.tray.icon else None)
    started_at.update(cpu=time.process_time(), wall=time.monotonic())
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
