"""'Talked to my consultant': for a required check that cannot be fixed now (a disk that needs a reinstall).
The candidate says for how many days (at most the agency's limit) and may add a short note. It changes no
result: the row and the report say "To fix — acknowledged until …" and the tray stops reminding about it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from checks.acknowledge import NOTE_MAX, Acknowledgement, until_words
from desktop.widgets_common import wrapping_label

END_MARK = 2  # the dialog's result when the candidate ends a mark that stands


class AcknowledgeDialog(QDialog):
    def __init__(
        self, title: str, max_days: int, current: Acknowledgement | None, now: datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Talked to my consultant — Device Check")
        column = QVBoxLayout(self)
        column.addWidget(
            wrapping_label(
                f"“{title}” still needs fixing. If you cannot fix it now and have talked to your consultant "
                "about it, mark it here. It will still show as to fix on your report, with the date this mark "
                f"ends, and Device Check will stop reminding you about it until then (at most {max_days} "
                f"day{'s' if max_days != 1 else ''}).",
                self,
            )
        )
        if current is not None and current.active(now):
            column.addWidget(wrapping_label(f"At the moment it is {until_words(current.until)}.", self))
        form = QFormLayout()
        self.days = QSpinBox(self)
        self.days.setRange(1, max_days)
        self.days.setValue(max_days)
        self.days.setSuffix(" days")
        self.days.setAccessibleName("For how many days")
        form.addRow("For how many days:", self.days)
        self.note = QLineEdit(current.note if current else "", self)
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText("For example: needs a reinstall, booked for Saturday")
        self.note.setAccessibleName("Note (optional)")
        form.addRow("Note (optional):", self.note)
        column.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setDefault(True)
        self.end = None
        if current is not None and current.active(now):
            self.end = buttons.addButton("End this mark", QDialogButtonBox.ButtonRole.DestructiveRole)
            self.end.clicked.connect(lambda: self.done(END_MARK))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
