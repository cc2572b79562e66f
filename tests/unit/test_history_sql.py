"""The history SQL's host matching agrees with Python's own URL parsing, on generated URLs in a real
Chromium-schema database and a real Firefox-schema database."""

import sqlite3
from datetime import UTC, datetime
from urllib.parse import urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.live import LiveSystem
from checks.readers.browser_history import minimal_domains, read_visits
from checks.readers.browser_profiles import BrowserProfile
from checks.readers.social_app_match import domain_matches
from tests.conftest import FIXTURES

DOMAINS = ["facebook.com", "x.com", "t.me"]
label = st.sampled_from(["www", "m", "web", "notfacebook", "facebook", "x", "ax", "t", "me", "com", "co", "evil"])
hosts = st.lists(label, min_size=1, max_size=4).map(".".join)
paths = st.sampled_from(["", "/", "/a", "/facebook.com/", "?q=x.com", "#x.com", ":8080/", ":443/p", "/@facebook.com"])
prefixes = st.sampled_from(["", "user@", "facebook.com@"])
WHEN = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def expected(urls, domains=DOMAINS):
    counts = {}
    for url in urls:
        host = urlsplit(url).hostname or ""
        for d in domains:
            if domain_matches(host, d):
                counts[d] = counts.get(d, 0) + 1
    return counts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["http", "https"]), prefixes, hosts, paths), min_size=1, max_size=8))
def test_sql_host_matching_agrees_with_python(tmp_path, parts):
    urls = [f"{scheme}://{user}{host}{path}" for scheme, user, host, path in parts]
    check_urls(tmp_path, urls)


def test_awkward_urls(tmp_path):
    check_urls(
        tmp_path,
        [
            "https://x.com?q=1",
            "https://facebook.com@evil.com/",
            "https://user@m.facebook.com:8443/x",
            "https://t.me#frag",
            "https://notx.com/x.com",
            "http://facebook.com.evil.org/",
        ],
    )


def check_urls(tmp_path, urls, domains=DOMAINS):
    folder = tmp_path / f"p{abs(hash(tuple(urls)))}"
    folder.mkdir()
    chrome, firefox = folder / "History", folder / "places.sqlite"
    t = int(WHEN.timestamp() * 1_000_000)
    db = sqlite3.connect(chrome)
    db.executescript((FIXTURES / "chromium_history_schema.sql").read_text())
    db2 = sqlite3.connect(firefox)
    db2.executescript((FIXTURES / "firefox_places_schema.sql").read_text())
    for i, url in enumerate(urls, start=1):
        db.execute("INSERT INTO urls(id, url, last_visit_time) VALUES (?, ?, 0)", (i, url))
        db.execute("INSERT INTO visits(url, visit_time) VALUES (?, ?)", (i, t + 11_644_473_600_000_000))
        host = urlsplit(url).hostname or ""
        db2.execute("INSERT INTO moz_places(id, url, rev_host) VALUES (?, ?, ?)", (i, url, host[::-1] + "."))
        db2.execute("INSERT INTO moz_historyvisits(place_id, visit_date) VALUES (?, ?)", (i, t))
    db.commit()
    db2.commit()
    db.close()
    db2.close()
    start, end = WHEN.replace(hour=8), WHEN.replace(hour=16)
    for family in ("chromium", "firefox"):
        facts = read_visits(LiveSystem(), [BrowserProfile("B", family, "p", str(folder))], domains, start, end)
        assert {v.domain: v.count for v in facts.visits} == expected(urls, domains), (family, urls)


def test_minimal_domains_drops_covered_subdomains():
    assert minimal_domains(["web.whatsapp.com", "WhatsApp.com.", "x.com", "t.me", "x.com"]) == [
        "t.me",
        "whatsapp.com",
        "x.com",
    ]


def test_thirty_thousand_domains_match_as_the_few_do(tmp_path):
    # One pass however long the list: the profile's own domains among 30,000 others give the same counts.
    urls = [
        "https://m.facebook.com/x",
        "https://www.x.com/",
        "https://t.me/a",
        "https://host20.example/",
        "https://a.b/",
    ]
    many = DOMAINS + [f"host{k}.example" for k in range(30_000)]
    check_urls(tmp_path, urls, many)
