"""Plain facts that probes read and judges weigh. Every OS's probe fills the same shapes, so each judge
is written once. `None` means "this probe could not read it"; the judge then says `unknown`."""

from __future__ import annotations

from dataclasses import dataclass, field

from checks.system import KeyringState


@dataclass(frozen=True)
class Read:
    """One thing a probe reads: listed on the app's "What this app reads" page, from the same tables."""

    kind: str  # "command" | "file" | "folder" | "registry" | "database" | "processes" | "keyring"
    what: str  # the command line, path pattern or key, as the candidate would see it
    why: str  # plain English: what it tells us


@dataclass(frozen=True)
class LockFacts:
    """Screen lock and password on wake. Units are normalised to seconds here, whatever the desktop uses."""

    desktop: str  # "GNOME", "KDE", "Windows", "macOS", ...
    idle_seconds: int | None  # idle time before the screen blanks or the saver starts; 0 = never
    lock_enabled: bool | None  # does blanking / the saver lock the screen?
    lock_delay_seconds: int | None  # from blank to lock (0 = at once)
    lock_on_wake: bool | None  # is a password asked when waking from sleep?
    wake_grace_seconds: int | None  # grace after sleep/saver before the password is asked
    sources: tuple[str, ...] = ()  # what was read, for evidence
    # Which settings program changes it, naming the fix steps to show: "GNOME", "Cinnamon", "MATE", "KDE5",
    # "KDE6", "xfce4-screensaver", "light-locker", "Windows", "macOS".
    settings_app: str = ""
    notes: tuple[str, ...] = ()  # plain sentences on what could not be read, shown when a verdict is unknown


@dataclass(frozen=True)
class AutologinFacts:
    enabled: bool | None
    user: str | None = None  # the account that signs in by itself (never a password)
    where: tuple[str, ...] = ()  # the files or keys that turn it on
    checked: tuple[str, ...] = ()  # what was looked at


@dataclass(frozen=True)
class AccountPasswordFacts:
    has_password: bool | None
    method: str  # how we know, in plain words


@dataclass(frozen=True)
class DiskEncryptionFacts:
    encrypted: bool | None
    method: str = ""  # "LUKS", "ZFS native encryption", "BitLocker", "FileVault"
    device: str = ""  # what holds the system (e.g. "/dev/nvme0n1p3", "C:")
    in_progress: bool = False
    not_encrypted: tuple[str, ...] = ()  # the parts that are not, when only some are (e.g. "your home folder")
    # Turned on but not started yet: "restart" (starts at the next restart), "sign-in" (deferred: asks at the next
    # sign-out or sign-in), "power" (encryption waits for mains power). Empty when nothing is waiting.
    waiting_for: str = ""


@dataclass(frozen=True)
class RunningSocialApps:
    apps: tuple[str, ...]  # names from the profile, e.g. ("Discord", "WhatsApp"): never PIDs or command lines
    processes_seen: int = 0


@dataclass(frozen=True)
class SiteVisit:
    domain: str  # the profile's domain that matched, e.g. "facebook.com"
    count: int
    first: str  # local ISO time
    last: str
    browser: str


@dataclass(frozen=True)
class SiteVisitFacts:
    visits: tuple[SiteVisit, ...]
    browsers_read: tuple[str, ...] = ()
    unreadable: tuple[str, ...] = ()  # browsers whose history could not be read, with why


@dataclass(frozen=True)
class PasswordManagerFacts:
    found: tuple[str, ...]  # e.g. ("KeePassXC (Flatpak)", "Bitwarden (Firefox extension)")
    looked_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class BrowserPasswordFacts:
    unprotected: tuple[str, ...]  # e.g. "Firefox profile 'default-release': 12 saved logins, no primary password"
    protected: tuple[str, ...] = ()
    unreadable: tuple[str, ...] = ()
    browsers_seen: tuple[str, ...] = ()
    # Which kinds of browser need the candidate: "firefox" (no primary password), "chromium" (fixed-key store).
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class PasswordFileFacts:
    paths: tuple[str, ...]  # paths only: the files are never opened
    folders_scanned: tuple[str, ...] = ()
    not_read: tuple[str, ...] = ()  # "folder: why" for each folder not looked through in full
    not_read_fix_key: str = ""  # the fix that lets the app look (macOS: allow access to the folders)


@dataclass(frozen=True)
class CredentialStoreFacts:
    store: KeyringState
    plaintext_backend: str = ""  # Python's keyring set to a plain-text file by its own settings


@dataclass(frozen=True)
class Platform:
    os: str  # "linux" | "windows" | "darwin"
    desktop: str | None  # Linux desktop, or "Windows" / "macOS"
    desktop_raw: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FirewallFacts:
    """Is a firewall switched on? `enabled` None: nothing could be read that says."""

    enabled: bool | None
    product: str = ""  # what was found on: "ufw", "firewalld", "Windows Defender Firewall", a third-party name
    parts_off: tuple[str, ...] = ()  # what is off, in plain words, e.g. ("Public networks",) on Windows
    checked: tuple[str, ...] = ()  # what was looked at, e.g. "ufw: ENABLED=no in /etc/ufw/ufw.conf"
    notes: tuple[str, ...] = ()  # plain sentences on what could not be read


@dataclass(frozen=True)
class OsRelease:
    """Which operating system release this is, for the built-in support table and the profile's floor."""

    family: str  # "windows" | "darwin" | an os-release ID such as "debian", "ubuntu", "fedora"
    version: str  # "12", "24.04", "14.6.1", "10.0.26100"
    name: str  # shown to the candidate: "Debian GNU/Linux 12 (bookworm)", "Windows 11 24H2"
    support_end: str = ""  # ISO date where the OS itself says (os-release SUPPORT_END)
    rolling: bool = False  # a rolling release (Arch, Tumbleweed): always the current one
    like: tuple[str, ...] = ()  # os-release ID_LIKE, and UBUNTU_CODENAME's Ubuntu version for derivatives


@dataclass(frozen=True)
class UpdateFacts:
    """Automatic updates, the last update installed, and the OS release."""

    automatic: bool | None
    automatic_how: tuple[str, ...] = ()  # what turns them on, or what was seen off, in plain words
    last_update: str = ""  # ISO date of the last update installed ("" = not found)
    last_update_source: str = ""
    # True when the record read covers more than `max_days`: no update in it then means none in that time.
    history_covers_days: int | None = None
    os: OsRelease | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MalwareFacts:
    """Malware protection: on, with real-time scanning and fresh signatures where the OS has them."""

    protected: bool | None
    product: str = ""  # "Microsoft Defender Antivirus", "Gatekeeper and XProtect", "ClamAV", a third-party name
    problems: tuple[str, ...] = ()  # plain sentences on what is wrong
    signatures_age_days: int | None = None
    not_needed: bool = False  # Linux under the default profile: nothing to check
    checked: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
