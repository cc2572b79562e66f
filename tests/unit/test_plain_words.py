"""Words a teacher uses: every fix step in the catalogue, for every system and desktop, is free of commands,
package names, file paths and environment variables (those go under "For an IT helper"); a fix that means
reinstalling or wiping says to talk to the consultant first; steps name only the system they are keyed for;
and the candidate reads "sign in", never "log in"."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from checks.catalogue import CATALOGUE
from checks.check import Check
from checks.model import SEE_IT_HELPER, TALK_TO_CONSULTANT, Fix

ROOT = Path(__file__).resolve().parents[2]

# What belongs to an IT helper, never to the candidate's own steps.
TECHNICAL = {
    "a command": re.compile(
        r"\b(sudo|apt|apt-get|dpkg|dnf|yum|pacman|pip|snap install|flatpak|systemctl|netplwiz|ufw|gufw|"
        r"powershell|regedit|reg add|defaults write|chmod|chown|dpkg-reconfigure|kcmshell\d?)\b",
        re.IGNORECASE,
    ),
    "a command-line option": re.compile(r"(^|[\s\"'(])--?[a-z][a-z-]*(=|\b)"),
    "a package name": re.compile(
        r"\b(gnome-keyring|seahorse|kwalletmanager|keyrings\.alt|clamav-\w+|firewalld|unattended-upgrades|"
        r"xfce4-[\w-]+|light-locker|gnome-software|python3-[\w.-]+)\b",
        re.IGNORECASE,
    ),
    "a file name": re.compile(r"\b[\w-]+\.(cfg|conf|ini|json|plist|db|sqlite|exe|sh|py|toml)\b", re.IGNORECASE),
    "a file path": re.compile(r"(^|[\s(\"'])(/[\w.-]+|~/|~\\|[A-Za-z]:\\|\\\\)"),
    "an environment variable": re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|%[A-Z_]+%|\$[A-Z_]{2,}"),
    "code": re.compile(r"`"),
}
REINSTALL = re.compile(r"\b(re-?install|install \w+ again|wipe|wipes|erase|factory reset|reset this pc|format)", re.I)
LOG_IN = re.compile(r"(?<![.\w])log ?(in|on|out)\b|\blogins?\b|\blogged (in|on|out)\b", re.IGNORECASE)
# Names on screen or on disk that the candidate may meet as they are (in quotes they are skipped anyway).
PROPER_NAMES = ("logins.json", "Login Data", "Login Items", "loginwindow", "login.keychain")

# Words that name one system, or one desktop: a fix keyed for another must not use them.
SYSTEM_WORDS = {
    "linux": ("Linux", "GNOME", "KDE", "KWallet", "Passwords and Keys", "Seahorse", "software centre", "Discover"),
    "windows": ("Windows", "BitLocker", "Control Panel", "Microsoft account", "Credential Manager"),
    "darwin": ("Mac", "Apple menu", "Keychain", "FileVault", "XProtect", "iCloud"),
}
DESKTOP_WORDS = {
    "GNOME": ("GNOME", "Passwords and Keys", "Seahorse"),
    "KDE": ("KDE", "KWallet", "Discover", "SDDM"),
}


def all_fixes() -> list[tuple[Check, str, Fix]]:
    return [(check, key, fix) for check in CATALOGUE for key, fix in check.fixes.items()]


FIX_IDS = [f"{check.id}:{key}" for check, key, _ in all_fixes()]


def technical_parts(text: str) -> list[str]:
    """What in `text` belongs to an IT helper: [] when it is plain words."""
    return [f"{what} ({m.group(0).strip()!r})" for what, pattern in TECHNICAL.items() for m in pattern.finditer(text)]


def unquoted(text: str) -> str:
    """The text without what it quotes: a label on screen ('Automatically log in as') is named as it is shown."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”", "", text)
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    return text


# ---- the scanners themselves find what they are for (a test of a test that could pass on anything) ----
@pytest.mark.parametrize(
    "bad",
    [
        "On Ubuntu or Debian: sudo apt install gnome-keyring",
        "remove a keyringrc.cfg file in ~/.config/python_keyring",
        "or a PYTHON_KEYRING_BACKEND setting",
        "Press the Windows key and R together, type netplwiz and press Enter.",
        'remove "--password-store=basic" from the file',
        "delete C:\\Users\\me\\notes.txt",
        "open /etc/gdm3/custom.conf",
        "install 'clamav-daemon' and 'clamav-freshclam'",
        "look in %APPDATA% for it",
    ],
)
def test_the_scan_finds_technical_words(bad: str) -> None:
    assert technical_parts(bad)


@pytest.mark.parametrize(
    "plain",
    [
        "Press 'Turn on BitLocker' for the C: drive.",
        "Open Settings, then Privacy & security, then Device encryption, and turn it on.",
        "Set Blank Screen Delay to 5 minutes or less.",
        "Turn on 'Lock screen automatically' and set it to 5 minutes or less.",
        "Sign out and sign back in, so the password store starts.",
    ],
)
def test_the_scan_leaves_plain_words_alone(plain: str) -> None:
    assert technical_parts(plain) == []


