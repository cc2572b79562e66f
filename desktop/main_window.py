"""The main window: agency banner, summary line, school-hours state, progress, the checklist, and the
buttons to check again, change settings, see what the app reads and export the report."""

from __future__ import annotations

import json
import re
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from checks.model import CheckResult
from checks.policy import policy_for
from checks.settings import UserSettings
from desktop.banner import AgencyBanner
from desktop.checklist_model import ChecklistModel
from desktop.checklist_view import ChecklistView
from desktop.focus_style import use_accessible_style
from desktop.runner import CheckRunner
from desktop.session import Session
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


class MainWindow(QMainWindow):
    settings_changed = Signal(object)  # UserSettings, after they are saved (the tray helper listens)
    run_finished = Signal(list)  # every result of a run, once it is complete

    def __init__(self, session: Session, runner: CheckRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_accessible_style()  # focus rings and check box borders, before any control is made
        self.session = session
        self.setWindowTitle(
            "Device Check" + (f" — {session.profile.agency.name}" if session.profile.agency.name else "")
        )
        self.runner = runner or CheckRunner(session.engine, parent=self)
        self.model = ChecklistModel(
            list(session.checks), session.declarations(), session.now(), self, policy_for(session.profile)
        )
        self._running: dict[str, int] = {}  # check id -> runs under way for it

        central = QWidget(self)
        page = QVBoxLayout(central)
        page.setContentsMargins(0, 0, 0, 0)
        self.banner = AgencyBanner(session.profile, central)
        page.addWidget(self.banner)
        body = QVBoxLayout()
        m = self.fontMetrics().height()
        body.setContentsMargins(m, m // 2, m, m // 2)
        page.addLayout(body, 1)

        self.summary = wrapping_label("Checking this laptop…", central)
        self.summary.setFont(scaled_font(self.font(), 1.6, bold=True))
        body.addWidget(self.summary)
        self.school_hours = wrapping_label("", central)
        body.addWidget(self.school_hours)
        self.notice = wrapping_label("", central)
        self.notice.setVisible(False)
        body.addWidget(self.notice)
        if session.warnings:
            self.show_notice(session.warnings)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(central)
        self.progress.setAccessibleName("Checks finished")
        self.progress.setMaximum(len(self.model.check_ids()))
        self.progress.setFormat("%v of %m checked")
        self.progress_label = QLabel("", central)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label)
        body.addLayout(progress_row)

        bar = QHBoxLayout()
        self.check_all = button("Check everything &again", "Check everything again", central)
        self.settings_button = button("&Settings…", "Settings", central)
        self.reads_button = button("What this app &reads", "What this app reads", central)
        self.pdf_button = button("Save a &PDF report…", "Save a PDF report", central)
        self.json_button = button("Save for s&upport (JSON)…", "Save the report for support, as JSON", central)
        for b in (self.check_all, self.settings_button, self.reads_button, self.pdf_button, self.json_button):
            bar.addWidget(b)
        bar.addStretch(1)
        body.addLayout(bar)

        self.view = ChecklistView(self.model, central)
        body.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.check_all.clicked.connect(self.check_everything)
        self.settings_button.clicked.connect(self.open_settings)
        self.reads_button.clicked.connect(self.open_reads)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.json_button.clicked.connect(lambda: self.export_json())
        self.view.check_again.connect(self.check_one)
        self.view.declaration_toggled.connect(self.confirm_declaration)
        self.runner.started.connect(self._on_started)
        self.runner.result.connect(self._on_result)
        self.runner.finished.connect(self._on_finished)

        self._clock = QTimer(self)  # the school-hours line moves with the clock
        self._clock.timeout.connect(self.refresh_school_hours)
        self._clock.start(60_000)
        self.refresh_school_hours()
        self._set_tab_order()
        self.resize(m * 60, m * 48)

    # ---- running ----------------------------------------------------------------------------------
    def check_everything(self) -> None:
        self.runner.run()

    def check_one(self, check_id: str) -> None:
        self.runner.run((check_id,))

    def _on_started(self, check_id: str) -> None:
        self._running[check_id] = self._running.get(check_id, 0) + 1
        self.model.set_running(check_id)
        self._update_progress()

    def _on_result(self, result: CheckResult) -> None:
        left = self._running.get(result.id, 0) - 1
        if left > 0:
            self._running[result.id] = left
        else:
            self._running.pop(result.id, None)
        self.model.set_result(result)
        if result.id in self._running:  # another run for it is still under way
            self.model.set_running(result.id)
        self._update_progress()

    def _on_finished(self, results: list[CheckResult]) -> None:
        self._update_progress()
        if not self._running:
            self.run_finished.emit(self.model.results())

    def _update_progress(self) -> None:
        total = len(self.model.check_ids())
        left = len(self.model.pending())
        self.progress.setValue(total - left)
        busy = bool(left)
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.progress_label.setText(f"{left} still to check" if left != 1 else "1 still to check")
        self.check_all.setEnabled(not self._running)
        results = self.model.results()
        if busy:
            self.summary.setText(f"Checking this laptop… {left} of {total} still to go")
        else:
            self.summary.setText(self.session.summary_line(results))
        self.summary.setAccessibleDescription(self.summary.text())

    def refresh_school_hours(self) -> None:
        self.school_hours.setText(school_hours_text(self.session))

    def show_notice(self, lines: list[str]) -> None:
        """A gentle one-line notice (a damaged settings file was set aside, and so on); the exact words
        for support are in the tooltip."""
        self.notice.setText(" ".join(friendly_notice(line) for line in lines))
        self.notice.setToolTip("\n".join(lines))
        self.notice.setVisible(bool(lines))

    # ---- declarations and settings ------------------------------------------------------------------
    def confirm_declaration(self, declaration_id: str, ticked: bool) -> None:
        try:
            self.session.confirm(declaration_id, ticked)
        except OSError as exc:
            self.show_notice([f"Your answer could not be saved ({exc.strerror or exc}). Please try again."])
        for state in self.session.declarations():
            if state.spec.id == declaration_id:
                self.model.set_declaration(state, self.session.now())
        self._update_progress()  # the headline counts the statements still to confirm

    def open_settings(self) -> None:
        from desktop.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session.profile, self.session.settings, self)
        dialog.settings_changed.connect(self.apply_settings)
        dialog.exec()

    def apply_settings(self, settings: UserSettings) -> None:
        try:
            self.session.save_settings(settings)
        except OSError as exc:
            self.show_notice([f"Your settings could not be saved ({exc.strerror or exc})."])
            return
        self.refresh_school_hours()
        self.settings_changed.emit(settings)
        self.check_everything()  # opt-ins and school hours change what the checks say

    def open_reads(self) -> None:
        from desktop.reads_page import ReadsDialog

        ReadsDialog(self.session.system.platform, self.session.checks, self).exec()

    # ---- export -------------------------------------------------------------------------------------
    def report(self) -> dict[str, object]:
        return self.session.report(self.model.results())

    def _default_name(self, suffix: str) -> str:
        return f"device-check-{datetime.now():%Y-%m-%d}.{suffix}"

    def export_pdf(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save a PDF report", self._default_name("pdf"), "PDF (*.pdf)")
        if not path:
            return None
        from desktop.pdf import write_pdf

        try:
            write_pdf(self.report(), path)
        except OSError as exc:
            QMessageBox.warning(self, "Device Check", f"The report could not be saved to {path}: {exc.strerror or exc}")
            return None
        return path

    def export_json(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Save the report for support (JSON)", self._default_name("json"), "JSON (*.json)"
            )
        if not path:
            return None
        from pathlib import Path

        from checks.atomic import atomic_write_text

        try:
            atomic_write_text(Path(path), json.dumps(self.report(), indent=2) + "\n")
        except OSError as exc:
            QMessageBox.warning(self, "Device Check", f"The report could not be saved to {path}: {exc.strerror or exc}")
            return None
        return path

    def _set_tab_order(self) -> None:
        order = [self.check_all, self.settings_button, self.reads_button, self.pdf_button, self.json_button, self.view]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
