"""One check in the checklist: status icon and word, the title, one plain sentence, "How to fix" with
numbered steps (and, folded inside, the technical part "For an IT helper"), "Open settings" where the
system has a page for it, and "Check again".

For a screen reader the row is named "<status>: <title>" (say "To fix: The disk is not encrypted"), so the
status is heard with the title wherever focus enters the row; labels keep their own text as their name."""

from __future__ import annotations

import html

from PySide6.QtCore import QPersistentModelIndex, QProcess, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from checks.model import IT_HELPER_HEADING, CheckResult, Status
from desktop.checklist_model import Role
from desktop.status_icon import status_pixmap
from desktop.status_words import WORDS
from desktop.widgets_common import FoldButton, button, scaled_font, wrapping_label


class CheckRow(QFrame):
    check_again = Signal(str)  # the check id
    settings_opened = Signal(str)  # the uri or the command, for tests and logs
    settings_failed = Signal(str)  # the check id: the settings page could not be opened
    acknowledge_requested = Signal(str)  # the check id: "Talked to my consultant…"

    def __init__(self, index: QPersistentModelIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.check_id: str = index.data(Role.ID)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.word = QLabel(self)
        self.word.setFont(scaled_font(self.font(), 1.0, bold=True))
        widest = max(self.word.fontMetrics().horizontalAdvance(w) for w in (*WORDS.values(), "Checking…"))
        self.word.setMinimumWidth(widest + self.word.fontMetrics().averageCharWidth() * 2)  # titles line up
        self.title = wrapping_label("", self)
        self.title.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.detail = wrapping_label("", self)
        self.again = button("Check again", "", self)
        self.again.clicked.connect(lambda: self.check_again.emit(self.check_id))

        self.fix_toggle = FoldButton("How to fix ▸", "", self)
        self.fix_toggle.toggled.connect(self._show_fix)
        self.open_settings = button("Open settings", "", self)
        self.open_settings.clicked.connect(self._open_settings)
        self.acknowledge = button("Talked to my consultant…", "", self)
        self.acknowledge.clicked.connect(lambda: self.acknowledge_requested.emit(self.check_id))
        self.steps = QLabel(self)
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps.hide()
        # The technical part, folded: commands and file names for whoever helps the candidate.
        self.helper_toggle = FoldButton(f"{IT_HELPER_HEADING} ▸", "", self)
        self.helper_toggle.toggled.connect(self._show_helper)
        self.helper = QLabel(self)
        self.helper.setWordWrap(True)
        self.helper.setTextFormat(Qt.TextFormat.RichText)
        self.helper.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.helper.hide()
        self._has_helper = False

        head = QHBoxLayout()
        head.addWidget(self.word)
        head.addWidget(self.title, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.fix_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        actions.addWidget(self.open_settings)
        actions.addWidget(self.acknowledge)
        actions.addStretch(1)
        grid.addWidget(self.icon, 0, 0, 3, 1)
        grid.addLayout(head, 0, 1)
        grid.addWidget(self.again, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.detail, 1, 1, 1, 2)
        grid.addLayout(actions, 2, 1, 1, 2)
        grid.addWidget(self.steps, 3, 1, 1, 2)
        grid.addWidget(self.helper_toggle, 4, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.helper, 5, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.refresh()

    def refresh(self) -> None:
        """Show what the model holds now for this check."""
        status: str = self.index.data(Role.STATUS) or ""
        running = bool(self.index.data(Role.RUNNING))
        title: str = self.index.data(Role.TITLE)
        word: str = self.index.data(Role.STATUS_WORD)
        detail: str = self.index.data(Role.DETAIL) or ""
        if running:
            word, detail = "Checking…", detail or "Looking at this laptop now."
        elif not status:
            detail = "Looking at this laptop now."
        self.icon.setPixmap(status_pixmap("" if running else status, self.font(), self.devicePixelRatioF()))
        self.icon.setAccessibleName(word)  # an image: its name is the word it stands for
        self.word.setText(word)
        self.title.setText(title)
        self.detail.setText(detail)
        steps: list[str] = self.index.data(Role.FIX_STEPS) or []
        result: CheckResult | None = self.index.data(Role.RESULT)
        helper = list(result.fix.it_helper) if result is not None and result.fix is not None else []
        uri = self.index.data(Role.SETTINGS_URI)
        command = self.index.data(Role.SETTINGS_COMMAND)
        to_act = status in (Status.FAIL, Status.WARN, Status.UNKNOWN, Status.ERROR) and not running
        self.fix_toggle.setVisible(to_act and bool(steps or helper))
        self.open_settings.setVisible(to_act and bool(uri or command))
        self.steps.setText("<ol>" + "".join(f"<li>{html.escape(s)}</li>" for s in steps) + "</ol>" if steps else "")
        self.helper.setText("<ul>" + "".join(f"<li><code>{html.escape(s)}</code></li>" for s in helper) + "</ul>")
        self._has_helper = bool(helper)
        if self.fix_toggle.isHidden():
            self.fix_toggle.setChecked(False)
        elif status == Status.FAIL and not self.fix_toggle.isChecked():
            self.fix_toggle.setChecked(True)  # what must be fixed shows its steps straight away
        self._show_fix(self.fix_toggle.isChecked())
        self.acknowledge.setVisible(bool(self.index.data(Role.CAN_ACKNOWLEDGE)) and not running)
        self.acknowledge.setAccessibleName(f"Talked to my consultant about: {title}")
        self.again.setEnabled(not running)
        self.again.setVisible(status != Status.SKIPPED)  # turned off: checking again would say the same
        self.again.setAccessibleName(f"Check again: {title}")
        self.again.setAccessibleDescription(f"Now: {word}")  # read after the name, so the status is heard here too
        self.open_settings.setAccessibleName(f"Open settings for: {title}")
        self.setAccessibleName(f"{word}: {title}")
        self.setAccessibleDescription(detail)

    def _show_fix(self, shown: bool) -> None:
        title: str = self.index.data(Role.TITLE)
        shown = shown and not self.fix_toggle.isHidden()
        self.steps.setVisible(shown and bool(self.steps.text()))
        self.fix_toggle.setText("How to fix ▾" if self.fix_toggle.isChecked() else "How to fix ▸")
        self.fix_toggle.setAccessibleName(f"{'Hide' if self.fix_toggle.isChecked() else 'Show'} how to fix: {title}")
        self.helper_toggle.setVisible(shown and self._has_helper)
        if self.helper_toggle.isHidden():
            self.helper_toggle.setChecked(False)
        self._show_helper(self.helper_toggle.isChecked())

    def _show_helper(self, shown: bool) -> None:
        """Folded until asked for: a teacher's steps come first, the technical words are for a helper."""
        title: str = self.index.data(Role.TITLE)
        self.helper.setVisible(shown and not self.helper_toggle.isHidden())
        self.helper_toggle.setText(f"{IT_HELPER_HEADING} ▾" if shown else f"{IT_HELPER_HEADING} ▸")
        what = "Hide" if shown else "Show"
        self.helper_toggle.setAccessibleName(f"{what} the part for an IT helper: {title}")

    def _open_settings(self) -> None:
        uri = self.index.data(Role.SETTINGS_URI)
        command = self.index.data(Role.SETTINGS_COMMAND)
        opened = False
        if uri:
            opened = QDesktopServices.openUrl(QUrl(uri))
            self.settings_opened.emit(uri)
        elif command:
            started = QProcess.startDetached(command[0], list(command[1:]))
            opened = bool(started[0] if isinstance(started, tuple) else started)
            self.settings_opened.emit(" ".join(command))
        if not opened:  # say so, and show the steps to do it by hand
            self.fix_toggle.setChecked(True)
            self.settings_failed.emit(self.check_id)
