"""Run as a script under a given screen (tests/window/test_fits_the_screen.py): builds the main window and
every dialog the candidate can meet, shows each, and prints their frame sizes and the screen's available
area as JSON. Judges are stand-ins; everything else is the real window."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from checks.paths import resource
from desktop.main_window import MainWindow
from desktop.runner import CheckRunner
from tests.guikit import Judges, mixed_answers, open_session


def main() -> int:
    app = QApplication(sys.argv[:1])
    judges = Judges()
    mixed_answers(judges)
    config = Path(tempfile.mkdtemp())
    session = open_session(config, judges, str(resource("profiles", "sample-agency.toml")))
    window = MainWindow(session, CheckRunner(session.engine))
    window.show()
    window.run_finished.connect(lambda _r: app.quit())
    window.check_everything()
    app.exec()
    shown: dict[str, object] = {}

    def record(name: str, widget: object) -> None:
        app.processEvents()
        frame = widget.frameGeometry()  # type: ignore[attr-defined]
        hint = widget.minimumSizeHint()  # type: ignore[attr-defined]
        shown[name] = {"frame": [frame.width(), frame.height()], "minimum": [hint.width(), hint.height()]}

    record("main window", window)
    from desktop.settings_dialog import SettingsDialog

    settings = SettingsDialog(session.profile, session.settings, window)
    settings.show()
    record("settings", settings)
    save = settings.save_button
    shown["settings save visible"] = save.isVisible() and settings.rect().contains(
        save.mapTo(settings, save.rect().bottomRight())
    )
    settings.close()
    record("welcome", window.offer_welcome())
    window.welcome.close()
    from desktop.fit_screen import fit_to_screen
    from desktop.reads_page import ReadsDialog

    reads = ReadsDialog(session.system.platform, session.checks, window)
    fit_to_screen(reads, reads.size())
    reads.show()
    record("what this app reads", reads)
    reads.close()
    record("talked to my consultant", window.ask_acknowledge("screen-lock"))
    window.export_pdf(str(config / "report.pdf"))
    record("report saved", window.saved_dialog)
    area = app.primaryScreen().availableGeometry()
    print(json.dumps({"available": [area.width(), area.height()], "shown": shown}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
