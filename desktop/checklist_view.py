"""The checklist view: a scrolling column of clause groups built from the ChecklistModel and refreshed
row by row when the model changes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from desktop.check_row import CheckRow
from desktop.checklist_model import KIND_CHECK, ChecklistModel, Role
from desktop.clause_group import ClauseGroup
from desktop.declaration_row import DeclarationRow
from desktop.focus_style import make_ring_frame


class ChecklistView(QScrollArea):
    check_again = Signal(str)
    declaration_toggled = Signal(str, bool)

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setWidgetResizable(True)
        self.setAccessibleName("Checklist")
        make_ring_frame(self)  # the list takes focus, so arrow keys and Page Down scroll it: its ring goes here
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        spacing = self.fontMetrics().height()
        column.setSpacing(spacing)
        self.groups: list[ClauseGroup] = []
        self.check_rows: dict[str, CheckRow] = {}
        self.declaration_rows: dict[str, DeclarationRow] = {}
        for r in range(model.rowCount()):
            group = ClauseGroup(model.index(r, 0), inner)
            self.groups.append(group)
            column.addWidget(group)
            for row in group.check_rows:
                self.check_rows[row.check_id] = row
                row.check_again.connect(self.check_again)
            for drow in group.declaration_rows:
                self.declaration_rows[drow.declaration_id] = drow
                drow.toggled.connect(self.declaration_toggled)
        column.addStretch(1)
        self.setWidget(inner)
        model.dataChanged.connect(self._changed)

    def _changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int] = ()) -> None:  # type: ignore[assignment]
        for r in range(top_left.row(), bottom_right.row() + 1):
            index = top_left.siblingAtRow(r)
            ident = index.data(Role.ID)
            if index.data(Role.KIND) == KIND_CHECK:
                row = self.check_rows.get(ident)
                if row is not None:
                    row.refresh()
            else:
                drow = self.declaration_rows.get(ident)
                if drow is not None:
                    drow.refresh()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # draw the ring

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def row_for(self, check_id: str) -> CheckRow:
        return self.check_rows[check_id]
