"""apt's configuration, read as apt reads it (apt.conf(5)), and apt's history log.

Configuration: the files in /etc/apt/apt.conf.d in ascending order of name, then /etc/apt/apt.conf; a later
value for the same option wins. A part's name must be letters, digits, `-`, `_` and `.` only and end in no
extension or `.conf`, or apt skips it (so `20auto-upgrades.dpkg-old` counts for nothing). Syntax: `A::B "v";`
or the nested `A { B "v"; };`, comments `//`, `/* */` and `#`, and the directive `#clear A::B;`.

History: /var/log/apt/history.log holds one block per apt run, `Start-Date: 2024-07-02  06:18:59` (two
spaces) ... `Upgrade: pkg:arch (old, new), ...` ... `End-Date: ...`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

PARTS_DIR = "/etc/apt/apt.conf.d"
MAIN_FILE = "/etc/apt/apt.conf"
_PART_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{};]|[^\s{};"]+')


def is_part_name(name: str) -> bool:
    if not _PART_NAME.fullmatch(name):
        return False
    stem, dot, ext = name.rpartition(".")
    return not dot or not stem or ext == "conf"


def _strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.DOTALL)
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#clear"):
            out.append(stripped)
            continue
        if stripped.startswith("#"):
            continue
        # `//` starts a comment outside quotes only.
        kept, in_quote = [], False
        for i, char in enumerate(line):
            if char == '"':
                in_quote = not in_quote
            if not in_quote and line.startswith("//", i):
                break
            kept.append(char)
        out.append("".join(kept))
    return "\n".join(out)


def parse_apt_conf(text: str, into: dict[str, str] | None = None) -> dict[str, str]:
    """Options set in one apt.conf file, keys lower-cased (apt ignores case), applied over `into`."""
    values = dict(into or {})
    scope: list[str] = []
    pending: list[str] = []
    for line in _strip_comments(text).splitlines():
        if line.startswith("#clear"):
            target = line[len("#clear") :].strip().rstrip(";").strip().lower()
            for key in [k for k in values if k == target or k.startswith(target + "::")]:
                del values[key]
            continue
        for token in _TOKEN.findall(line):
            if token == "{":
                if pending:
                    scope.append("::".join(pending))
                pending = []
            elif token == "}":
                if scope:
                    scope.pop()
                pending = []
            elif token == ";":
                pending = []
            elif token.startswith('"') and pending:
                key = "::".join([*scope, *pending]).lower()
                values[key] = token[1:-1]
                pending = []
            elif not token.startswith('"'):
                pending.append(token)
    return values


def periodic_days(value: str | None) -> int | None:
    """An APT::Periodic interval: "1" = every day, "0" = never; "always" counts as every run."""
    if value is None:
        return None
    text = value.strip().lower()
    if text == "always":
        return 1
    if text.isascii() and text.isdigit():
        return int(text)
    return None


@dataclass(frozen=True)
class AptHistory:
    last_upgrade: date | None  # the day the last run that upgraded packages ended
    first_entry: date | None  # the oldest run in this log: how far back it reaches


_DATE = re.compile(r"^(Start|End)-Date:\s*(\d{4}-\d{2}-\d{2})\s")


def parse_history(text: str) -> AptHistory:
    last: date | None = None
    first: date | None = None
    start: date | None = None
    upgraded = False
    for line in text.splitlines():
        match = _DATE.match(line + " ")
        if match:
            try:
                day = date.fromisoformat(match.group(2))
            except ValueError:
                continue
            if match.group(1) == "Start":
                start, upgraded = day, False
                first = first or day
            elif upgraded:
                last = max(last, day) if last else day
            continue
        if line.startswith("Upgrade:") and start is not None:
            upgraded = True
    return AptHistory(last, first)
