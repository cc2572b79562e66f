"""`credential-store` (clause 11): saved passwords go to the OS's own encrypted store, and it works.

Judged from what the store says of itself, read without writing, unlocking or prompting: no store at all,
a plain-text file store, no main keyring, a locked one; no desktop session means "can't tell".
"""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import CredentialStoreFacts
from checks.model import Fix, Status, Verdict
from checks.probes import CREDENTIAL_STORE, facts_for

TITLES = Titles(
    name="Safe password store",
    passed="Saved passwords are kept in a safe store",
    failed="Saved passwords are not kept in a safe store",
    unknown="Device Check can't tell whether saved passwords are kept safely",
)
MISSING = ("none", "keyring.backends.fail.Keyring", "keyring.backends.null.Keyring")
SECURE_PREFIXES = (
    "keyring.backends.SecretService.",
    "keyring.backends.libsecret.",
    "keyring.backends.kwallet.",
    "keyring.backends.macOS.",
    "keyring.backends.Windows.",
    "keyrings.alt.file.EncryptedKeyring",  # a file, but encrypted with a password the candidate chooses
)
LINUX_INSTALL = (
    "Open your software centre (or a terminal) and install GNOME Keyring (on KDE: KWallet). "
    "On Ubuntu or Debian: sudo apt install gnome-keyring",
    "Sign out and sign back in, so the keyring starts and unlocks with your password.",
    'Press "Check again".',
)
FIXES = {
    "linux/missing": Fix(LINUX_INSTALL),
    "darwin/missing": Fix(("Restart the Mac and sign in again, so the login keychain opens.", 'Press "Check again".')),
    "windows/missing": Fix(
        ("Restart Windows and sign in again, so Credential Manager starts.", 'Press "Check again".')
    ),
    "plaintext": Fix(
        (
            *LINUX_INSTALL[:2],
            "If this still shows, ask whoever set up this laptop to remove the plain-text store (the keyrings.alt "
            "package, a keyringrc.cfg file in ~/.config/python_keyring, or a PYTHON_KEYRING_BACKEND setting).",
            'Press "Check again".',
        )
    ),
    "no-default": Fix(
        (
            'Open "Passwords and Keys" (Seahorse). If there is no keyring called "Login", choose + then '
            '"Password keyring", name it Login and use the password you sign in to the laptop with.',
            'Right-click it and choose "Set as default".',
            'Press "Check again".',
        )
    ),
    "locked": Fix(
        (
            'Unlock your keyring: on Linux open "Passwords and Keys" (Seahorse) or KWallet and unlock "Login"; '
            'on a Mac open Keychain Access and unlock "login".',
            "If it asks for a password, use the one you sign in to the laptop with.",
            'Press "Check again".',
        )
    ),
}


def kind_of(backend: str) -> str:
    """ "missing" | "plaintext" | "secure" | "other" for a keyring backend's "module.Class" name."""
    if backend in MISSING or backend.endswith((".fail.Keyring", ".null.Keyring")):
        return "missing"
    lowered = backend.lower()
    if "plaintext" in lowered or "uncrypted" in lowered:
        return "plaintext"
    if backend in ("secret-service", "kwallet") or backend.startswith(SECURE_PREFIXES):
        return "secure"
    return "other"


STORE_NAMES = {"secret-service": "your keyring", "kwallet": "KWallet"}
LEFTOVERS_NOTE = " Device Check also removed {n} test entr{ies} an earlier version of it had left in your keyring."


def judge_credential_store(facts: CredentialStoreFacts) -> Verdict:
    # The evidence names the store and its state; nothing from inside the store is ever read.
    store = facts.store
    evidence: dict[str, Any] = {"store": store.backend, "state": store.state}
    if store.removed:
        evidence["removed_test_entries"] = store.removed
    if facts.plaintext_backend:
        return Verdict.failed(
            "Saved passwords would be kept in an ordinary file that anyone using this laptop could read.",
            fix_key="plaintext",
            keyring_setting=facts.plaintext_backend,
            **evidence,
        )
    if store.state == "no-bus":
        return Verdict.unknown(
            "Device Check can't tell: there is no desktop session here (for example over SSH or on a text "
            "screen), so there is no password store to ask. Run it again from your desktop.",
            **evidence,
        )
    if store.state.startswith("error"):
        return Verdict.unknown("Your password store gave an answer Device Check did not expect.", **evidence)
    kind = kind_of(store.backend)
    if store.state == "no-service" or kind == "missing":
        return Verdict.failed(
            "There is no safe password store on this laptop, so apps cannot keep your passwords encrypted.",
            fix_key="missing",
            **evidence,
        )
    if kind == "plaintext":
        return Verdict.failed(
            "Saved passwords would be kept in an ordinary file that anyone using this laptop could read.",
            fix_key="plaintext",
            **evidence,
        )
    if store.state == "no-default":
        return Verdict.failed(
            f'{STORE_NAMES.get(store.backend, "Your password store").capitalize()} has no main ("login") '
            "keyring, so apps have nowhere safe to keep your passwords.",
            fix_key="no-default",
            **evidence,
        )
    if store.state == "locked":
        return Verdict.failed(
            f"{STORE_NAMES.get(store.backend, 'Your password store').capitalize()} is locked, so apps cannot "
            "keep passwords in it until you unlock it.",
            fix_key="locked",
            **evidence,
        )
    if kind == "other":
        return Verdict(
            Status.UNKNOWN,
            f"Your passwords are kept by {store.backend}, and Device Check cannot tell whether it encrypts them.",
            evidence,
        )
    note = LEFTOVERS_NOTE.format(n=store.removed, ies="y" if store.removed == 1 else "ies") if store.removed else ""
    if store.state == "present":  # macOS, Windows: the system's own store, found without opening it
        return Verdict.passed("Your laptop has its own encrypted password store." + note, **evidence)
    return Verdict.passed("Your laptop's password store is unlocked and keeps passwords encrypted." + note, **evidence)


def judge(ctx: CheckContext) -> Verdict:
    return judge_credential_store(facts_for(ctx, CREDENTIAL_STORE))


CHECK = Check(id="credential-store", clause=11, titles=TITLES, judge=judge, fixes=FIXES, probe=CREDENTIAL_STORE)
