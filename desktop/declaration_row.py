"""One declaration: a checkbox the candidate ticks to confirm, with the date confirmed and when it is due
again. Ticking saves at once (the window passes it to Session.confirm).

The sentence is the box's label, as in any form: clicking it ticks the box, and a screen reader hears the
sentence as the box's name. The row itself is named "To confirm: …" or "Confirmed: …"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPersistentModelIndex, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.checklist_model import Role
from desktop.widgets_common import CheckLabel, wrapping_label


def when_text(confirmed_at: datetime | None, due: bool, review_days: int) -> str:
    if confirmed_at is None:
        return "Not confirmed yet. Tick the box once it is true for you."
    day = f"{confirmed_at.day} {confirmed_at:%B %Y}"
    if due:
        return f"You confirmed this on {day}. It is time to look again and tick it once more."
    return f"Confirmed on {day}. We will ask again after {review_days} days."


class DeclarationRow(QFrame):
    toggled = Signal(str, bool)  # declaration id, ticked

    def __init__(self, index: QPersistentModelIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.declaration_id: str = index.data(Role.ID)
        self.sentence: str = index.data(Role.TITLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QHBoxLayout(self)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(self.sentence)
        column = QVBoxLayout()
        self.text = CheckLabel(self.sentence, self.box, self)
        self.when = wrapping_label("", self)
        column.addWidget(self.text)
        column.addWidget(self.when)
        outer.addWidget(self.box, 0)
        outer.addLayout(column, 1)
        self.kind = QLabel("You confirm", self)  # a declaration is not something the laptop can check
        outer.addWidget(self.kind, 0)
        self.refresh()
        self.box.toggled.connect(lambda on: self.toggled.emit(self.declaration_id, on))

    def refresh(self) -> None:
        confirmed_at = self.index.data(Role.CONFIRMED_AT)
        due = bool(self.index.data(Role.DUE))
        ticked = confirmed_at is not None and not due
        self.box.blockSignals(True)
        self.box.setChecked(ticked)
        self.box.blockSignals(False)
        self.when.setText(when_text(confirmed_at, due, int(self.index.data(Role.REVIEW_DAYS) or 0)))
        self.box.setAccessibleDescription(self.when.text())
        self.setAccessibleName(f"{'Confirmed' if ticked else 'To confirm'}: {self.sentence}")
        self.setAccessibleDescription(self.when.text())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # a click elsewhere on the row ticks the box too
        self.box.toggle()
        self.box.setFocus()
