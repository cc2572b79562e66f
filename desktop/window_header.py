"""The top of the main window's scrolling page: the headline, school hours, a notice line, progress, the
buttons (wrapping on a narrow window) and "What to do now" (desktop/todo_list.py), then the checklist's
heading. The window (desktop/main_window.py) connects the buttons and keeps the words current."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.checklist_model import ChecklistModel
from desktop.flow_layout import FlowLayout
from desktop.session import Session
from desktop.todo_list import TodoList
from desktop.widgets_common import button, scaled_font, wrapping_label


def school_hours_text(session: Session) -> str:
    day = session.context().school_day
    if day.in_session and day.today:
        return (
            f"School hours now: {day.today[0]:%H:%M} to {day.today[1]:%H:%M}. "
            "Social media stays closed until the end of the day."
        )
    if day.today:
        return f"School hours today: {day.today[0]:%H:%M} to {day.today[1]:%H:%M} ({day.reason})."
    return f"Not a school day: {day.reason}."


def friendly_notice(warning: str) -> str:
    kept = re.search(r"kept as (\S+\.bak)", warning)
    backup = kept.group(1) if kept else ""
    newer = "made by a newer version" in warning
    if "declarations.json" in warning and newer:
        return (
            "Your confirmations were saved by a newer version of Device Check, so this version leaves them as "
            "they are. Ticks you make here are not saved."
        )
    if "settings.json" in warning and newer:
        return (
            "Your settings were saved by a newer version of Device Check, so this version leaves them as they "
            "are and uses your agency's usual settings. Changes you make here are not saved."
        )
    if "declarations.json" in warning and backup:
        return (
            f"Your earlier confirmations could not be read, so that file was set aside (kept as {backup}). "
            "Please tick them again."
        )
    if "settings.json" in warning and backup:
        return (
            f"Your saved settings could not be read, so that file was set aside (kept as {backup}) "
            "and your agency's usual settings are used."
        )
    return warning


class WindowHeader(QWidget):
    def __init__(self, session: Session, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        body = QVBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        self.summary = wrapping_label("Checking this laptop…", self)
        self.summary.setFont(scaled_font(self.font(), 1.6, bold=True))
        body.addWidget(self.summary)
        self.school_hours = wrapping_label("", self)
        body.addWidget(self.school_hours)
        self.notice = wrapping_label("", self)
        self.notice.setVisible(False)
        body.addWidget(self.notice)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Checks finished")
        self.progress.setMaximum(len(model.check_ids()))
        self.progress.setFormat("%v of %m checked")
        self.progress_label = QLabel("", self)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label)
        body.addLayout(progress_row)
        bar = FlowLayout()
        self.check_all = button("Check everything &again", "Check everything again", self)
        self.settings_button = button("&Settings…", "Settings", self)
        self.reads_button = button("What this app &reads", "What this app reads", self)
        self.pdf_button = button("Save a &PDF report…", "Save a PDF report", self)
        self.json_button = button("Save for s&upport (JSON)…", "Save the report for support, as JSON", self)
        order = [self.check_all, self.settings_button, self.reads_button, self.pdf_button, self.json_button]
        for b in order:
            bar.addWidget(b)
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        body.addLayout(bar)
        self.todo = TodoList(model, self)
        body.addWidget(self.todo)
        self.checklist_heading = wrapping_label("Your checklist, point by point", self)
        self.checklist_heading.setFont(scaled_font(self.font(), 1.3, bold=True))
        body.addWidget(self.checklist_heading)

    def refresh_school_hours(self) -> None:
        self.school_hours.setText(school_hours_text(self.session))

    def show_notice(self, lines: list[str]) -> str:
        """A gentle one-line notice; the exact words for support are in the tooltip. Returns the words shown."""
        self.notice.setText(" ".join(friendly_notice(line) for line in lines))
        self.notice.setToolTip("\n".join(lines))
        self.notice.setVisible(bool(lines))
        return self.notice.text()