def test_the_scan_finds_log_in_but_not_a_quoted_label() -> None:
    assert LOG_IN.search(unquoted("Restart the Mac and log in again."))
    assert LOG_IN.search(unquoted("Start Device Check when I login"))
    assert not LOG_IN.search(unquoted("Set 'Automatically log in as' to 'Off'."))


# ---- the catalogue ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("check", "key", "fix"), all_fixes(), ids=FIX_IDS)
def test_candidate_steps_are_plain_words(check: Check, key: str, fix: Fix) -> None:
    assert fix.steps, f"{check.id} {key}: a fix with no steps"
    found = {step: technical_parts(step) for step in fix.steps if technical_parts(step)}
    assert not found, f"{check.id} {key}: move these to it_helper: {found}"


@pytest.mark.parametrize(("check", "key", "fix"), all_fixes(), ids=FIX_IDS)
def test_a_pointer_to_the_it_helper_part_has_something_there(check: Check, key: str, fix: Fix) -> None:
    if any(SEE_IT_HELPER in step for step in fix.steps):
        assert fix.it_helper, f"{check.id} {key}: the steps point at an empty IT-helper part"


@pytest.mark.parametrize(("check", "key", "fix"), all_fixes(), ids=FIX_IDS)
def test_reinstalling_or_wiping_says_talk_to_your_consultant_first(check: Check, key: str, fix: Fix) -> None:
    if any(REINSTALL.search(step) for step in fix.steps):
        assert any(TALK_TO_CONSULTANT in step for step in fix.steps), f"{check.id} {key}: {fix.steps}"


@pytest.mark.parametrize(("check", "key", "fix"), all_fixes(), ids=FIX_IDS)
def test_steps_name_only_the_system_and_desktop_they_are_for(check: Check, key: str, fix: Fix) -> None:
    os_name, _, rest = key.partition("/")
    text = " ".join(fix.steps)
    if os_name in SYSTEM_WORDS:
        for other, words in SYSTEM_WORDS.items():
            if other != os_name:
                named = [w for w in words if re.search(rf"\b{re.escape(w)}\b", text)]
                assert not named, f"{check.id} {key}: names {other} ({named}): {text}"
    else:  # a fix for any system names none of them
        named = [w for words in SYSTEM_WORDS.values() for w in words if re.search(rf"\b{re.escape(w)}\b", text)]
        assert not named, f"{check.id} {key}: a fix for every system names {named}; key it by system"
    desktop = next((d for d in DESKTOP_WORDS if rest.startswith(d)), None)
    if desktop:
        for other, words in DESKTOP_WORDS.items():
            if other != desktop:
                named = [w for w in words if re.search(rf"\b{re.escape(w)}\b", text)]
                assert not named, f"{check.id} {key}: names {other} ({named}): {text}"


def test_the_credential_store_tells_each_system_its_own_app() -> None:
    """The case that was seen: a Linux user was told to open Keychain Access."""
    from checks.catalogue.credential_store import CHECK
    from checks.facts import Platform

    def steps(os_name: str, desktop: str | None, key: str) -> str:
        fix = CHECK.fix_for(Platform(os_name, desktop), key)
        assert fix is not None
        return " ".join(fix.steps)

    assert "Keychain" not in steps("linux", "GNOME", "locked")
    assert "Passwords and Keys" in steps("linux", "GNOME", "locked")
    assert "KWallet" in steps("linux", "KDE", "locked") and "Passwords and Keys" not in steps("linux", "KDE", "locked")
    assert "Keychain Access" in steps("darwin", "macOS", "locked") and "Linux" not in steps("darwin", "macOS", "locked")


def test_titles_are_plain_words_and_say_sign_in() -> None:
    for check in CATALOGUE:
        for title in (check.titles.name, check.titles.passed, check.titles.failed, check.titles.unknown):
            assert technical_parts(title) == [], (check.id, title)
            assert not LOG_IN.search(unquoted(title)), (check.id, title)


# ---- "sign in", one term, in every sentence a candidate may read ------------------------------------
def candidate_strings(folder: Path) -> list[tuple[str, int, str]]:
    """String constants in the code (docstrings left out: they are for programmers)."""
    found = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if " " in node.value.strip():  # a sentence, not a key, a file name or an SQL column
                    found.append((str(path.relative_to(ROOT)), node.lineno, node.value))
    return found


@pytest.mark.parametrize("folder", ["checks/catalogue", "checks/probes", "desktop", "checks"])
def test_sentences_say_sign_in_never_log_in(folder: str) -> None:
    bad = [
        f"{where}:{line}: {text[:100]!r}"
        for where, line, text in candidate_strings(ROOT / folder)
        if LOG_IN.search(unquoted(text)) and not text.lstrip().upper().startswith("SELECT")
    ]
    assert not bad, "say 'sign in':\n" + "\n".join(bad)


@pytest.mark.parametrize("path", ["resources/policy", "resources/profiles"])
def test_resources_say_sign_in_never_log_in(path: str) -> None:
    for file in sorted((ROOT / path).iterdir()):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.lstrip().startswith("#"):  # comments in a profile are for the agency's IT person
                assert not LOG_IN.search(unquoted(line)), f"{file.name}:{number}: {line}"
