"""Saved browser passwords on macOS: Firefox profiles with saved logins and no primary password
(firefox_passwords.py, the same check as on Linux, given this OS's profile folders).

Chromium-family browsers have no "basic" store here: macOS keeps Chrome, Edge and Brave passwords locked in
the login Keychain, so only Firefox can leave saved passwords open to anyone who copies the profile folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import BrowserPasswordFacts, Read
from checks.readers.browser_profiles import shared_profiles
from checks.readers.darwin_browser_paths import all_profiles
from checks.readers.firefox_logins import firefox_only_facts

if TYPE_CHECKING:
    from checks.context import CheckContext

READS = (
    Read(
        "file",
        "logins.json in each Firefox profile under ~/Library/Application Support/Firefox",
        "how many passwords Firefox has saved (only the number)",
    ),
    Read(
        "database",
        "key4.db in each Firefox profile (the password-check entry only)",
        "whether a Firefox primary password protects saved passwords; no saved password is ever opened",
    ),
)


def read(ctx: CheckContext) -> BrowserPasswordFacts:
    return firefox_only_facts(ctx.system, shared_profiles(ctx, all_profiles))
