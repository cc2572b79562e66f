"""'Quit Discord' from a notification: ask first, then ask the app to close. Never kill -9, never forced:
an app that wants to save or ask its own question may do so. Linux and macOS: SIGTERM (psutil's
terminate). Windows: `taskkill /PID n` without /F, which sends the app's windows WM_CLOSE, because
psutil's terminate() there is TerminateProcess, a forced end."""

from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from checks.monitor import app_processes, find_app
from checks.profile import Profile
from checks.system import System


def terminate_app(system: System, profile: Profile, app_name: str) -> int:
    """Politely ask every process of the app to end; returns how many were asked."""
    return len(ask_to_end(system, profile, app_name))


def ask_to_end(system: System, profile: Profile, app_name: str) -> list[Any]:
    """Politely ask every process of the app to end; returns the psutil processes asked."""
    import psutil

    app = find_app(profile, app_name)
    if app is None:
        return []
    asked: list[Any] = []
    for info in app_processes(system.processes(), app, system.platform):
        try:
            proc = psutil.Process(info.pid)
            if proc.name() != info.name:  # the PID was reused since the list was taken: leave it alone
                continue
            if sys.platform == "win32":
                subprocess.run(
                    ["taskkill", "/PID", str(info.pid)],
                    capture_output=True,
                    timeout=10,
                    check=False,
                    creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
                )
            else:
                proc.terminate()
            asked.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess, OSError, subprocess.TimeoutExpired):
            continue
    return asked


def _still_running(proc: Any, psutil: Any) -> bool:
    try:
        return bool(proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False


class QuitAsker(QObject):
    """Shows 'Quit Discord?' (not modal to the whole desktop, never blocking the monitor); `done(app, asked)`."""

    done = Signal(str, int)
    closed = Signal(str)  # the app's processes have ended (or had a fair while to): its row checks again
    WAIT_SECONDS = 15  # an app may first ask about unsaved work; after this the row checks again anyway

    def __init__(self, system: System, profile: Profile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.system = system
        self.profile = profile
        self.boxes: dict[str, QMessageBox] = {}

    def ask(self, app_name: str, parent_widget: QWidget | None = None) -> QMessageBox:
        if app_name in self.boxes:  # already asking: bring that question forward instead of a second one
            box = self.boxes[app_name]
            box.raise_()
            box.activateWindow()
            return box
        box = QMessageBox(
            QMessageBox.Icon.Question,
            f"Quit {app_name}?",
            f"Device Check will ask {app_name} to close.\n\n"
            f"If you have something unsaved in {app_name}, {app_name} may ask you about it first.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent_widget,
        )
        box.setObjectName(f"quit-{app_name}")
        box.button(QMessageBox.StandardButton.Yes).setText(f"Quit {app_name}")
        box.button(QMessageBox.StandardButton.No).setText("Leave it open")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result, name=app_name: self._answered(name, result))
        self.boxes[app_name] = box
        box.show()
        box.raise_()
        return box

    def _answered(self, app_name: str, result: int) -> None:
        box = self.boxes.pop(app_name, None)
        if box is not None:
            box.deleteLater()
        procs: list[Any] = []
        if result == QMessageBox.StandardButton.Yes.value:
            procs = ask_to_end(self.system, self.profile, app_name)
        self.done.emit(app_name, len(procs))
        if procs:
            threading.Thread(target=self._wait, args=(app_name, procs), name="quit-wait", daemon=True).start()

    def _wait(self, app_name: str, procs: list[Any]) -> None:
        import psutil

        # Polled, not waited on: waiting would reap a process that is our own child (as in the tests).
        pause = threading.Event()
        for _ in range(int(self.WAIT_SECONDS / 0.2)):
            if not any(_still_running(p, psutil) for p in procs):
                break
            pause.wait(0.2)
        try:
            self.closed.emit(app_name)  # queued to the GUI thread
        except RuntimeError:  # the app is quitting: nobody to tell
            pass
