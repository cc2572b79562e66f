"""The checklist as a Qt item model: policy clauses at the top level, in the policy's order, each holding
its check rows and declaration rows. Every clause appears, even one with nothing to check or confirm.
No widgets here: the view (desktop/checklist_view.py) and the tests read the roles below."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from checks.acknowledge import Acknowledgement, active_until, until_words
from checks.check import Check
from checks.model import CheckResult, Severity, Status
from checks.policy import Clause, DeclarationState, PolicyText, clauses
from desktop.clauses import OTHER, clauses_with_other
from desktop.status_words import status_word

KIND_CLAUSE, KIND_CHECK, KIND_DECLARATION = "clause", "check", "declaration"


class Role(IntEnum):
    KIND = Qt.ItemDataRole.UserRole + 1  # "clause" | "check" | "declaration"
    ID = Qt.ItemDataRole.UserRole + 2  # check id, declaration id, or the clause number as text
    STATUS = Qt.ItemDataRole.UserRole + 3  # Status value ("pass", ...) or "" while not yet known
    STATUS_WORD = Qt.ItemDataRole.UserRole + 4  # "OK", "To fix", ... or "Checking…"
    TITLE = Qt.ItemDataRole.UserRole + 5
    DETAIL = Qt.ItemDataRole.UserRole + 6  # one plain sentence
    FIX_STEPS = Qt.ItemDataRole.UserRole + 7  # list[str], empty when there is nothing to do
    SETTINGS_URI = Qt.ItemDataRole.UserRole + 8  # str or None
    SETTINGS_COMMAND = Qt.ItemDataRole.UserRole + 9  # list[str] or None
    CLAUSE_NUMBER = Qt.ItemDataRole.UserRole + 10
    CLAUSE_TEXT = Qt.ItemDataRole.UserRole + 11  # the policy's own words
    RUNNING = Qt.ItemDataRole.UserRole + 12  # bool: a run for this check is under way
    CONFIRMED_AT = Qt.ItemDataRole.UserRole + 13  # declarations: datetime or None
    DUE = Qt.ItemDataRole.UserRole + 14  # declarations: bool, confirm (again) now
    REVIEW_DAYS = Qt.ItemDataRole.UserRole + 15
    RESULT = Qt.ItemDataRole.UserRole + 16  # the CheckResult itself, or None
    ACKNOWLEDGED_UNTIL = Qt.ItemDataRole.UserRole + 17  # datetime while "Talked to my consultant" stands, or None
    CAN_ACKNOWLEDGE = Qt.ItemDataRole.UserRole + 18  # bool: a failing required check may be marked


@dataclass(frozen=True)
class TodoEntry:
    kind: str  # KIND_CHECK or KIND_DECLARATION
    id: str
    word: str  # "To fix", "Can't tell", "To confirm"
    title: str


PENDING_WORD = "Checking…"


class ChecklistModel(QStandardItemModel):
    def __init__(
        self,
        specs: list[Check],
        declarations: list[DeclarationState],
        now: datetime,
        parent: QObject | None = None,
        policy: PolicyText | None = None,  # the agency's own (checks.policy.policy_for); None: the built-in one
    ) -> None:
        super().__init__(parent)
        self._acknowledged: Mapping[str, Acknowledgement] = {}
        self._now = now
        self._checks: dict[str, QStandardItem] = {}
        self._declarations: dict[str, QStandardItem] = {}
        self._clauses: dict[int, QStandardItem] = {}
        by_clause_checks: dict[int, list[Check]] = {}
        for spec in specs:
            by_clause_checks.setdefault(spec.clause, []).append(spec)
        by_clause_decls: dict[int, list[DeclarationState]] = {}
        known = {c.number for c in clauses(policy)}
        for state in declarations:
            number = state.spec.clause if state.spec.clause in known else OTHER.number
            by_clause_decls.setdefault(number, []).append(state)
        for c in clauses_with_other({d.spec.clause for d in declarations}, policy):
            item = self._clause_item(c)
            for spec in by_clause_checks.get(c.number, []):
                item.appendRow(self._check_item(spec, c))
            for state in by_clause_decls.get(c.number, []):
                item.appendRow(self._declaration_item(state, c, now))
            self.appendRow(item)

    # ---- building ---------------------------------------------------------------------------------
    def _clause_item(self, c: Clause) -> QStandardItem:
        item = QStandardItem(f"{c.number}. {c.heading}")
        item.setEditable(False)
        item.setData(KIND_CLAUSE, Role.KIND)
        item.setData(str(c.number), Role.ID)
        item.setData(c.heading, Role.TITLE)
        item.setData(c.number, Role.CLAUSE_NUMBER)
        item.setData(c.text, Role.CLAUSE_TEXT)
        self._clauses[c.number] = item
        return item

    def _check_item(self, spec: Check, c: Clause) -> QStandardItem:
        item = QStandardItem(spec.title)
        item.setEditable(False)
        item.setData(KIND_CHECK, Role.KIND)
        item.setData(spec.id, Role.ID)
        item.setData(spec.title, Role.TITLE)
        item.setData(c.number, Role.CLAUSE_NUMBER)
        item.setData(c.text, Role.CLAUSE_TEXT)
        self._clear_result(item)
        self._checks[spec.id] = item
        return item

    def _declaration_item(self, state: DeclarationState, c: Clause, now: datetime) -> QStandardItem:
        item = QStandardItem(state.spec.text)
        item.setEditable(False)
        item.setCheckable(True)
        item.setData(KIND_DECLARATION, Role.KIND)
        item.setData(state.spec.id, Role.ID)
        item.setData(state.spec.text, Role.TITLE)
        item.setData(c.number, Role.CLAUSE_NUMBER)
        item.setData(c.text, Role.CLAUSE_TEXT)
        item.setData(state.spec.review_days, Role.REVIEW_DAYS)
        self._declarations[state.spec.id] = item
        self._fill_declaration(item, state, now)
        return item

    @staticmethod
    def _clear_result(item: QStandardItem) -> None:
        item.setData("", Role.STATUS)
        item.setData(PENDING_WORD, Role.STATUS_WORD)
        item.setData("", Role.DETAIL)
        item.setData([], Role.FIX_STEPS)
        item.setData(None, Role.SETTINGS_URI)
        item.setData(None, Role.SETTINGS_COMMAND)
        item.setData(None, Role.RESULT)
        item.setData(False, Role.RUNNING)
        item.setData(None, Role.ACKNOWLEDGED_UNTIL)
        item.setData(False, Role.CAN_ACKNOWLEDGE)

    @staticmethod
    def _fill_declaration(item: QStandardItem, state: DeclarationState, now: datetime) -> None:
        confirmed = state.confirmed_at is not None
        item.setData(state.confirmed_at, Role.CONFIRMED_AT)
        item.setData(state.due(now), Role.DUE)
        item.setCheckState(Qt.CheckState.Checked if confirmed and not state.due(now) else Qt.CheckState.Unchecked)

    # ---- updating -----------------------------------------------------------------------------------
    def _batched(self, item: QStandardItem) -> _Batch:
        return _Batch(self, item)

    def set_running(self, check_id: str) -> None:
        item = self._checks.get(check_id)
        if item is not None:
            item.setData(True, Role.RUNNING)

    def set_result(self, result: CheckResult) -> None:
        item = self._checks.get(result.id)
        if item is None:
            return
        with self._batched(item):
            self._fill_result(item, result)

    def set_acknowledgements(self, acknowledged: Mapping[str, Acknowledgement], now: datetime) -> None:
        """The candidate's "Talked to my consultant" marks: shown on the rows they cover, outcome unchanged."""
        self._acknowledged, self._now = dict(acknowledged), now
        for item in self._checks.values():
            result = item.data(Role.RESULT)
            if isinstance(result, CheckResult):
                with self._batched(item):
                    self._fill_result(item, result)

    def _fill_result(self, item: QStandardItem, result: CheckResult) -> None:
        fix = result.fix
        until = active_until(result, self._acknowledged, self._now)
        detail = result.detail
        if until is not None:
            note = self._acknowledged[result.id].note
            said = f" You talked to your consultant: “{note}”." if note else " You talked to your consultant."
            detail = f"{status_word(result.status)} — {until_words(until)}.{said} {detail}"
        item.setData(result.status.value, Role.STATUS)
        item.setData(status_word(result.status), Role.STATUS_WORD)
        item.setData(result.title, Role.TITLE)
        item.setData(detail, Role.DETAIL)
        item.setData(until, Role.ACKNOWLEDGED_UNTIL)
        item.setData(result.status is Status.FAIL and result.severity is Severity.REQUIRED, Role.CAN_ACKNOWLEDGE)
        item.setData(list(fix.steps) if fix else [], Role.FIX_STEPS)
        item.setData(fix.settings_uri if fix else None, Role.SETTINGS_URI)
        item.setData(list(fix.settings_command) if fix and fix.settings_command else None, Role.SETTINGS_COMMAND)
        item.setData(result, Role.RESULT)
        item.setData(False, Role.RUNNING)

    def set_declaration(self, state: DeclarationState, now: datetime) -> None:
        item = self._declarations.get(state.spec.id)
        if item is not None:
            with self._batched(item):
                self._fill_declaration(item, state, now)

    # ---- reading ------------------------------------------------------------------------------------
    def check_index(self, check_id: str) -> QModelIndex:
        return self._checks[check_id].index()

    def declaration_index(self, declaration_id: str) -> QModelIndex:
        return self._declarations[declaration_id].index()

    def clause_index(self, number: int) -> QModelIndex:
        return self._clauses[number].index()

    def check_ids(self) -> list[str]:
        return list(self._checks)

    def results(self) -> list[CheckResult]:
        """The latest result of every check that has one, in the checklist's order."""
        out = []
        for item in self._checks.values():
            result = item.data(Role.RESULT)
            if isinstance(result, CheckResult):
                out.append(result)
        return out

    def pending(self) -> list[str]:
        """Checks with no result yet, or being checked again."""
        return [cid for cid, item in self._checks.items() if item.data(Role.RUNNING) or item.data(Role.RESULT) is None]

    def todo(self) -> list[TodoEntry]:
        """What needs the candidate, in order: things to fix, required checks that can't tell, then statements
        to confirm (never or too long ago)."""
        fix, unsure = [], []
        for cid, item in self._checks.items():
            result = item.data(Role.RESULT)
            if not isinstance(result, CheckResult):
                continue
            if result.status is Status.FAIL:
                word = status_word(result.status)
                until = item.data(Role.ACKNOWLEDGED_UNTIL)
                if until is not None:
                    word = f"{word} — {until_words(until)}"
                fix.append(TodoEntry(KIND_CHECK, cid, word, result.title))
            elif result.severity is Severity.REQUIRED and result.status in (Status.UNKNOWN, Status.ERROR):
                unsure.append(TodoEntry(KIND_CHECK, cid, status_word(result.status), result.title))
        confirm = [
            TodoEntry(KIND_DECLARATION, did, "To confirm", item.data(Role.TITLE))
            for did, item in self._declarations.items()
            if item.data(Role.DUE)
        ]
        return fix + unsure + confirm

    def status_of(self, check_id: str) -> Status | None:
        value = self._checks[check_id].data(Role.STATUS)
        return Status(value) if value else None


class _Batch:
    """Set many roles of one item, then tell the views once (one dataChanged instead of one per role)."""

    def __init__(self, model: QStandardItemModel, item: QStandardItem) -> None:
        self.model, self.item = model, item

    def __enter__(self) -> None:
        self.was_blocked = self.model.blockSignals(True)

    def __exit__(self, *exc: object) -> None:
        self.model.blockSignals(self.was_blocked)
        index = self.item.index()
        self.model.dataChanged.emit(index, index)
