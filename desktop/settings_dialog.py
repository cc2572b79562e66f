"""Settings: school hours per weekday, holidays, "not working today", the opt-in checks (with a plain
account of what they read), monitoring and start at login. Saved atomically by the window via
SettingsStore.save_settings when the candidate presses Save; `settings_changed` carries the new settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import QDate, QSize, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from checks.profile import DAYS, Profile
from checks.schoolhours import DAY_NAMES
from checks.settings import UserSettings, clean_name
from desktop.fit_screen import fit_to_screen, scrolling_page
from desktop.flow_layout import FlowLayout
from desktop.widgets_common import button, wrapping_label

SITES_EXPLAINED = (
    "When this is on, Device Check looks in the history of the web browsers on this laptop, and reads only "
    "how many times, and when, the social media sites your agency lists were visited during today's school "
    "hours. It reads nothing else: not the pages, not other sites, not your messages or passwords. "
    "Nothing leaves this laptop."
)
MONITOR_EXPLAINED = (
    "During school hours, Device Check looks every minute for social media apps that are open and reminds "
    "you once a day for each, with an offer to close it. It never closes anything by itself."
)


def profile_week(profile: Profile) -> dict[str, tuple[time, time] | None]:
    hours = profile.school_hours
    return {d: ((hours.start, hours.end) if d in hours.days else None) for d in DAYS}


def holiday_text(start: date, end: date) -> str:
    def fmt(d: date) -> str:
        return f"{d.day} {d:%B %Y}"

    return fmt(start) if start == end else f"{fmt(start)} to {fmt(end)}"


def picked_date(edit: QDateEdit) -> date:
    """The edit's date as a Python date (Qt's toPython() is typed as returning object)."""
    qd = edit.date()
    return date(qd.year(), qd.month(), qd.day())


def picked_time(edit: QTimeEdit) -> time:
    qtime = edit.time()
    return time(qtime.hour(), qtime.minute(), qtime.second(), qtime.msec() * 1000)


class SettingsDialog(QDialog):
    settings_changed = Signal(object)  # UserSettings

    def __init__(
        self, profile: Profile, settings: UserSettings, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings — Device Check")
        self.setAccessibleName("Settings")
        self.profile, self.original = profile, settings
        self.today = today or date.today()
        column, outer = scrolling_page(self)  # the sections scroll; Save and Cancel stay in view below them
        column.addWidget(self._name_box(settings))
        column.addWidget(self._hours_box(settings))
        column.addWidget(self._holidays_box(settings))
        column.addWidget(self._checks_box(settings))
        column.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save settings")
        self.save_button.setDefault(True)  # Return saves, from any field that does not use Return itself
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel without saving")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        m = self.fontMetrics().height()
        fit_to_screen(self, QSize(m * 42, m * 58))

    # ---- sections ---------------------------------------------------------------------------------
    def _name_box(self, settings: UserSettings) -> QGroupBox:
        box = QGroupBox("Your name", self)
        column = QVBoxLayout(box)
        column.addWidget(wrapping_label("Your name as your agency knows you. It is shown on your reports.", box))
        self.candidate_name = QLineEdit(settings.candidate_name, box)
        self.candidate_name.setAccessibleName("Your name")
        self.candidate_name.setMaxLength(100)
        column.addWidget(self.candidate_name)
        return box

    def _hours_box(self, settings: UserSettings) -> QGroupBox:
        box = QGroupBox("Your school hours", self)
        grid = QGridLayout(box)
        grid.addWidget(
            wrapping_label("Tick the days you work and set the hours. They start as your agency's hours.", box),
            0,
            0,
            1,
            6,
        )
        week = settings.week if settings.week is not None else profile_week(self.profile)
        self.day_boxes: dict[str, QCheckBox] = {}
        self.starts: dict[str, QTimeEdit] = {}
        self.ends: dict[str, QTimeEdit] = {}
        for row, d in enumerate(DAYS, start=1):
            hours = week.get(d)
            default = hours or (self.profile.school_hours.start, self.profile.school_hours.end)
            tick = QCheckBox(DAY_NAMES[d], box)
            tick.setAccessibleName(f"I work on {DAY_NAMES[d]}s")
            tick.setChecked(hours is not None)
            start, end = QTimeEdit(box), QTimeEdit(box)
            for edit, value, word in ((start, default[0], "starts"), (end, default[1], "ends")):
                edit.setDisplayFormat("HH:mm")
                edit.setTime(QTime(value.hour, value.minute))
                edit.setAccessibleName(f"{DAY_NAMES[d]}: school {word} at")
                edit.setEnabled(hours is not None)
                tick.toggled.connect(edit.setEnabled)
            start.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            end.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            grid.addWidget(tick, row, 0)
            grid.addWidget(QLabel("from", box), row, 1)
            grid.addWidget(start, row, 2)
            grid.addWidget(QLabel("to", box), row, 3)
            grid.addWidget(end, row, 4)
            self.day_boxes[d], self.starts[d], self.ends[d] = tick, start, end
        grid.setColumnStretch(5, 1)  # the hours sit together on the left, not spread across the dialog
        self.not_today = QCheckBox("I am &not working today", box)
        self.not_today.setAccessibleName("I am not working today")
        self.not_today.setChecked(settings.not_working_on == self.today)
        grid.addWidget(self.not_today, len(DAYS) + 1, 0, 1, 5)
        self.hours_error = wrapping_label("", box)
        self.hours_error.hide()
        grid.addWidget(self.hours_error, len(DAYS) + 2, 0, 1, 5)
        return box

    def _holidays_box(self, settings: UserSettings) -> QGroupBox:
        box = QGroupBox("Your holidays", self)
        column = QVBoxLayout(box)
        agency = "; ".join(holiday_text(a, b) for a, b in self.profile.school_hours.holidays)
        column.addWidget(
            wrapping_label(
                "Days you are off on top of your agency's school holidays. Device Check "
                "does not watch for social media on these days.",
                box,
            )
        )
        if agency:
            column.addWidget(wrapping_label(f"Your agency's holidays: {agency}.", box))
        self.holidays = QListWidget(box)
        self.holidays.setAccessibleName("Your holidays")
        m = self.fontMetrics().height()
        self.holidays.setMinimumHeight(m * 3)
        self.holidays.setMaximumHeight(m * 6)
        for start, end in settings.holidays:
            self._add_holiday_item(start, end)
        column.addWidget(self.holidays)
        row = FlowLayout()  # wraps on a narrow screen rather than scrolling sideways
        self.hol_start, self.hol_end = QDateEdit(box), QDateEdit(box)
        for edit, word in ((self.hol_start, "First day off"), (self.hol_end, "Last day off")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setDate(QDate(self.today.year, self.today.month, self.today.day))
            edit.setAccessibleName(word)
        self.add_holiday = button("&Add", "Add this holiday", box)
        self.remove_holiday = button("&Remove", "Remove the chosen holiday", box)
        self.add_holiday.clicked.connect(self._add_holiday)
        self.remove_holiday.clicked.connect(self._remove_holiday)
        row.addWidget(QLabel("From", box))
        row.addWidget(self.hol_start)
        row.addWidget(QLabel("to", box))
        row.addWidget(self.hol_end)
        row.addWidget(self.add_holiday)
        row.addWidget(self.remove_holiday)
        column.addLayout(row)
        return box

    def _checks_box(self, settings: UserSettings) -> QGroupBox:
        box = QGroupBox("Extra checks and reminders", self)
        column = QVBoxLayout(box)
        required_on = self.profile.checks["social-sites"].enabled
        self.sites = QCheckBox("Also check for &visits to social media sites in school hours", box)
        self.sites.setAccessibleName("Check for visits to social media sites in school hours")
        self.sites.setChecked(required_on or bool(settings.opt_in.get("social-sites")))
        self.sites.setEnabled(not required_on)  # the candidate may not turn off what the agency turned on
        column.addWidget(self.sites)
        sites_why = wrapping_label(
            SITES_EXPLAINED + (" Your agency has turned this check on." if required_on else ""), box
        )
        self.sites.setAccessibleDescription(sites_why.text())
        column.addWidget(sites_why)
        self.monitoring = QCheckBox("Re&mind me about open social media apps in school hours", box)
        self.monitoring.setAccessibleName("Remind me about open social media apps in school hours")
        self.monitoring.setChecked(settings.monitoring)
        column.addWidget(self.monitoring)
        column.addWidget(wrapping_label(MONITOR_EXPLAINED, box))
        self.start_at_login = QCheckBox("Start Device Check when I si&gn in", box)
        self.start_at_login.setAccessibleName("Start Device Check when I sign in")
        self.start_at_login.setChecked(settings.start_at_login)
        column.addWidget(self.start_at_login)
        return box

    # ---- holidays -----------------------------------------------------------------------------------
    def _add_holiday_item(self, start: date, end: date) -> None:
        item = QListWidgetItem(holiday_text(start, end))
        item.setData(Qt.ItemDataRole.UserRole, (start, end))
        self.holidays.addItem(item)

    def _add_holiday(self) -> None:
        start, end = picked_date(self.hol_start), picked_date(self.hol_end)
        if end < start:
            start, end = end, start
        self._add_holiday_item(start, end)

    def _remove_holiday(self) -> None:
        for item in self.holidays.selectedItems() or (
            [self.holidays.currentItem()] if self.holidays.currentItem() else []
        ):
            self.holidays.takeItem(self.holidays.row(item))

    # ---- saving -------------------------------------------------------------------------------------
    def chosen(self) -> UserSettings | None:
        """The settings as chosen, or None (with a message shown) when the hours do not make sense."""
        week: dict[str, tuple[time, time] | None] = {}
        for d in DAYS:
            if not self.day_boxes[d].isChecked():
                week[d] = None
                continue
            start, end = picked_time(self.starts[d]), picked_time(self.ends[d])
            if end <= start:
                self.hours_error.setText(f"On {DAY_NAMES[d]}s the end time must be after the start time.")
                self.hours_error.show()
                self.ends[d].setFocus()
                return None
            week[d] = (start, end)
        self.hours_error.hide()
        holidays = tuple(self.holidays.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.holidays.count()))
        opt_in = dict(self.original.opt_in)
        if self.sites.isEnabled():
            opt_in["social-sites"] = self.sites.isChecked()
        not_working = (
            self.today
            if self.not_today.isChecked()
            else (None if self.original.not_working_on == self.today else self.original.not_working_on)
        )
        return replace(
            self.original,
            week=None if week == profile_week(self.profile) else week,  # unchanged: keep following the agency
            holidays=holidays,
            not_working_on=not_working,
            opt_in=opt_in,
            monitoring=self.monitoring.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
            candidate_name=clean_name(self.candidate_name.text()),
        )

    def _save(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        self.settings_changed.emit(chosen)
        self.accept()
