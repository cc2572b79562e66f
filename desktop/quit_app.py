"""'Quit Discord' from a notification: ask first, then ask the app to close. Never kill -9, never forced:
an app that wants to save or ask its own question may do so. Linux and macOS: SIGTERM (psutil's
terminate). Windows: `taskkill /PID n` without /F, which sends the app's windows WM_CLOSE, because
psutil's terminate() there is TerminateProcess, a forced end."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from checks.monitor import app_processes, find_app
from checks.profile import Profile
from checks.system import System


def terminate_app(system: System, profile: Profile, app_name: str) -> int:
    """Politely ask every process of the app to end; returns how many were asked."""
    import psutil

    app = find_app(profile, app_name)
    if app is None:
        return 0
    asked = 0
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
            asked += 1
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess, OSError, subprocess.TimeoutExpired):
            continue
    return asked


class QuitAsker(QObject):
    """Shows 'Quit Discord?' (not modal to the whole desktop, never blocking the monitor); `done(app, asked)`."""

    done = Signal(str, int)

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
        asked = 0
        if result == QMessageBox.StandardButton.Yes.value:
            asked = terminate_app(self.system, self.profile, app_name)
        self.done.emit(app_name, asked)
