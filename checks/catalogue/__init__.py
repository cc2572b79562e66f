"""The catalogue: every check Device Check runs, in the order the checklist shows them.

Each check is declared once, in its own module beside this one (id, clause, outcome titles, judge, fix
steps). Adding a check is one module and one line here; the profile's check ids, the window, the reports
and "What this app reads" all follow from this list.
"""

from __future__ import annotations

from checks.catalogue import (
    account_password,
    autologin,
    browser_passwords,
    credential_store,
    disk_encryption,
    firewall,
    lock_on_wake,
    malware_protection,
    os_updates,
    password_manager,
    plaintext_passwords,
    screen_lock,
    social_apps,
    social_sites,
)
from checks.check import Check

CATALOGUE: tuple[Check, ...] = (
    account_password.CHECK,
    autologin.CHECK,
    screen_lock.CHECK,
    lock_on_wake.CHECK,
    disk_encryption.CHECK,
    firewall.CHECK,
    os_updates.CHECK,
    malware_protection.CHECK,
    social_apps.CHECK,
    social_sites.CHECK,
    credential_store.CHECK,
    password_manager.CHECK,
    browser_passwords.CHECK,
    plaintext_passwords.CHECK,
)
CHECK_IDS: tuple[str, ...] = tuple(check.id for check in CATALOGUE)


def by_id(check_id: str, checks: tuple[Check, ...] = CATALOGUE) -> Check:
    for check in checks:
        if check.id == check_id:
            return check
    raise KeyError(check_id)
