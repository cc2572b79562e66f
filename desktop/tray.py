"""The tray icon: overall state at a glance and a small menu. Where the desktop has no tray (GNOME without
the AppIndicator extension) there is no icon; the monitor keeps going with notifications alone."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

ALL_CLEAR = "all clear"
TO_FIX = "things to fix"
NOT_CHECKED = "not checked yet"
INCOMPLETE = "incomplete"


def state_icon(state: str) -> QIcon:
    """A round badge drawn here (no image files to lose): green tick, amber '!', or grey '?' (incomplete or
    not checked yet)."""
    colour, mark = {ALL_CLEAR: ("#2e7d32", "✓"), TO_FIX: ("#c77700", "!")}.get(state, ("#6b6b6b", "?"))
    icon = QIcon()
    for size in (16, 22, 24, 32, 48, 64):
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(8, int(size * 0.7)))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, mark)
        painter.end()
        icon.addPixmap(pix)
    return icon


class Tray(QObject):
    open_requested = Signal()
    check_requested = Signal()
    not_working_today = Signal(bool)  # ticked (True) or unticked
    pause_requested = Signal(bool)
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = NOT_CHECKED
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.icon: QSystemTrayIcon | None = None
        self.menu = QMenu()
        self.actions: dict[str, QAction] = {}
        for key, text, signal in (
            ("open", "Open Device Check", self.open_requested),
            ("check", "Check now", self.check_requested),
            ("not-working", "Not working today", self.not_working_today),
            ("pause", "Pause monitoring until tomorrow", self.pause_requested),
            ("quit", "Quit", self.quit_requested),
        ):
            if key == "quit":
                self.menu.addSeparator()
            action = self.menu.addAction(text)
            action.setCheckable(key in ("not-working", "pause"))  # ticked while in force; untick to undo
            action.triggered.connect(signal)
            self.actions[key] = action
        if self.available:
            self.icon = QSystemTrayIcon(state_icon(self.state), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.set_state(NOT_CHECKED, "Device Check")
            self.icon.show()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def set_state(self, state: str, tooltip: str | None = None) -> None:
        self.state = state
        if self.icon is not None:
            self.icon.setIcon(state_icon(state))
            self.icon.setToolTip(tooltip or f"Device Check: {state}")

    def set_outcome(self, outcome: str, line: str) -> None:
        """Green only on all-clear (checks/outcome.py); amber with "!" to fix; grey "?" while incomplete."""
        state = {"all-clear": ALL_CLEAR, "to-fix": TO_FIX}.get(outcome, INCOMPLETE)
        self.set_state(state, f"Device Check: {line}")

    def show_choices(self, not_working: bool, paused: bool) -> None:
        """Tick the menu items that are in force (set here, from the window, or from an earlier run)."""
        self.actions["not-working"].setChecked(not_working)
        self.actions["pause"].setChecked(paused)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
