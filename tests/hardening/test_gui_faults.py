"""The window with a real hung program: a `gsettings` first on PATH that never answers, run by the real
LiveSystem and the real screen-lock probe and judges. The event loop keeps turning while it hangs, every
other row fills in, and the screen-lock row ends as "Can't tell" with the plain reason after the 3 s
command timeout, well before the engine's deadline."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer

from checks.live import LiveSystem
from checks.model import Status
from desktop.main_window import MainWindow
from desktop.session import Session
from tests.hardening.test_faults import fault_script, leftovers


def test_a_hung_gsettings_leaves_the_window_responsive(qtbot, tmp_path: Path, isolated_config: Path) -> None:
    token = f"{os.getpid()}77"
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "gsettings").write_text(fault_script("hang", token))
    (folder / "gsettings").chmod(0o755)
    system = LiveSystem()
    system.env = dict(
        system.env,
        PATH=f"{folder}{os.pathsep}{system.env.get('PATH', '')}",
        XDG_CURRENT_DESKTOP="GNOME",
        HOME=str(tmp_path),
        DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent-devicecheck-test",
    )
    session = Session.open(None, system=system, config_dir=isolated_config)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    window.check_everything()
    # While gsettings hangs (3 s), the lock rows are the ones still pending, and the loop keeps turning.
    qtbot.waitUntil(lambda: set(window.model.pending()) == {"screen-lock", "lock-on-wake"}, timeout=8000)
    seen = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= seen + 10, timeout=2000)
    assert set(window.model.pending()) == {"screen-lock", "lock-on-wake"}  # still hanging: the loop ran meanwhile
    with qtbot.waitSignal(window.run_finished, timeout=12000):
        pass
    assert window.model.status_of("screen-lock") is Status.UNKNOWN
    assert "did not answer in time" in window.view.row_for("screen-lock").detail.text()
    assert leftovers(token) == []
