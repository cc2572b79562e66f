"""A guard against a reference-counting fault in PySide6 6.12 on Python 3.11.

Measured here (PySide6/shiboken6 6.12.0, CPython 3.11.7): every `Signal.emit()` drops one reference to
True, and `QStandardItem.data()` of an empty role, `QWidget.property()` of an unknown name and
`QListWidget.currentItem()` with none drop one reference to None. From Python 3.12 these objects are
immortal (PEP 683), so nothing happens; on 3.11 their count reaches zero after a few thousand calls and the
interpreter aborts with "deallocating None" / "deallocating True or False". Giving them a huge reference
count does on 3.11 what 3.12 does by design; tests/test_refcount_guard.py shows the fault and the cure."""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 48  # at a million lost references a second this lasts nine years
_done = False


def immortalise_singletons() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object (Include/object.h).
        ctypes.c_ssize_t.from_address(id(obj)).value += _BALLAST
    _done = True
