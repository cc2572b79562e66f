"""After the PDF is saved: where it went, with "Open folder" and "E-mail to <consultant>". The e-mail is a
`mailto:` link for the candidate's own mail program, with a subject and a body that say which file to
attach; Device Check sends nothing itself."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from checks.profile import Agency
from desktop.widgets_common import wrapping_label


def mailto_url(agency: Agency, path: Path, candidate: str = "") -> str:
    """A mailto: URL (RFC 6068) to the consultant, naming the file to attach."""
    who = candidate or "a candidate"
    subject = f"Device Check report from {who}"
    greeting = f"Dear {agency.consultant_name}," if agency.consultant_name else "Hello,"
    body = (
        f"{greeting}\n\nPlease find my Device Check report attached.\n\n"
        f"(Attach the file {path.name} from the folder {path.parent} before sending.)\n\n"
        f"{candidate}".rstrip()
        + "\n"
    )
    return f"mailto:{quote(agency.consultant_email, safe='@')}?subject={quote(subject)}&body={quote(body)}"


class SavedDialog(QDialog):
    opened = Signal(str)  # the URL handed to the desktop, for tests and the log

    def __init__(self, path: Path, agency: Agency, candidate: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Report saved — Device Check")
        self.path = path
        column = QVBoxLayout(self)
        self.where = wrapping_label(f"Your report is saved as “{path.name}” in the folder {path.parent}.", self)
        column.addWidget(self.where)
        self.problem = wrapping_label("", self)
        self.problem.hide()
        column.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.open_folder = buttons.addButton("Open folder", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder.clicked.connect(lambda: self._open(QUrl.fromLocalFile(str(path.parent)), "the folder"))
        self.email = None
        if agency.consultant_email:
            name = agency.consultant_name or agency.consultant_email
            self.email = buttons.addButton(f"E-mail to {name}", QDialogButtonBox.ButtonRole.ActionRole)
            url = QUrl(mailto_url(agency, path, candidate), QUrl.ParsingMode.TolerantMode)
            self.email.clicked.connect(lambda: self._open(url, "your e-mail program"))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def _open(self, url: QUrl, what: str) -> None:
        self.opened.emit(url.toString())
        if not QDesktopServices.openUrl(url):
            self.problem.setText(
                f"This laptop could not open {what}. The report is in {self.path.parent}, named “{self.path.name}”."
            )
            self.problem.show()
