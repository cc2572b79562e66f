"""Password managers: the names to look for and the browser extensions, by id. Pure tables and a reader
that only needs the profile folders, so a Windows or macOS probe can reuse it.

Extension ids were confirmed with the `search` tool (2026-11-25) in public browser-policy and Nix
configurations that install them by id; Pareto Security's password_manager.go lists the Chrome ones too.
Note: Bitwarden's Firefox id ends in "...df9c091e268b" (many public policies); "...882b" appears nowhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from checks.readers.browser_profiles import BrowserProfile, join
from checks.system import ReadDenied, System

# Chromium-family extension ids (Chrome Web Store, and Edge Add-ons where the id differs).
CHROMIUM_EXTENSIONS = {
    "nngceckbapebfimnlniiiahkandclblb": "Bitwarden",
    "jbkfoedolllekgbhcbcoahefnbanhhlh": "Bitwarden",  # Edge Add-ons
    "aeblfdkhhhdcdjpifhhbdiojplfjncoa": "1Password",
    "hdokiejnpimakedhajhdlcegeplioahd": "LastPass",
    "bbcinlkgjjkejfdpemiealijmmooekmp": "LastPass",  # Edge Add-ons
    "fdjamakpfbbddfjaooikfcpapjohcfmg": "Dashlane",
    "ghmbeldphafepmbegfdlkpapadhbakde": "Proton Pass",  # Pareto's list (not re-confirmed here)
    "oboonakemofpalcgghocfoadofidjkkk": "KeePassXC",
    "ohigdmefobenhgkmpihnlmkphdoagcpe": "Keeper",
}
# Firefox add-on ids; Firefox keeps an installed add-on as <profile>/extensions/<id>.xpi.
FIREFOX_EXTENSIONS = {
    "{446900e4-71c2-419f-a6a7-df9c091e268b}": "Bitwarden",
    "{d634138d-c276-4fc8-924b-40a0ea21d284}": "1Password",
    "support@lastpass.com": "LastPass",
    "jetpack-extension@dashlane.com": "Dashlane",
    "78272b6fa58f4a1abaac99321d503a20@proton.me": "Proton Pass",
    "keepassxc-browser@keepassxc.org": "KeePassXC",
}


def extensions_found(system: System, profiles: Sequence[BrowserProfile]) -> list[str]:
    """ "Bitwarden (Chrome extension)" for each password-manager extension in any profile."""
    found: list[str] = []
    for profile in profiles:
        if profile.family == "chromium":
            folder, table, suffix = join(system, profile.path, "Extensions"), CHROMIUM_EXTENSIONS, ""
        else:
            folder, table, suffix = join(system, profile.path, "extensions"), FIREFOX_EXTENSIONS, ".xpi"
        try:
            names = system.list_dir(folder) or []
        except ReadDenied:
            continue
        for name in names:
            key = name[: -len(suffix)] if suffix and name.endswith(suffix) else name
            manager = table.get(key) if not suffix or name.endswith(suffix) else None
            if manager:
                label = f"{manager} ({profile.browser} extension)"
                if label not in found:
                    found.append(label)
    return found
