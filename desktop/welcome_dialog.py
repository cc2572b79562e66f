"""The first-run welcome: the candidate's name (for the report), their school days and hours, and whether
Device Check starts when they sign in. It sits beside the window while the checks run; "Not now" keeps the
agency's usual hours and asks no more (everything is in Settings)."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from checks.profile import DAYS, Profile
from checks.schoolhours import DAY_NAMES
from checks.settings import UserSettings, clean_name
from desktop.fit_screen import scrolling_page
from desktop.settings_dialog import picked_time, profile_week
from desktop.widgets_common import scaled_font, wrapping_label

SIGN_IN_REASON = (
    "Then it can remind you, during school hours only, if a social media app is open. It runs quietly "
    "and never sends anything anywhere."
)


class WelcomeDialog(QDialog):
    chosen = Signal(object)  # UserSettings, on Save
    not_now = Signal()

    def __init__(self, profile: Profile, settings: UserSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome — Device Check")
        self.profile, self.original = profile, settings
        column, outer = scrolling_page(self)  # the questions scroll on a small screen; the buttons stay
        hello = wrapping_label("Welcome to Device Check", self)
        hello.setFont(scaled_font(self.font(), 1.3, bold=True))
        column.addWidget(hello)
        column.addWidget(
            wrapping_label("Three quick questions. The checks are already running behind this window.", self)
        )
        column.addWidget(QLabel("Your name, as your agency knows you (it goes on your report):", self))
        self.name = QLineEdit(settings.candidate_name, self)
        self.name.setAccessibleName("Your name")
        self.name.setMaxLength(100)
        column.addWidget(self.name)
        column.addWidget(QLabel("The days you work in schools:", self))
        days = QGridLayout()
        week = settings.week if settings.week is not None else profile_week(profile)
        self.day_boxes: dict[str, QCheckBox] = {}
        for i, d in enumerate(DAYS):
            box = QCheckBox(DAY_NAMES[d][:3], self)
            box.setAccessibleName(f"I work on {DAY_NAMES[d]}s")
            box.setChecked(week.get(d) is not None)
            days.addWidget(box, i // 4, i % 4)
            self.day_boxes[d] = box
        column.addLayout(days)
        hours = QHBoxLayout()
        first = next((v for v in week.values() if v), (profile.school_hours.start, profile.school_hours.end))
        self.start, self.end = QTimeEdit(self), QTimeEdit(self)
        for edit, value, word in ((self.start, first[0], "start"), (self.end, first[1], "finish")):
            edit.setDisplayFormat("HH:mm")
            edit.setTime(QTime(value.hour, value.minute))
            edit.setAccessibleName(f"School days {word} at")
        hours.addWidget(QLabel("School hours from", self))
        hours.addWidget(self.start)
        hours.addWidget(QLabel("to", self))
        hours.addWidget(self.end)
        hours.addStretch(1)
        column.addLayout(hours)
        self.problem = wrapping_label("", self)
        self.problem.hide()
        column.addWidget(self.problem)
        self.sign_in = QCheckBox("Start Device Check when I sign in", self)
        self.sign_in.setChecked(True)
        self.sign_in.setAccessibleDescription(SIGN_IN_REASON)
        column.addWidget(self.sign_in)
        column.addWidget(wrapping_label(SIGN_IN_REASON, self))
        buttons = QDialogButtonBox(self)
        self.save = buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.later = buttons.addButton("Not now", QDialogButtonBox.ButtonRole.RejectRole)
        self.save.setDefault(True)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self._not_now)
        outer.addWidget(buttons)

    def settings(self) -> UserSettings | None:
        start, end = picked_time(self.start), picked_time(self.end)
        if end <= start:
            self.problem.setText("School must finish after it starts.")
            self.problem.show()
            self.end.setFocus()
            return None
        week: dict[str, tuple[time, time] | None] = {
            d: ((start, end) if box.isChecked() else None) for d, box in self.day_boxes.items()
        }
        return replace(
            self.original,
            week=None if week == profile_week(self.profile) else week,
            start_at_login=self.sign_in.isChecked(),
            candidate_name=clean_name(self.name.text()),
        )

    def _save(self) -> None:
        chosen = self.settings()
        if chosen is not None:
            self.chosen.emit(chosen)
            self.accept()

    def _not_now(self) -> None:
        self.not_now.emit()
        self.reject()
