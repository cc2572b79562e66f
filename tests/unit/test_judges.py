"""Every judge, straight from its facts: a table of facts -> status and the words a candidate reads.

Probes are tested on recorded output beside their own modules; here the judges alone, so a change in a
sentence or a limit shows up as one failing row."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from checks.catalogue import CATALOGUE, CHECK_IDS
from checks.catalogue.account_password import judge_account_password
from checks.catalogue.autologin import judge_autologin
from checks.catalogue.browser_passwords import judge_browser_passwords
from checks.catalogue.credential_store import judge_credential_store
from checks.catalogue.disk_encryption import judge_disk_encryption
from checks.catalogue.lock_on_wake import judge_lock_on_wake
from checks.catalogue.password_manager import judge_password_manager
from checks.catalogue.plaintext_passwords import judge_plaintext_passwords
from checks.catalogue.screen_lock import judge_screen_lock, say_duration
from checks.check import fix_for
from checks.context import CheckContext
from checks.facts import (
    AccountPasswordFacts,
    AutologinFacts,
    BrowserPasswordFacts,
    CredentialStoreFacts,
    DiskEncryptionFacts,
    LockFacts,
    PasswordFileFacts,
    PasswordManagerFacts,
    Platform,
    RunningSocialApps,
)
from checks.model import Fix, Status
from checks.profile import load_profile
from checks.settings import UserSettings
from checks.snapshot import ReplaySystem
from checks.system import KeyringState


def lock(idle=300, enabled=True, delay=0, wake=True, grace=0, app="GNOME", notes=()):
    return LockFacts("GNOME", idle, enabled, delay, wake, grace, ("gsettings",), app, notes)


@pytest.mark.parametrize(
    ("facts", "limit_minutes", "status", "words"),
    [
        (lock(idle=300), 5, Status.PASS, "locks after 5 minutes"),
        (lock(idle=240, delay=60), 5, Status.PASS, "locks after 5 minutes"),
        (lock(idle=240, delay=61), 5, Status.FAIL, "only after 5 minutes 1 second"),
        (lock(idle=900), 5, Status.FAIL, "your agency asks for 5 minutes or less"),
        (lock(enabled=False), 5, Status.FAIL, "does not lock by itself"),
        (lock(idle=0), 5, Status.FAIL, "never to blank or lock"),
        (lock(idle=None), 5, Status.UNKNOWN, "could not read when your screen locks on GNOME"),
        (lock(delay=None), 5, Status.UNKNOWN, "could not read"),
        (lock(enabled=None, notes=("The key is missing.",)), 5, Status.UNKNOWN, "The key is missing."),
    ],
)
def test_screen_lock(facts, limit_minutes, status, words):
    verdict = judge_screen_lock(facts, limit_minutes)
    assert verdict.status is status and words in verdict.detail
    if status is not Status.PASS:
        assert verdict.fix_key == "GNOME"  # the desktop's own settings page


@pytest.mark.parametrize(
    ("facts", "limit", "status", "words"),
    [
        (lock(wake=True, grace=0), 60, Status.PASS, "as soon as it wakes"),
        (lock(wake=True, grace=60), 60, Status.PASS, "at most 1 minute after"),
        (lock(wake=True, grace=61), 60, Status.FAIL, "waits 1 minute 1 second"),
        (lock(wake=False), 60, Status.FAIL, "does not ask for your password"),
        (lock(wake=None), 60, Status.UNKNOWN, "whether a password is asked"),
        (lock(wake=True, grace=None), 60, Status.UNKNOWN, "whether a password is asked"),
    ],
)
def test_lock_on_wake(facts, limit, status, words):
    verdict = judge_lock_on_wake(facts, limit)
    assert verdict.status is status and words in verdict.detail


@pytest.mark.parametrize(
    ("has_password", "status", "words"),
    [(True, Status.PASS, "needs a password"), (False, Status.FAIL, "no password"), (None, Status.UNKNOWN, "could not")],
)
def test_account_password(has_password, status, words):
    verdict = judge_account_password(AccountPasswordFacts(has_password, "passwd -S"))
    assert verdict.status is status and words in verdict.detail


@pytest.mark.parametrize(
    ("facts", "status", "words"),
    [
        (AutologinFacts(True, "sam", ("/etc/gdm3/daemon.conf",)), Status.FAIL, "signs in by itself as 'sam'"),
        (AutologinFacts(True, "?", ()), Status.FAIL, "signs in by itself when it starts"),
        (AutologinFacts(False, checked=("/etc/gdm3/daemon.conf",)), Status.PASS, "automatic sign-in is off"),
        (AutologinFacts(None), Status.UNKNOWN, "could not tell"),
    ],
)
def test_autologin(facts, status, words):
    verdict = judge_autologin(facts)
    assert verdict.status is status and words in verdict.detail
    assert "/etc" not in verdict.detail  # where it is set is for an IT helper


def test_autologin_names_where_it_is_set_for_the_it_helper_only():
    verdict = judge_autologin(AutologinFacts(True, "sam", ("/etc/gdm3/daemon.conf",)))
    assert verdict.it_helper == ("Set in: /etc/gdm3/daemon.conf.",)
    assert judge_autologin(AutologinFacts(True, "?", ())).it_helper == ()


@pytest.mark.parametrize(
    ("facts", "status", "words"),
    [
        (DiskEncryptionFacts(True, "LUKS", "/dev/vda3"), Status.PASS, "is encrypted"),
        (DiskEncryptionFacts(False, "none", "/dev/vda1"), Status.FAIL, "is not encrypted"),
        (DiskEncryptionFacts(False, "FileVault", "/", in_progress=True), Status.FAIL, "being encrypted now"),
        (DiskEncryptionFacts(None), Status.UNKNOWN, "could not tell"),
    ],
)
def test_disk_encryption(facts, status, words):
    verdict = judge_disk_encryption(facts)
    assert verdict.status is status and words in verdict.detail


@pytest.mark.parametrize(
    ("facts", "status", "fix_key", "words"),
    [
        (CredentialStoreFacts(KeyringState("secret-service", "unlocked")), Status.PASS, "", "is unlocked"),
        (
            CredentialStoreFacts(KeyringState("secret-service", "unlocked", removed=2)),
            Status.PASS,
            "",
            "2",
        ),
        (CredentialStoreFacts(KeyringState("secret-service", "locked")), Status.FAIL, "locked", "is locked"),
        (
            CredentialStoreFacts(KeyringState("secret-service", "no-default")),
            Status.FAIL,
            "no-default",
            "no main keyring",
        ),
        (CredentialStoreFacts(KeyringState("none", "no-service")), Status.FAIL, "missing", "no safe password store"),
        (CredentialStoreFacts(KeyringState("none", "no-bus")), Status.UNKNOWN, "", "no desktop session"),
        (
            CredentialStoreFacts(KeyringState("secret-service", "unlocked"), "keyrings.alt.file.PlaintextKeyring"),
            Status.FAIL,
            "plaintext",
            "ordinary file",
        ),
        (CredentialStoreFacts(KeyringState("keyring.backends.macOS.Keyring", "present")), Status.PASS, "", "own"),
        (CredentialStoreFacts(KeyringState("some.other.Keyring", "present")), Status.UNKNOWN, "", "cannot tell"),
        (CredentialStoreFacts(KeyringState("secret-service", "error: Timeout")), Status.UNKNOWN, "", "did not expect"),
    ],
)
def test_credential_store(facts, status, fix_key, words):
    verdict = judge_credential_store(facts)
    assert (verdict.status, verdict.fix_key) == (status, fix_key) and words in verdict.detail


@pytest.mark.parametrize(("found", "status"), [(("KeePassXC (Flatpak)",), Status.PASS), ((), Status.FAIL)])
def test_password_manager(found, status):
    verdict = judge_password_manager(PasswordManagerFacts(found, ("PATH",)))
    assert verdict.status is status
    assert all(name in verdict.detail for name in found)


@pytest.mark.parametrize(
    ("facts", "status", "fix_key"),
    [
        (
            BrowserPasswordFacts(("Firefox: 3 saved logins, no primary password",), kinds=("firefox",)),
            Status.FAIL,
            "firefox",
        ),
        (
            BrowserPasswordFacts(("Chrome is running with --password-store=basic",), kinds=("chromium", "firefox")),
            Status.FAIL,
            "firefox+chromium",
        ),
        (
            BrowserPasswordFacts((), unreadable=("Firefox: key4.db locked",), kinds=("firefox",)),
            Status.UNKNOWN,
            "firefox",
        ),
        (
            BrowserPasswordFacts(("Chrome profile 'Default': 5 saved passwords",), kinds=("chromium-basic",)),
            Status.FAIL,
            "chromium-basic",
        ),
        (
            BrowserPasswordFacts(("a", "b"), kinds=("chromium-basic", "firefox", "chromium")),
            Status.FAIL,
            "firefox+chromium+chromium-basic",
        ),
        (BrowserPasswordFacts((), protected=("Firefox: protected",)), Status.PASS, ""),
        (BrowserPasswordFacts(()), Status.PASS, ""),
    ],
)
def test_browser_passwords(facts, status, fix_key):
    verdict = judge_browser_passwords(facts)
    assert (verdict.status, verdict.fix_key) == (status, fix_key)


@pytest.mark.parametrize(
    ("facts", "status", "words"),
    [
        (PasswordFileFacts(("~/Documents/passwords.txt",), ("~/Documents",)), Status.FAIL, "passwords.txt"),
        (PasswordFileFacts((), ("~/Desktop", "~/Documents")), Status.PASS, "in ~/Desktop, ~/Documents"),
    ],
)
def test_plaintext_passwords(facts, status, words):
    verdict = judge_plaintext_passwords(facts)
    assert verdict.status is status and words in verdict.detail


SNAP = {"schema": "devicecheck-snapshot/1", "platform": "linux", "taken_at": "2026-11-25T10:30:00+00:00"}


def context_at(when: str) -> CheckContext:
    system = ReplaySystem(SNAP)
    return CheckContext(
        system, load_profile(), UserSettings(), datetime.fromisoformat(when).astimezone(ZoneInfo("UTC"))
    )


def test_social_apps_in_and_out_of_school_hours():
    judge = next(c.judge for c in CATALOGUE if c.id == "social-apps")
    evening = judge(context_at("2026-11-25T19:00:00+00:00"))  # read nothing at all in the candidate's own time
    assert evening.status is Status.PASS and "school hours ended" in evening.detail
    ctx = context_at("2026-11-25T10:30:00+00:00")
    ctx.shared("social_apps", lambda: RunningSocialApps(("Discord", "WhatsApp"), 120))
    open_apps = judge(ctx)
    assert open_apps.status is Status.FAIL and open_apps.detail == "Open during school hours: Discord and WhatsApp."


def test_say_duration():
    assert [say_duration(s) for s in (1, 59, 60, 90, 3600, 3661)] == [
        "1 second",
        "59 seconds",
        "1 minute",
        "1 minute 30 seconds",
        "1 hour",
        "1 hour 1 minute 1 second",
    ]


def test_every_check_has_titles_for_each_outcome_and_steps_where_it_can_fail():
    assert len(set(CHECK_IDS)) == len(CHECK_IDS)
    for check in CATALOGUE:
        t = check.titles
        assert len({t.name, t.passed, t.failed, t.unknown}) == 4, check.id
        assert t.unknown.startswith("Device Check can't tell"), check.id
        assert check.fixes, f"{check.id} has no fix steps"


@pytest.mark.parametrize(
    ("platform", "key", "expected"),
    [
        (Platform("linux", "KDE"), "KDE6", "linux/KDE6"),
        (Platform("linux", "GNOME"), "", "linux/GNOME"),
        (Platform("windows", "Windows"), "locked", "windows/locked"),
        (Platform("windows", "Windows"), "", "windows"),
        (Platform("darwin", "macOS"), "gone", "*"),
    ],
)
def test_fix_lookup_goes_from_most_to_least_specific(platform, key, expected):
    fixes = {name: Fix((name,)) for name in ("linux/KDE6", "linux/GNOME", "windows/locked", "windows", "*")}
    found = fix_for(fixes, platform, key)
    assert found is not None and found.steps == (expected,)
