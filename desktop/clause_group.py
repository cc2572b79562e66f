"""One policy clause in the checklist: its number and heading, the policy's own words on demand, and the
rows for its checks and declarations (or a note that there is nothing to check here)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from desktop.check_row import CheckRow
from desktop.checklist_model import KIND_CHECK, Role
from desktop.declaration_row import DeclarationRow
from desktop.widgets_common import FoldButton, scaled_font, wrapping_label

NOTHING_TO_CHECK = "Good practice: nothing to check here. Read the policy's words to see what it asks."


class ClauseGroup(QFrame):
    def __init__(self, index: QModelIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        number = index.data(Role.CLAUSE_NUMBER)
        heading = index.data(Role.TITLE)
        self.number = int(number)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = wrapping_label(f"{number}. {heading}" if number else heading, self)
        self.heading.setFont(scaled_font(self.font(), 1.2, bold=True))
        layout.addWidget(self.heading)
        self.setAccessibleName(self.heading.text())  # the group is known by its heading
        self.quote_toggle = FoldButton("Read the policy's words ▸", f"Read the policy's words for point {number}", self)
        self.quote = wrapping_label(f"“{index.data(Role.CLAUSE_TEXT)}”", self)
        font = self.quote.font()
        font.setItalic(True)
        self.quote.setFont(font)
        self.quote.hide()
        self.quote_toggle.toggled.connect(self._show_quote)
        layout.addWidget(self.quote_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.quote)
        self.check_rows: list[CheckRow] = []
        self.declaration_rows: list[DeclarationRow] = []
        model = index.model()
        for r in range(model.rowCount(index)):
            child = QPersistentModelIndex(model.index(r, 0, index))
            if child.data(Role.KIND) == KIND_CHECK:
                check_row = CheckRow(child, self)
                self.check_rows.append(check_row)
                layout.addWidget(check_row)
            else:
                declaration_row = DeclarationRow(child, self)
                self.declaration_rows.append(declaration_row)
                layout.addWidget(declaration_row)
        self.note = None
        if not self.check_rows and not self.declaration_rows:
            self.note = wrapping_label(NOTHING_TO_CHECK, self)
            layout.addWidget(self.note)

    def _show_quote(self, shown: bool) -> None:
        self.quote.setVisible(shown)
        self.quote_toggle.setText("Hide the policy's words ▾" if shown else "Read the policy's words ▸")
        what = "Hide" if shown else "Read"
        self.quote_toggle.setAccessibleName(f"{what} the policy's words for point {self.number}")
