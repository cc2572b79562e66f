"""PySide6 6.12 on Python 3.11 loses references to True and None; desktop/refcount_guard.py makes that
harmless. Each case runs in a fresh interpreter, because without the guard it aborts."""

import subprocess
import sys
import textwrap

from tests.conftest import ROOT

LEAK = textwrap.dedent("""
    import sys
    {guard}
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    app = QCoreApplication([])
    class O(QObject):
        s = Signal(object)
    o = O()
    o.s.connect(lambda x: None)
    for _ in range(50_000):  # far more than True's count at start-up (a few thousand)
        o.s.emit(1)
    print("survived")
""")


def run(guard: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", LEAK.format(guard=guard)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)


def test_many_signals_survive_with_the_guard():
    res = run("import desktop")
    assert res.returncode == 0 and "survived" in res.stdout, res.stderr[-400:]


def test_the_fault_is_still_there_without_the_guard():
    """When this fails, PySide6 has fixed the fault: the guard can go (or stays harmless)."""
    import PySide6

    if sys.version_info >= (3, 12):
        return  # immortal singletons: the fault cannot show
    res = run("")
    assert res.returncode != 0 and "deallocating" in res.stderr, (PySide6.__version__, res.stdout)
