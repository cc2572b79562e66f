"""One problem is said once a day: an open social app has its own "<app> is open" notice from the scan, so the
daily check's "things to fix" notice leaves it out (and, with nothing else new to fix, is not sent at all)."""

from __future__ import annotations

from datetime import datetime

from checks.model import CheckResult, Severity, Status
from desktop.monitor import SAID_BY_THE_SCAN


def test_the_daily_list_leaves_social_apps_to_the_scan(tmp_path, qapp):
    from checks.profile import load_profile
    from checks.settings import SettingsStore
    from desktop.monitor import Monitor, NotifyMemory
    from desktop.notify import Notifier

    class Sent(Notifier):
        def __init__(self):
            super().__init__()
            self.sent_titles: list[tuple[str, str, str]] = []

        def notify(self, key, title, body, actions=None):
            self.sent_titles.append((key, title, body))
            return True

    notifier = Sent()
    store = SettingsStore(tmp_path)
    monitor = Monitor(
        None, load_profile(), store, notifier, NotifyMemory.load(tmp_path / "monitor.json"), clock=datetime.now
    )
    now = datetime(2026, 11, 25, 10, 0).astimezone()

    def result(cid: str) -> CheckResult:
        return CheckResult(cid, Status.FAIL, Severity.REQUIRED, 1, f"title of {cid}", "d")

    monitor._notify_failures(([result("social-apps")], now))
    assert notifier.sent_titles == []  # the scan already said it
    monitor._notify_failures(([result("social-apps"), result("screen-lock")], now))
    assert len(notifier.sent_titles) == 1
    _key, title, body = notifier.sent_titles[0]
    assert title == "Device Check: 2 things to fix"  # the count is every check to fix, as the window says
    assert "title of screen-lock" in body and "title of social-apps" not in body
    assert "social-apps" in SAID_BY_THE_SCAN
