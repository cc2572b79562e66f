"""Windows: is a password manager installed?

Looks for the programs where their installers put them (paths as Pareto Security's Windows check lists
them) and for per-user Microsoft Store apps under %LOCALAPPDATA%\\Packages. Browser extensions are
looked for in every Chromium profile by the shared extension finder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import PasswordManagerFacts, Read
from checks.readers.browser_profiles import shared_profiles
from checks.readers.password_manager_names import extensions_found
from checks.readers.windows_browser_paths import all_profiles

if TYPE_CHECKING:
    from checks.context import CheckContext

# (name, base env var, path under it)
PROGRAMS = (
    ("1Password", "LOCALAPPDATA", r"1Password\app\8\1Password.exe"),
    ("1Password", "PROGRAMFILES", r"1Password\app\8\1Password.exe"),
    ("Bitwarden", "LOCALAPPDATA", r"Programs\Bitwarden\Bitwarden.exe"),
    ("Bitwarden", "PROGRAMFILES", r"Bitwarden\Bitwarden.exe"),
    ("KeePassXC", "PROGRAMFILES", r"KeePassXC\KeePassXC.exe"),
    ("KeePass", "PROGRAMFILES", r"KeePass Password Safe 2\KeePass.exe"),
    ("KeePass", "PROGRAMFILES(X86)", r"KeePass Password Safe 2\KeePass.exe"),
    ("Proton Pass", "LOCALAPPDATA", r"Programs\ProtonPass\ProtonPass.exe"),
)
# Store package family names start with the publisher's prefix (unconfirmed names: a lead, see the report).
STORE_PACKAGES = (
    ("Bitwarden (Microsoft Store)", "8bitSolutionsLLC.bitwardendesktop"),
    ("1Password (Microsoft Store)", "AgileBits.1Password"),
    ("KeePassXC (Microsoft Store)", "KeePassXCTeam.KeePassXC"),
)

READS = (
    Read(
        "file",
        r"%LOCALAPPDATA%\1Password, %LOCALAPPDATA%\Programs\Bitwarden, %ProgramFiles%\KeePassXC, ...",
        "Whether a password manager program is installed",
    ),
    Read("folder", r"%LOCALAPPDATA%\Packages", "Password managers installed from the Microsoft Store (names only)"),
    Read(
        "folder",
        "each browser profile's Extensions folder (Chrome, Edge, Brave, Chromium, Firefox)",
        "password manager browser extensions",
    ),
)


def win_join(base: str, rest: str) -> str:
    return base.rstrip("\\/") + "\\" + rest


def find_programs(ctx: CheckContext) -> tuple[list[str], list[str]]:
    env = ctx.system.env
    found: list[str] = []
    looked: list[str] = []
    for name, var, rest in PROGRAMS:
        base = env.get(var)
        if not base:
            continue
        path = win_join(base, rest)
        looked.append(path)
        info = ctx.system.file_info(path)
        if info is not None and not info.is_dir and name not in found:
            found.append(name)
    local = env.get("LOCALAPPDATA")
    if local:
        packages_dir = win_join(local, "Packages")
        looked.append(packages_dir)
        names = ctx.system.list_dir(packages_dir) or []
        for label, prefix in STORE_PACKAGES:
            if any(n.lower().startswith(prefix.lower() + "_") for n in names) and label not in found:
                found.append(label)
    return found, looked


def read(ctx: CheckContext) -> PasswordManagerFacts:
    found, looked = find_programs(ctx)
    found += [label for label in extensions_found(ctx.system, shared_profiles(ctx, all_profiles)) if label not in found]
    return PasswordManagerFacts(tuple(found), (*looked, "browser extensions"))
