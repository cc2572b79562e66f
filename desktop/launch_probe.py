"""DEVICECHECK_EXIT_AFTER_SHOW=1: quit as soon as the first window has painted, printing one line.

build/package.py uses it to measure the frozen app's launch time (and to read the window title); nothing else
does. It swaps in a QApplication subclass before the window code imports Qt, so desktop/app.py needs no hook."""

from __future__ import annotations

import os
import sys
import time

ENV = "DEVICECHECK_EXIT_AFTER_SHOW"
MARK = "devicecheck-window-shown"


def wanted() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def install() -> None:
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer

    started = time.perf_counter()

    class FirstPaint(QObject):
        """Waits for the first paint of a top-level window, lets one event-loop tick pass, then reports."""

        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, QtWidgets.QWidget):
                window = obj.window()
                if window.isVisible():
                    self.seen = True
                    QTimer.singleShot(0, lambda: report(window.windowTitle()))
            return False

    def report(title: str) -> None:
        print(f"{MARK} {time.perf_counter() - started:.3f} {title}", flush=True)
        sys.stderr.flush()
        os._exit(0)  # the measurement is done; skip tear-down so a busy worker thread cannot hold us

    class MeasuredApplication(QtWidgets.QApplication):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            self._first_paint = FirstPaint()
            self.installEventFilter(self._first_paint)

    QtWidgets.QApplication = MeasuredApplication  # type: ignore[misc]
