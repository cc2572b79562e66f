"""The Windows and macOS folder and history readers on real files: Safari's query against a real SQLite
database with Safari's schema (plaso's Safari parser, archiveteam "History.db"), and Windows' shell-folder
paths as the registry stores them (REG_EXPAND_SZ, unexpanded)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest

from checks.live import LiveSystem
from checks.probes.darwin_social_sites import COCOA_EPOCH, SAFARI_SQL
from checks.probes.windows_plaintext_passwords import expand
from checks.readers.browser_history import minimal_domains


def cocoa(hour: int, minute: int) -> float:
    return datetime(2026, 11, 25, hour, minute, tzinfo=UTC).timestamp() - COCOA_EPOCH


@pytest.fixture
def safari_db(tmp_path):
    path = tmp_path / "History.db"
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE history_items (id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE,
            domain_expansion TEXT NULL, visit_count INTEGER NOT NULL);
        CREATE TABLE history_visits (id INTEGER PRIMARY KEY AUTOINCREMENT, history_item INTEGER NOT NULL
            REFERENCES history_items(id) ON DELETE CASCADE, visit_time REAL NOT NULL, title TEXT NULL);
    """)
    items = {
        1: "https://www.instagram.com/explore/",
        2: "https://m.facebook.com:443/groups/x",
        3: "https://notfacebook.com/",
        4: "https://www.bbc.co.uk/news",
        5: "http://instagram.com/",
        6: "file:///Users/sam/facebook.com",
    }
    conn.executemany("INSERT INTO history_items (id, url, visit_count) VALUES (?, ?, 1)", items.items())
    visits = [
        (1, cocoa(9, 5)),
        (1, cocoa(9, 55)),
        (5, cocoa(10, 1)),  # instagram: 3 in school hours
        (1, cocoa(7, 30)),
        (1, cocoa(17, 0)),  # before and after: not counted
        (2, cocoa(12, 15)),  # facebook subdomain with a port
        (3, cocoa(12, 20)),
        (4, cocoa(12, 30)),
        (6, cocoa(12, 40)),  # look-alikes and other sites
    ]
    conn.executemany("INSERT INTO history_visits (history_item, visit_time) VALUES (?, ?)", visits)
    conn.commit()
    conn.close()
    return str(path)


def test_safari_visits_are_counted_per_domain_inside_the_window_only(safari_db):
    domains = minimal_domains(["instagram.com", "facebook.com", "fb.com", "www.facebook.com"])
    start = datetime(2026, 11, 25, 8, 0, tzinfo=UTC).timestamp() - COCOA_EPOCH
    end = datetime(2026, 11, 25, 16, 0, tzinfo=UTC).timestamp() - COCOA_EPOCH
    rows = LiveSystem().sqlite_query(safari_db, SAFARI_SQL, [start, end, json.dumps(domains)])
    got = {domain: (count, first, last) for domain, count, first, last in rows or []}
    assert set(got) == {"facebook.com", "instagram.com"}
    assert got["instagram.com"] == (3, cocoa(9, 5), cocoa(10, 1))
    assert got["facebook.com"][0] == 1


def test_shell_folder_paths_expand_from_the_environment():
    env = {"USERPROFILE": "C:\\Users\\sam", "ONEDRIVE": "C:\\Users\\sam\\OneDrive"}
    assert expand("%USERPROFILE%\\OneDrive\\Desktop", env) == "C:\\Users\\sam\\OneDrive\\Desktop"
    assert expand("%OneDrive%\\Documents", env) == "C:\\Users\\sam\\OneDrive\\Documents"
    assert expand("%NOSUCH%\\Desktop", env) is None
    assert expand("D:\\Desktop", env) == "D:\\Desktop"
