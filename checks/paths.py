"""Where things live: resources (same lookup frozen and from source) and the candidate's config folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "devicecheck"


def resources_dir() -> Path:
    """The resources folder: next to the packages from source and in a PyInstaller bundle,
    or the installed `devicecheck_resources` package after `pip install`."""
    here = Path(__file__).resolve().parent.parent
    bundle = Path(getattr(sys, "_MEIPASS", here))
    for candidate in (bundle / "resources", here / "resources", here / "devicecheck_resources"):
        if (candidate / "profiles" / "default.toml").is_file():
            return candidate
    raise FileNotFoundError("Device Check's resources folder is missing (looked beside the 'checks' package)")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def config_dir() -> Path:
    """The candidate's own settings. DEVICECHECK_CONFIG_DIR wins, so tests and support can point elsewhere."""
    override = os.environ.get("DEVICECHECK_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs  # imported here: only the paths that need it pay for it

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))
