"""Which of the profile's social apps a process list shows: pure functions, the same on every OS.

A process matches an app when any of its names equals one the profile lists for this OS (case-insensitive,
".exe" dropped): the process name, the executable's file name, the first command-line word, a Snap's name
(from /snap/<name>/...), or a Flatpak app id (`flatpak run com.discordapp.Discord`, or the id bwrap carries).
A browser window started as a web app matches the app whose domains include the site: `--app=https://...`
by its host, `--app-id=<id>` by Chromium's own app id, which is a hash of the web app's manifest id (below).
Only profile names leave this module: never a PID or a command line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from checks.profile import SocialApp
from checks.system import ProcessInfo

# Programs that start someone else's app: their other arguments may name it.
LAUNCHERS = frozenset({"flatpak", "bwrap", "flatpak-bwrap", "snap"})

# Manifest ids of well-known web apps whose ids are not simply the site's home page. Each id below was seen
# in public launcher or window-rule configurations (found with the `search` tool, 2026-11-25):
#   hnpfjngllnobngcgfapefoaidbinmjnm  WhatsApp Web  (`--app-id=hnpfjngllnobngcgfapefoaidbinmjnm`, many dotfiles)
#   akpamiohjfcnimfljfndmaldlcfphjmp  Instagram     (a Hyprland rule "brave-akpamiohjfcnimfljfndmaldlcfphjmp-Default")
#   jgeocpdicgmkeemopbanhokmhcgcflmi  X / Twitter   (an "msedge-_jgeocpdicgmkeemopbanhokmhcgcflmi-Default" list)
# and each equals chromium_app_id() of the URL here, which is how we know the algorithm is right.
KNOWN_MANIFEST_IDS = (
    "https://web.whatsapp.com/",
    "https://www.instagram.com/?utm_source=pwa_homescreen&__pwa=1",
    "https://twitter.com/?utm_source=homescreen&utm_medium=shortcut",
    "https://x.com/?utm_source=homescreen&utm_medium=shortcut",
)


def plain_name(name: str) -> str:
    """'Discord.exe' -> 'discord'; 'C:\\Apps\\Telegram.exe' -> 'telegram'."""
    base = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].strip().lower()
    return base[:-4] if base.endswith(".exe") else base


def chromium_app_id(manifest_id: str) -> str:
    """Chromium's web app id: SHA-256 of the manifest id's SHA-256, first 16 bytes in hex, 0-f mapped to a-p.
    Source: chromium components/webapps/common/web_app_id.h ("hashed using SHA256, hashed using SHA256 again,
    hex encoded ... transformed to only use alpha characters between a-p"); checked against the ids above."""
    digest = hashlib.sha256(hashlib.sha256(manifest_id.encode("utf-8")).digest()).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


def domain_matches(host: str, domain: str) -> bool:
    """The host is the domain or one of its subdomains: m.facebook.com yes, notfacebook.com no."""
    host, domain = host.lower().rstrip("."), domain.lower().strip(".")
    return bool(domain) and (host == domain or host.endswith("." + domain))


def url_host(url: str) -> str:
    try:
        return (urlsplit(url.strip().strip("'\"")).hostname or "").lower()
    except ValueError:
        return ""


def web_app_ids(apps: Sequence[SocialApp]) -> dict[str, str]:
    """Chromium app id -> profile app name, for each app's domains (home pages with and without www.)
    and the known manifest ids that fall under them."""
    ids: dict[str, str] = {}
    for app in apps:
        for domain in app.domains:
            for url in (f"https://{domain}/", f"https://www.{domain}/"):
                ids.setdefault(chromium_app_id(url), app.name)
        for url in KNOWN_MANIFEST_IDS:
            if any(domain_matches(url_host(url), d) for d in app.domains):
                ids.setdefault(chromium_app_id(url), app.name)
    return ids


def process_names(proc: ProcessInfo) -> set[str]:
    """Every name this process could be listed under, lower-case."""
    names = {plain_name(proc.name)}
    if proc.exe:
        names.add(plain_name(proc.exe))
        parts = proc.exe.replace("\\", "/").split("/")
        if len(parts) > 2 and parts[1] == "snap":  # /snap/<name>/<revision>/...
            names.add(parts[2].lower())
    if proc.cmdline:
        first = plain_name(proc.cmdline[0])
        names.add(first)
        if first in LAUNCHERS:  # flatpak run [options] <app-id> / bwrap ... <app-id>
            names.update(a.lower() for a in proc.cmdline[1:] if "." in a and not a.startswith(("-", "/")))
    names.discard("")
    return names


def web_app_hosts_and_ids(cmdline: Iterable[str]) -> tuple[list[str], list[str]]:
    hosts, ids = [], []
    for arg in cmdline:
        if arg.startswith("--app="):
            hosts.append(url_host(arg[len("--app=") :]))
        elif arg.startswith("--app-id="):
            ids.append(arg[len("--app-id=") :].strip().lower())
    return hosts, ids


def match_social_apps(processes: Sequence[ProcessInfo], apps: Sequence[SocialApp], os_name: str) -> tuple[str, ...]:
    """The profile names of the apps that are running, in the profile's order."""
    by_name: dict[str, str] = {}
    for app in apps:
        for listed in app.processes.get(os_name, ()):
            by_name.setdefault(plain_name(listed), app.name)
    ids = web_app_ids(apps)
    found: set[str] = set()
    for proc in processes:
        for name in process_names(proc):
            if name in by_name:
                found.add(by_name[name])
        hosts, app_ids = web_app_hosts_and_ids(proc.cmdline)
        for host in hosts:
            for app in apps:
                if any(domain_matches(host, d) for d in app.domains):
                    found.add(app.name)
        for app_id in app_ids:
            if app_id in ids:
                found.add(ids[app_id])
    return tuple(app.name for app in apps if app.name in found)
