#!/usr/bin/env python3
"""Write the table of checks in docs/ARCHITECTURE.md from the catalogue, so the document cannot drift.

python tools/check_table.py          rewrite the table between its two markers
python tools/check_table.py --check  exit 1 when the document differs (tests/unit/test_docs.py runs this)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.catalogue import CATALOGUE  # noqa: E402
from checks.profile import load_profile  # noqa: E402

DOC = ROOT / "docs" / "ARCHITECTURE.md"
START, END = "<!-- check table: start (tools/check_table.py) -->", "<!-- check table: end -->"


def table() -> str:
    profile = load_profile(None)
    rows = [
        "| id | clause | default | probe | passed / failed / can't tell |",
        "|---|---|---|---|---|",
    ]
    for check in CATALOGUE:
        conf = profile.checks[check.id]
        default = "off (opt-in)" if check.opt_in else (conf.severity.value if conf.enabled else "off")
        titles = f"{check.titles.passed} / {check.titles.failed} / {check.titles.unknown}"
        probe = f"`{check.probe.name}`" if check.probe else "-"
        rows.append(f"| `{check.id}` | {check.clause} | {default} | {probe} | {titles} |")
    return "\n".join(rows)


def rendered(text: str) -> str:
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    text = DOC.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"{DOC}: the markers {START!r} and {END!r} are missing", file=sys.stderr)
        return 2
    new = rendered(text)
    if "--check" in argv:
        if new != text:
            print(f"{DOC}: the table of checks is out of date; run python tools/check_table.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
