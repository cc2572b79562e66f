"""Files whose names look like password lists: a name classifier and a bounded folder walk, the same on
every OS (a probe supplies the folders). Files are never opened: only names are looked at.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from checks.readers.browser_profiles import join
from checks.system import ReadDenied, System

MAX_DEPTH = 3  # folders below each scanned folder
MAX_ENTRIES = 100_000  # names looked at in each top folder (listing 100,000 takes about 0.2 s)

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


def spellings(name: str) -> list[str]:
    """The name as the OS gave it, and as it reads when its bytes are taken as UTF-8, Windows-1252 or
    Latin-1: "Passwörter.txt" saved from a Latin-1 machine arrives on a UTF-8 one as undecodable bytes."""
    out = [name]
    if name.isascii():
        return out
    for source in ("utf-8", "latin-1"):
        try:
            raw = name.encode(source, "surrogateescape")
        except UnicodeEncodeError:
            continue
        for target in ("utf-8", "cp1252", "latin-1"):
            try:
                other = raw.decode(target)
            except UnicodeDecodeError:
                continue
            if other not in out:
                out.append(other)
    return out


def classify(name: str) -> NameVerdict:
    """Does this file name look like a list of passwords, in any of its spellings? Pure: never opened."""
    for spelling in spellings(name):
        verdict = _classify_one(spelling)
        if verdict.looks_like_list:
            return verdict
    return NameVerdict(False)


def _classify_one(name: str) -> NameVerdict:
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
    not_read: tuple[tuple[str, str], ...] = ()  # (folder, why): looked in only in part, or not at all

    @property
    def truncated(self) -> bool:
        return bool(self.not_read)


def scan(
    system: System, folders: Sequence[str], max_depth: int = MAX_DEPTH, max_entries: int = MAX_ENTRIES
) -> ScanResult:
    """Walk the folders (names only, breadth first, hidden folders and symlinked folders skipped), each
    top folder with its own budget of `max_entries` names, so a crowded Desktop never hides Documents.
    Every folder not read in full is named in `not_read`; what was found is still reported."""
    found: list[tuple[str, str]] = []
    not_read: list[tuple[str, str]] = []
    for top in folders:
        seen = 0
        queue: deque[tuple[str, int]] = deque([(top, 0)])
        while queue:
            folder, depth = queue.popleft()
            try:
                names = system.list_dir(folder)
            except ReadDenied:
                not_read.append((folder, "Device Check was not allowed to open it"))
                continue
            names = names or []
            if seen + len(names) > max_entries:
                not_read.append((top, f"it holds more than {max_entries:,} names, so not all were looked at"))
                names = names[: max(0, max_entries - seen)]
                queue.clear()
            seen += len(names)
            for name in names:
                if name.startswith("."):
                    continue
                path = join(system, folder, name)
                verdict = classify(name)
                ext = split_name(name)[1]
                if verdict.looks_like_list:
                    info = system.file_info(path)
                    if (info is not None and info.is_file) or (info is None and ext in PLAIN_EXPORT_EXTENSIONS):
                        found.append((path, verdict.why))
                    continue
                if depth < max_depth and ext not in DOCUMENT_EXTENSIONS and ext not in ENCRYPTED_DATABASES:
                    info = system.file_info(path)
                    if info is not None and info.is_dir and not info.is_link:  # a link may loop back up
                        queue.append((path, depth + 1))
    return ScanResult(tuple(found), tuple(not_read))
