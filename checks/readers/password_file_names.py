"""Files whose names look like password lists: a name classifier and a bounded folder walk, the same on
every OS (a probe supplies the folders). Files are never opened: only names are looked at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from checks.readers.browser_profiles import join
from checks.system import ReadDenied, System

MAX_DEPTH = 3  # folders below each scanned folder
MAX_ENTRIES = 5000  # names looked at in all, so a huge Documents folder cannot stall the check

DOCUMENT_EXTENSIONS = frozenset(
    {
        "txt",
        "text",
        "csv",
        "tsv",
        "xlsx",
        "xlsm",
        "xls",
        "docx",
        "doc",
        "odt",
        "ods",
        "rtf",
        "md",
        "json",
        "numbers",
        "pages",
    }
)
# Encrypted password-manager databases: keeping these is exactly what the policy asks for.
ENCRYPTED_DATABASES = frozenset({"kdbx", "kdb", "psafe3", "agilekeychain", "opvault"})
# Password-manager exports that hold every password in plain text. 1Password calls .1pux its "Unencrypted
# Export" and .1pif is plain text; Bitwarden's default export (bitwarden_export_<time>.json or .csv) is plain
# JSON/CSV unless "encrypted" was chosen, which we cannot tell without opening it: we never open files, so it
# is reported, with a sentence saying an encrypted export can be ignored.
PLAIN_EXPORT_EXTENSIONS = frozenset({"1pux", "1pif"})
EXPORT_NAME = re.compile(r"^bitwarden_(encrypted_)?export_\d*", re.IGNORECASE)

# Long words that mean "password(s)" wherever they appear in a name (MyPasswords, passwordlist) ...
ANYWHERE = re.compile(
    r"passw(or|ö|oe)r?d|passw(ö|oe)rter|passwort|kennw(o|ö|oe)rt|wachtwoord|"
    r"motsdepasse|motdepasse|mots?[ _.-]de[ _.-]passe|"
    r"contrase(ñ|n)a|senhas?|has(ł|l)o|credentials|salasana|adgangskode|lösenord|losenord",
    re.IGNORECASE,
)
# ... and short ones that count only as a word of their own ("pw.txt", "my-pwd.csv"; not "pwa-notes.txt").
WORDS = frozenset({"pw", "pwd", "pwds", "pws", "logins", "creds"})
WORD_SPLIT = re.compile(r"[^0-9a-zA-ZÀ-ÿ]+|(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class NameVerdict:
    looks_like_list: bool
    why: str = ""  # "password list" | "password manager export"


def split_name(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    return (stem, ext.lower()) if dot and stem else (name, "")


def classify(name: str) -> NameVerdict:
    """Does this file name look like a list of passwords? Pure: the file is never opened."""
    stem, ext = split_name(unicodedata.normalize("NFC", name))  # macOS may hand names over decomposed
    if ext in ENCRYPTED_DATABASES:
        return NameVerdict(False)
    if ext in PLAIN_EXPORT_EXTENSIONS or (EXPORT_NAME.match(stem) and ext in {"json", "csv"}):
        return NameVerdict(True, "password manager export")
    if ext not in DOCUMENT_EXTENSIONS:
        return NameVerdict(False)
    words = {w.lower() for w in WORD_SPLIT.split(stem) if w}
    if ANYWHERE.search(stem) or words & WORDS:
        return NameVerdict(True, "password list")
    return NameVerdict(False)


@dataclass(frozen=True)
class ScanResult:
    found: tuple[tuple[str, str], ...]  # (path, why)
    truncated: bool


def scan(
    system: System, folders: Sequence[str], max_depth: int = MAX_DEPTH, max_entries: int = MAX_ENTRIES
) -> ScanResult:
    """Walk the folders (names only, breadth first, hidden folders skipped) up to the bounds."""
    found: list[tuple[str, str]] = []
    seen = 0
    queue: list[tuple[str, int]] = [(f, 0) for f in folders]
    while queue:
        folder, depth = queue.pop(0)
        try:
            names = system.list_dir(folder)
        except ReadDenied:
            continue
        for name in names or []:
            seen += 1
            if seen > max_entries:
                return ScanResult(tuple(found), True)
            if name.startswith("."):
                continue
            path = join(system, folder, name)
            verdict = classify(name)
            if verdict.looks_like_list:
                info = system.file_info(path)
                if info is not None and not info.is_dir or split_name(name)[1] in PLAIN_EXPORT_EXTENSIONS:
                    found.append((path, verdict.why))
                continue
            ext = split_name(name)[1]
            if depth < max_depth and ext not in DOCUMENT_EXTENSIONS and ext not in ENCRYPTED_DATABASES:
                queue.append((path, depth + 1))  # list_dir on a file just answers None
    return ScanResult(tuple(found), False)
