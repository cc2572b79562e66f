"""The checklist view: a scrolling column of clause groups built from the ChecklistModel and refreshed
row by row when the model changes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.check_row import CheckRow
from desktop.checklist_model import KIND_CHECK, ChecklistModel, Role
from desktop.clause_group import ClauseGroup
from desktop.declaration_row import DeclarationRow
from desktop.focus_style import RingScrollArea


class ChecklistView(RingScrollArea):
    check_again = Signal(str)
    declaration_toggled = Signal(str, bool)
    settings_opened = Signal(str)  # check id: its settings page was asked to open
    settings_failed = Signal(str)  # check id: its settings page could not be opened
    acknowledge_requested = Signal(str)  # check id

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None, header: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setAccessibleName("Checklist")
        inner = QWidget(self)
        column = self.column = QVBoxLayout(inner)
        spacing = self.fontMetrics().height()
        column.setSpacing(spacing)
        if header is not None:  # first, so Tab reaches it before the clauses
            header.setParent(inner)
            column.addWidget(header)
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
                row.settings_opened.connect(lambda _how, cid=row.check_id: self.settings_opened.emit(cid))
                row.settings_failed.connect(self.settings_failed)
                row.acknowledge_requested.connect(self.acknowledge_requested)
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

    def row_for(self, check_id: str) -> CheckRow:
        return self.check_rows[check_id]

    def go_to(self, kind: str, ident: str) -> QWidget:
        """Scroll to a row and put the keyboard focus on its first control; returns what has the focus."""
        if kind == KIND_CHECK:
            row: QWidget = self.check_rows[ident]
            r = self.check_rows[ident]
            target: QWidget = next((b for b in (r.fix_toggle, r.open_settings, r.again) if b.isVisibleTo(r)), r)
        else:
            row = self.declaration_rows[ident]
            target = self.declaration_rows[ident].box
        self.ensureWidgetVisible(row, 0, self.fontMetrics().height() * 2)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target
