"""Small helpers every widget uses: buttons that work from the keyboard, relative font sizes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget


def button(text: str, accessible_name: str, parent: QWidget | None = None) -> QPushButton:
    """A push button that Enter and Space both press (autoDefault makes Enter work outside dialogs too)."""
    b = QPushButton(text, parent)
    b.setAccessibleName(accessible_name)
    b.setAutoDefault(True)
    return b


class FoldButton(QPushButton):
    """A flat button that opens and folds a part of the page. Not a checkable button: Qt would present it to
    screen readers as a check box; as a plain button its name says what pressing it does ("Show …",
    "Hide …"). isChecked/setChecked/toggled keep the checkable-button interface for the code around it."""

    def __init__(self, text: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAccessibleName(accessible_name)
        self.setAutoDefault(True)
        self.setFlat(True)
        self._open = False
        self.clicked.connect(lambda: self.setChecked(not self._open))

    def isChecked(self) -> bool:  # noqa: N802 - Qt's name
        return self._open

    def setChecked(self, open_: bool) -> None:  # noqa: N802 - Qt's name
        if open_ != self._open:
            self._open = open_
            self.toggled.emit(open_)


def scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    """A font relative to `base`, so text follows the system font size."""
    f = QFont(base)
    if base.pointSizeF() > 0:
        f.setPointSizeF(base.pointSizeF() * factor)
    elif base.pixelSize() > 0:  # some platforms give the default font in pixels: scale it the same way
        f.setPixelSize(max(1, round(base.pixelSize() * factor)))
    f.setBold(bold)
    return f


def wrapping_label(text: str = "", parent: QWidget | None = None, selectable: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        # Selectable by mouse only: keyboard focus stays on the controls, so Tab is not slowed by text.
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CheckLabel(QLabel):
    """The words of a check box, beside it and wrapping as a long sentence must: a click on them ticks the
    box, as a form's label does, and the box gets the focus. The box's own accessible name is these words."""

    def __init__(self, text: str, box: QAbstractButton, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(box)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        event.accept()
        self.box.setFocus(Qt.FocusReason.MouseFocusReason)
        self.box.toggle()
