"""macOS: is a password manager installed? Looks in /Applications and ~/Applications (names only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import PasswordManagerFacts, Read
from checks.readers.browser_profiles import shared_profiles
from checks.readers.darwin_browser_paths import all_profiles
from checks.readers.password_manager_names import extensions_found

if TYPE_CHECKING:
    from checks.context import CheckContext

# App bundle names: 1Password, Bitwarden, Dashlane, KeePassXC as Pareto Security's macOS check lists them;
# the others are the vendors' usual bundle names (unconfirmed, a lead).
APPS = {
    "1password.app": "1Password",
    "1password 7.app": "1Password",
    "bitwarden.app": "Bitwarden",
    "dashlane.app": "Dashlane",
    "keepassxc.app": "KeePassXC",
    "proton pass.app": "Proton Pass",
    "enpass.app": "Enpass",
    "strongbox.app": "Strongbox",
    "keepassium.app": "KeePassium",
}

READS = (
    Read("folder", "/Applications, ~/Applications", "Whether a password manager app is installed (names only)"),
    Read(
        "folder",
        "each browser profile's Extensions folder (Chrome, Edge, Brave, Chromium, Firefox)",
        "password manager browser extensions",
    ),
)


def match_apps(names: list[str]) -> list[str]:
    found: list[str] = []
    for name in names:
        label = APPS.get(name.lower())
        if label and label not in found:
            found.append(label)
    return found


def app_folders(home: str) -> tuple[str, ...]:
    return ("/Applications", home.rstrip("/") + "/Applications")


def read(ctx: CheckContext) -> PasswordManagerFacts:
    found: list[str] = []
    folders = app_folders(ctx.system.home)
    for folder in folders:
        for label in match_apps(ctx.system.list_dir(folder) or []):
            if label not in found:
                found.append(label)
    found += [label for label in extensions_found(ctx.system, shared_profiles(ctx, all_profiles)) if label not in found]
    return PasswordManagerFacts(tuple(found), (*folders, "browser extensions"))
