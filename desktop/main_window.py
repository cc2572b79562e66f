"""The main window: agency banner, then one scrolling page: the top part (desktop/window_header.py: the
summary line, school-hours state, progress, the buttons and "What to do now") and the clause-by-clause
checklist. The menu holds every action and Quit. Rows check again by themselves when something may have
changed them."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from checks.model import CheckResult
from checks.policy import policy_for
from checks.settings import UserSettings
from desktop.banner import AgencyBanner
from desktop.checklist_model import ChecklistModel, Role
from desktop.checklist_view import ChecklistView
from desktop.fit_screen import fit_to_screen
from desktop.focus_style import use_accessible_style
from desktop.runner import CheckRunner
from desktop.session import Session
from desktop.window_header import WindowHeader

SOCIAL_APPS_CHECK = "social-apps"


def documents_folder() -> Path:
    """Where the save dialog starts: the candidate's Documents folder, or their home folder without one."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


class MainWindow(QMainWindow):
    settings_changed = Signal(object)  # UserSettings, after they are saved (the tray helper listens)
    run_finished = Signal(list)  # every result of a run, once it is complete
    quit_requested = Signal()  # "Quit" from the menu: the tray helper stops too
    notice_shown = Signal(str)  # a line for the candidate in the notice area (tests wait on it)

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
        self.model.set_acknowledgements(session.acknowledged, session.now())
        self._running: dict[str, int] = {}  # check id -> runs under way for it
        self._settings_opened: set[str] = set()  # rows whose settings page was opened: check again on return
        self.saved_dialog: QDialog | None = None
        self.welcome: QDialog | None = None

        central = QWidget(self)
        page = QVBoxLayout(central)
        page.setContentsMargins(0, 0, 0, 0)
        self.banner = AgencyBanner(session.profile, central)
        page.addWidget(self.banner)
        header = self.header = WindowHeader(session, self.model, central)
        # The parts other code and the tests reach by name.
        self.summary, self.school_hours, self.notice = header.summary, header.school_hours, header.notice
        self.progress, self.progress_label, self.todo = header.progress, header.progress_label, header.todo
        self.check_all, self.settings_button = header.check_all, header.settings_button
        self.reads_button, self.pdf_button, self.json_button = (
            header.reads_button,
            header.pdf_button,
            header.json_button,
        )
        if session.warnings:
            self.show_notice(session.warnings)
        self.view = ChecklistView(self.model, central, header)
        page.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self._build_menu()

        self.check_all.clicked.connect(self.check_everything)
        self.settings_button.clicked.connect(self.open_settings)
        self.reads_button.clicked.connect(self.open_reads)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.json_button.clicked.connect(lambda: self.export_json())
        self.todo.go_to.connect(self.go_to)
        self.view.check_again.connect(self.check_one)
        self.view.declaration_toggled.connect(self.confirm_declaration)
        self.view.settings_opened.connect(self._settings_opened.add)
        self.view.settings_failed.connect(self._settings_failed)
        self.view.acknowledge_requested.connect(self.ask_acknowledge)
        self.runner.started.connect(self._on_started)
        self.runner.result.connect(self._on_result)
        self.runner.finished.connect(self._on_finished)

        self._clock = QTimer(self)  # the school-hours line moves with the clock
        self._clock.timeout.connect(self.refresh_school_hours)
        self._clock.start(60_000)
        self.refresh_school_hours()
        m = self.fontMetrics().height()
        fit_to_screen(self, QSize(m * 60, m * 48), cap=False)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&Device Check")
        self.menu_actions: dict[str, QAction] = {}
        for key, text, slot, keys in (
            ("check", "Check everything again", self.check_everything, QKeySequence.StandardKey.Refresh),
            ("settings", "Settings…", self.open_settings, QKeySequence.StandardKey.Preferences),
            ("reads", "What this app reads", self.open_reads, None),
            ("pdf", "Save a PDF report…", lambda: self.export_pdf(), QKeySequence.StandardKey.Print),
            ("json", "Save for support (JSON)…", lambda: self.export_json(), None),
            ("quit", "Quit Device Check", self.quit_app, "Ctrl+Q"),
        ):
            if key == "quit":
                menu.addSeparator()
            action = menu.addAction(text)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.menu_actions[key] = action
        self.menu_actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        for more in self.menuBar().findChildren(QAbstractButton):  # Qt's "more menus" arrow on a narrow window
            more.setAccessibleName("More menus")

    # ---- running ----------------------------------------------------------------------------------
    def check_everything(self) -> None:
        self.runner.run()

    def check_one(self, check_id: str) -> None:
        self.runner.run((check_id,))

    def recheck_social_apps(self, *_: object) -> None:
        """After "Quit <app>" or when the monitor sees apps come or go: the social apps row checks again."""
        if SOCIAL_APPS_CHECK in self.model.check_ids():
            self.check_one(SOCIAL_APPS_CHECK)

    def take_results(self, payload: tuple[list[CheckResult], object]) -> None:
        """The tray monitor's daily check: the window shows the same results as the tray and notifications."""
        for result in payload[0]:
            if result.id not in self._running:
                self.model.set_result(result)
        self._update_progress()

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
        self.menu_actions["check"].setEnabled(not self._running)
        results = self.model.results()
        if busy:
            self.summary.setText(f"Checking this laptop… {left} of {total} still to go")
        else:
            self.summary.setText(self.session.summary_line(results))
        self.summary.setAccessibleDescription(self.summary.text())
        self.todo.rebuild()

    def refresh_school_hours(self) -> None:
        self.header.refresh_school_hours()

    def show_notice(self, lines: list[str]) -> None:
        """A gentle one-line notice (a damaged settings file was set aside, and so on)."""
        self.notice_shown.emit(self.header.show_notice(lines))

    # ---- going to a row, and coming back from the settings ------------------------------------------
    def go_to(self, kind: str, ident: str) -> QWidget:
        return self.view.go_to(kind, ident)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Back from the system settings: the rows whose settings were opened check again by themselves."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self._settings_opened:
            for check_id in sorted(self._settings_opened):
                self.check_one(check_id)
            self._settings_opened.clear()

    def _settings_failed(self, check_id: str) -> None:
        self._settings_opened.discard(check_id)
        title = self.model.check_index(check_id).data(Role.TITLE)
        self.show_notice(
            [f"This laptop could not open the settings for “{title}”. The steps to do it by hand are shown below."]
        )
        self.go_to("check", check_id)

    # ---- declarations, acknowledgements and settings ------------------------------------------------
    def confirm_declaration(self, declaration_id: str, ticked: bool) -> None:
        try:
            self.session.confirm(declaration_id, ticked)
        except OSError as exc:
            self.show_notice([f"Your answer could not be saved ({exc.strerror or exc}). Please try again."])
        for state in self.session.declarations():
            if state.spec.id == declaration_id:
                self.model.set_declaration(state, self.session.now())
        self._update_progress()  # the headline counts the statements still to confirm

    def ask_acknowledge(self, check_id: str) -> QDialog:
        from desktop.acknowledge_dialog import END_MARK, AcknowledgeDialog

        title = self.model.check_index(check_id).data(Role.TITLE)
        current = self.session.acknowledged.get(check_id)
        dialog = AcknowledgeDialog(title, self.session.profile.acknowledge_max_days, current, self.session.now(), self)
        fit_to_screen(dialog)

        def answered(code: int) -> None:
            try:
                if code == QDialog.DialogCode.Accepted.value:
                    self.session.acknowledge(check_id, dialog.days.value(), dialog.note.text())
                elif code == END_MARK:
                    self.session.end_acknowledgement(check_id)
                else:
                    return
            except OSError as exc:
                self.show_notice([f"Your mark could not be saved ({exc.strerror or exc}). Please try again."])
                return
            self.model.set_acknowledgements(self.session.acknowledged, self.session.now())
            self.todo.rebuild()
            self.acknowledgements_changed.emit()

        dialog.finished.connect(answered)
        dialog.open()
        return dialog

    acknowledgements_changed = Signal()  # the tray helper stops (or starts) reminding about a check

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

    def offer_welcome(self) -> QDialog:
        """First run: a short welcome beside the window; the checks go on behind it."""
        from desktop.welcome_dialog import WelcomeDialog

        dialog = WelcomeDialog(self.session.profile, self.session.settings, self)
        dialog.chosen.connect(self.apply_settings)
        dialog.not_now.connect(lambda: self._keep_settings())
        m = dialog.fontMetrics().height()
        fit_to_screen(dialog, QSize(m * 32, m * 30))
        self.welcome = dialog
        dialog.show()
        return dialog

    def _keep_settings(self) -> None:
        """ "Not now": the agency's usual settings, saved so the welcome is not asked again."""
        try:
            self.session.save_settings(self.session.settings)
        except OSError as exc:
            self.show_notice([f"Your settings could not be saved ({exc.strerror or exc})."])

    def open_reads(self) -> None:
        from desktop.reads_page import ReadsDialog

        dialog = ReadsDialog(self.session.system.platform, self.session.checks, self)
        fit_to_screen(dialog, dialog.size())
        dialog.exec()

    def quit_app(self) -> None:
        self.quit_requested.emit()
        QApplication.quit()

    # ---- export -------------------------------------------------------------------------------------
    def report(self) -> dict[str, object]:
        return self.session.report(self.model.results())

    def _default_name(self, suffix: str) -> str:
        return str(documents_folder() / f"device-check-{datetime.now():%Y-%m-%d}.{suffix}")

    def export_pdf(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save a PDF report", self._default_name("pdf"), "PDF (*.pdf)")
        if not path:
            return None
        from desktop.pdf import write_pdf
        from desktop.saved_dialog import SavedDialog

        try:
            write_pdf(self.report(), path)
        except OSError as exc:
            QMessageBox.warning(self, "Device Check", f"The report could not be saved to {path}: {exc.strerror or exc}")
            return None
        saved = Path(path).resolve()
        self.show_notice([f"Your report is saved as “{saved.name}” in {saved.parent}."])
        self.saved_dialog = SavedDialog(saved, self.session.profile.agency, self.session.settings.candidate_name, self)
        fit_to_screen(self.saved_dialog)
        self.saved_dialog.open()  # not blocking: the window stays usable behind it
        return path

    def export_json(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Save the report for support (JSON)", self._default_name("json"), "JSON (*.json)"
            )
        if not path:
            return None
        from checks.atomic import atomic_write_text

        try:
            atomic_write_text(Path(path), json.dumps(self.report(), indent=2) + "\n")
        except OSError as exc:
            QMessageBox.warning(self, "Device Check", f"The report could not be saved to {path}: {exc.strerror or exc}")
            return None
        saved = Path(path).resolve()
        self.show_notice([f"The file for support is saved as “{saved.name}” in {saved.parent}."])
        return path
