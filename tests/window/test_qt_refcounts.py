"""PySide6 6.12.0 drops a reference to True on every Signal.emit() and to None on some getters; on
Python 3.11 the interpreter then aborts ("deallocating None"). pyproject pins a release without the
fault; this test fails if an installed PySide6 brings it back. Runs in a fresh interpreter: a crash here
must not take the test session down."""

import subprocess
import sys
import textwrap

from tests.conftest import ROOT

STRESS = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtGui import QStandardItem
    from PySide6.QtWidgets import QApplication, QListWidget, QWidget
    app = QApplication([])
    class Emitter(QObject):
        fired = Signal(object)
    emitter = Emitter()
    emitter.fired.connect(lambda value: None)
    widget, listing, item = QWidget(), QListWidget(), QStandardItem()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(30_000):  # more than None's or True's count at start-up
        emitter.fired.emit(1)
        item.data(1234)
        widget.property("no-such-property")
        listing.currentItem()
    after = sys.getrefcount(None), sys.getrefcount(True)
    print("lost", before[0] - after[0], before[1] - after[1])
""")


def test_qt_calls_do_not_lose_references_to_none_or_true():
    res = subprocess.run(
        [sys.executable, "-c", STRESS],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert res.returncode == 0, res.stderr[-400:]
    lost_none, lost_true = (int(n) for n in res.stdout.split()[1:3])
    assert lost_none < 100 and lost_true < 100, res.stdout
