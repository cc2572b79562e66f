"""The PySide6 face of Device Check: a thin layer over the `checks` engine."""
