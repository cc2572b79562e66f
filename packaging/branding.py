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
from checks.profile import ProfileError, load_profile, read_toml  # noqa: E402

APP_NAME = "Device Check"
PACKAGE = "devicecheck"


@dataclass(frozen=True)
class Brand:
    version: str
    agency: str  # "" for the default profile
    profile: Path | None  # the agency profile to bake in, validated
    logo: Path | None = None  # the profile's logo file, bundled beside it (agency.logo, relative to the profile)
    logo_name: str = ""  # where it goes, relative to resources/profiles/ in the bundle (as the profile names it)
    policy: Path | None = None  # the policy text the profile names ([policy] file), bundled beside it like the logo
    policy_name: str = ""

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
    logo, logo_name = (None, "") if path is None else logo_file(path, loaded.agency.logo)
    # As the profile itself names it: the loaded profile holds the clauses read from it, not the file's name.
    named = read_toml(path).get("policy", {}).get("file", "") if path is not None else ""
    policy, policy_name = beside_profile(path, named, "[policy] file", "policy text") if path else (None, "")
    return Brand(
        version=__version__,
        agency=loaded.agency.name.strip(),
        profile=path,
        logo=logo,
        logo_name=logo_name,
        policy=policy,
        policy_name=policy_name,
    )


def logo_file(profile: Path, logo: str) -> tuple[Path | None, str]:
    """The logo the profile names, to bundle beside agency.toml so the app finds it the same way (relative to
    the profile). It must be a file beside the profile or below it: anything else stops the build with one
    line naming the file and the key, rather than shipping a banner without its logo."""
    return beside_profile(profile, logo, "[agency] logo", "logo")


def beside_profile(profile: Path, named: str, key: str, what: str) -> tuple[Path | None, str]:
    """A file the profile names (its logo, its policy text), relative to it, to bundle beside agency.toml."""
    if not named.strip():
        return None, ""
    name = Path(named.strip())
    where = f"{profile}: {key} = {named!r}"
    if name.is_absolute() or ".." in name.parts:
        raise ProfileError(f"{where}: give the {what}'s path relative to the profile, in its folder or below it")
    found = profile.parent / name
    if not found.is_file():
        raise ProfileError(f"{where}: no such file beside the profile ({found})")
    return found, name.as_posix()
