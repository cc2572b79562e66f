#!/usr/bin/env python3
"""How long social-sites takes on a large browser history: prints figures, asserts nothing.

    python tests/bench/history_bench.py [VISITS]

Builds a Chromium History file (the schema in tests/fixtures/chromium_history_schema.sql, with Chromium's
visits_time_index) holding VISITS visits spread over 90 days, then times history.read_visits for today's
school hours through LiveSystem, as the check runs it.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checks.live import LiveSystem  # noqa: E402
from checks.profile import load_profile  # noqa: E402
from checks.readers.browser_history import read_visits  # noqa: E402
from checks.readers.browser_profiles import BrowserProfile  # noqa: E402

OFFSET = 11_644_473_600


def build(path: Path, visits: int, now: datetime) -> None:
    db = sqlite3.connect(path)
    db.executescript((ROOT / "tests/fixtures/chromium_history_schema.sql").read_text())
    db.execute("CREATE INDEX visits_time_index ON visits (visit_time)")  # Chromium's own index
    hosts = ["www.facebook.com", "news.example.org", "mail.example.com", "www.bbc.co.uk", "m.reddit.com"]
    urls = [(i, f"https://{hosts[i % len(hosts)]}/page/{i}", 0) for i in range(1, 20001)]
    db.executemany("INSERT INTO urls(id, url, last_visit_time) VALUES (?, ?, ?)", urls)
    start = now - timedelta(days=90)
    step = (now - start).total_seconds() / visits
    db.executemany(
        "INSERT INTO visits(url, visit_time) VALUES (?, ?)",
        ((1 + i % 20000, int(((start.timestamp() + i * step) + OFFSET) * 1e6)) for i in range(visits)),
    )
    db.commit()
    db.close()


def main() -> None:
    visits = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    now = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
    domains = [d for app in load_profile().social_apps for d in app.domains]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "Default"
        folder.mkdir()
        t0 = time.perf_counter()
        build(folder / "History", visits, now)
        built = time.perf_counter() - t0
        profile = BrowserProfile("Chrome", "chromium", "Default", str(folder))
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            facts = read_visits(LiveSystem(), [profile], domains, now.replace(hour=8), now.replace(hour=16))
            runs.append(time.perf_counter() - t0)
        size = (folder / "History").stat().st_size / 1e6
    print(f"history: {visits} visits, {size:.1f} MB (built in {built:.1f} s)")
    print(
        f"read_visits, today's school hours: best {min(runs) * 1000:.1f} ms, worst {max(runs) * 1000:.1f} ms (5 runs)"
    )
    print("matched:", ", ".join(f"{v.domain} x{v.count}" for v in facts.visits) or "none")


if __name__ == "__main__":
    main()
