"""Is a password manager installed on Linux? Programs on PATH, Debian packages, Flatpak and Snap apps, and
browser extensions (password_managers.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import PasswordManagerFacts, Read
from checks.readers.browser_profiles import shared_profiles
from checks.readers.linux_browser_paths import all_profiles
from checks.readers.password_manager_names import extensions_found

if TYPE_CHECKING:
    from checks.context import CheckContext

# Program on PATH -> name. keepass2 is Debian's KeePass (Mono); lpass is LastPass's own command line.
PROGRAMS = {
    "1password": "1Password",
    "bitwarden": "Bitwarden",
    "keepassxc": "KeePassXC",
    "keepass2": "KeePass",
    "enpass": "Enpass",
    "proton-pass": "Proton Pass",
    "lpass": "LastPass",
}
# Debian package -> name (1Password, Bitwarden, Enpass and Proton Pass ship .deb files under these names).
PACKAGES = {
    "1password": "1Password",
    "bitwarden": "Bitwarden",
    "keepassxc": "KeePassXC",
    "keepassxc-full": "KeePassXC",
    "keepassxc-minimal": "KeePassXC",
    "keepass2": "KeePass",
    "enpass": "Enpass",
    "proton-pass": "Proton Pass",
    "lastpass-cli": "LastPass",
}
# Flatpak app id -> name. com.bitwarden.desktop and org.keepassxc.KeePassXC: seen in public install scripts
# (`flatpak install flathub ...`); the 1Password and Proton Pass ids are unconfirmed.
FLATPAKS = {
    "com.bitwarden.desktop": "Bitwarden",
    "org.keepassxc.KeePassXC": "KeePassXC",
    "com.onepassword.OnePassword": "1Password",
    "me.proton.Pass": "Proton Pass",
}
# Snap name -> name (unconfirmed apart from the program names above; 1Password documents a Snap).
SNAPS = {"1password": "1Password", "bitwarden": "Bitwarden", "keepassxc": "KeePassXC", "enpass": "Enpass"}

READS = (
    Read("command", "which " + " ".join(PROGRAMS), "whether a password manager program is installed"),
    Read("command", "dpkg-query -W " + " ".join(PACKAGES), "whether a password manager package is installed"),
    Read("command", "flatpak list --app --columns=application", "password managers installed from Flathub"),
    Read("command", "snap list", "password managers installed from the Snap Store"),
    Read(
        "folder",
        "each browser profile's Extensions folder (Chrome, Edge, Brave, Chromium, Firefox)",
        "password manager browser extensions",
    ),
)


def parse_dpkg(stdout: str) -> list[str]:
    """Lines "name ii " from dpkg-query -f '${Package} ${db:Status-Abbrev}\\n': installed when it starts "ii"."""
    out = []
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].startswith("ii") and parts[0] in PACKAGES:
            out.append(parts[0])
    return out


def parse_snap_list(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    return [line.split()[0] for line in lines[1:] if line.split()]  # the first line is the header


def read(ctx: CheckContext) -> PasswordManagerFacts:
    system = ctx.system
    found: list[str] = []

    def add(label: str) -> None:
        if label not in found:
            found.append(label)

    for program, name in PROGRAMS.items():
        if system.which(program):
            add(f"{name} (installed program)")
    dpkg = system.run(["dpkg-query", "-W", "-f=${Package} ${db:Status-Abbrev}\n", *PACKAGES])
    for package in parse_dpkg(dpkg.stdout):  # exit 1 just means some names are unknown: the rest still count
        add(f"{PACKAGES[package]} (installed program)")
    flatpak = system.run(["flatpak", "list", "--app", "--columns=application"])
    if flatpak.ok:
        for app_id in flatpak.stdout.split():
            if app_id in FLATPAKS:
                add(f"{FLATPAKS[app_id]} (Flatpak)")
    snap = system.run(["snap", "list"])
    if snap.ok:
        for name in parse_snap_list(snap.stdout):
            if name in SNAPS:
                add(f"{SNAPS[name]} (Snap)")
    for label in extensions_found(system, shared_profiles(ctx, all_profiles)):
        add(label)
    # dpkg-query exits 1 when some names are unknown; a hang, a crash or a refusal means it was not looked at.
    dpkg_answered = dpkg.returncode in (0, 1) and not dpkg.missing and not dpkg.timed_out
    looked = [
        "programs on PATH",
        "Debian packages" if dpkg_answered else "",
        "Flatpak" if flatpak.ok else "",
        "Snap" if snap.ok else "",
        "browser extensions",
    ]
    return PasswordManagerFacts(tuple(found), tuple(x for x in looked if x))
