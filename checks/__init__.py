"""Device Check's engine: pure Python, no Qt. `desktop/` is only a face over this package."""

from checks._version import __version__

__all__ = ["__version__"]
