"""What an installer is called: the app's name, the agency's name and the file-name slug.

Shared by packaging/devicecheck.spec and packaging/package.py (both put packaging/ on sys.path; it is not a
package)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checks._version import __version__  # noqa: E402
from checks.profile import load_profile  # noqa: E402

APP_NAME = "Device Check"
PACKAGE = "devicecheck"


@dataclass(frozen=True)
class Brand:
    version: str
    agency: str  # "" for the default profile
    profile: Path | None  # the agency profile to bake in, validated

    @property
    def display_name(self) -> str:
        return f"{APP_NAME} — {self.agency}" if self.agency else APP_NAME

    @property
    def slug(self) -> str:
        """'Northfield Supply Teachers' -> 'northfield-supply-teachers' (ASCII letters and digits only)."""
        return re.sub(r"[^a-z0-9]+", "-", self.agency.lower()).strip("-")

    @property
    def file_stem(self) -> str:
        """'devicecheck' or 'devicecheck-northfield-supply-teachers': the start of every installer's name."""
        return f"{PACKAGE}-{self.slug}" if self.slug else PACKAGE


def load_brand(profile: str | Path | None) -> Brand:
    """Validates the profile (ProfileError names the file and key) and reads the agency's name from it."""
    path = Path(profile).resolve() if profile else None
    loaded = load_profile(path)
    return Brand(version=__version__, agency=loaded.agency.name.strip(), profile=path)
