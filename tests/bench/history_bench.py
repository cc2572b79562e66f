#!/usr/bin/env python3
"""How long social-sites takes on a large browser history: prints figures, asserts nothing.

    python tests/bench/history_bench.py [--visits N] [--domains 50,200,500,30000]

Builds a Chromium History file (tests/fixtures/chromium_history_schema.sql: Chromium's tables and its
indexes, visits_time_index among them) holding N visits (default 1,000,000) to 20,000 pages on 3,005 hosts,
spread over 90 days, then times history.read_visits for one day's school hours through LiveSystem, as the
check runs it, with the profile's social domains padded to each domain count with other real-looking domains
(some of them visited).
"""

from __future__ import annotations

import argparse
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
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
NAMED_HOSTS = ["www.facebook.com", "news.example.org", "mail.example.com", "www.bbc.co.uk", "m.reddit.com"]


def build(path: Path, visits: int, now: datetime = NOW) -> None:
    db = sqlite3.connect(path)
    db.executescript((ROOT / "tests/fixtures/chromium_history_schema.sql").read_text())
    hosts = NAMED_HOSTS + [f"www.host{k}.example" for k in range(3000)]
    urls = [(i, f"https://{hosts[i % len(hosts)]}/page/{i}?q={i % 7}", 0) for i in range(1, 20001)]
    db.executemany("INSERT INTO urls(id, url, last_visit_time) VALUES (?, ?, ?)", urls)
    start = now - timedelta(days=90)
    step = (now - start).total_seconds() / visits
    db.executemany(
        "INSERT INTO visits(url, visit_time) VALUES (?, ?)",
        ((1 + i % 20000, int(((start.timestamp() + i * step) + OFFSET) * 1e6)) for i in range(visits)),
    )
    db.commit()
    db.close()


def domains_for(count: int) -> list[str]:
    """The profile's social domains, padded with hostN.example (every tenth of them visited in the history)."""
    social = sorted({d for app in load_profile().social_apps for d in app.domains})
    extra = [f"host{k * 10}.example" if k % 10 == 0 else f"unvisited{k}.example" for k in range(count)]
    return (social + extra)[:count] if count >= len(social) else social[:count]


def time_read(folder: Path, domains: list[str], runs: int) -> tuple[list[float], int]:
    profile = BrowserProfile("Chrome", "chromium", "Default", str(folder))
    times, matched = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        facts = read_visits(LiveSystem(), [profile], domains, NOW.replace(hour=8), NOW.replace(hour=16))
        times.append(time.perf_counter() - t0)
        matched = len(facts.visits)
    return times, matched


def measure(visits: int, counts: list[int], runs: int) -> list[tuple[int, float, float, int]]:
    """(domain count, best s, worst s, domains matched) for each count, on one built History."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "Default"
        folder.mkdir()
        build(folder / "History", visits)
        return [(n, min(t), max(t), m) for n in counts for t, m in [time_read(folder, domains_for(n), runs)]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--domains", default="50,200,500,30000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    counts = [int(c) for c in args.domains.split(",")]
    t0 = time.perf_counter()
    figures = measure(args.visits, counts, args.runs)
    print(f"history: {args.visits} visits (built and measured in {time.perf_counter() - t0:.1f} s)")
    for n, best, worst, matched in figures:
        print(f"read_visits, {n} domains: best {best * 1000:.0f} ms, worst {worst * 1000:.0f} ms, {matched} matched")


if __name__ == "__main__":
    main()
