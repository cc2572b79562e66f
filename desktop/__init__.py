"""The PySide6 face of Device Check: a thin layer over the `checks` engine."""

from desktop.refcount_guard import immortalise_singletons

immortalise_singletons()  # before any Qt call: see desktop/refcount_guard.py
