"""`credential-store` (clause 11): saved passwords go to the OS's own encrypted store, and it works.

Judged from what the store says of itself, read without writing, unlocking or prompting: no store at all,
a plain-text file store, no main keyring, a locked one; no desktop session means "can't tell".
"""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import CredentialStoreFacts
from checks.model import SEE_IT_HELPER, Fix, Status, Verdict
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
AGAIN = 'Press "Check again".'
SIGN_BACK_IN = "Sign out and sign back in, so the password store starts and opens with your password."
# Debian's seahorse ("Passwords and Keys") depends on gnome-keyring, and kwalletmanager on KWallet's service,
# so installing the app a software centre lists brings the store with it.
GNOME_INSTALL = (
    "Open the software centre, search for 'Passwords and Keys' and install it: the password store comes with it."
)
KDE_INSTALL = "Open Discover (the software centre), search for 'KWallet Manager' and install it."
GNOME_HELPER = (
    "Install GNOME Keyring, for example on Debian or Ubuntu: sudo apt install gnome-keyring seahorse. Then sign out "
    "and back in so the keyring daemon starts with the session and unlocks with the account password.",
)
KDE_HELPER = (
    "Install KWallet, for example on Debian or Ubuntu: sudo apt install kwalletmanager (it brings kwalletd). Then "
    "sign out and back in.",
)
PLAINTEXT_HELPER = (
    "Python's keyring is set to a plain-text backend. Remove what sets it: the keyrings.alt package (Debian: sudo apt "
    "remove python3-keyrings.alt; pip: pip uninstall keyrings.alt), a default-keyring line in "
    "~/.config/python_keyring/keyringrc.cfg, or the PYTHON_KEYRING_BACKEND environment variable.",
)
PLAINTEXT_ASK = "Saved passwords on this laptop are set to go to an ordinary file. " + SEE_IT_HELPER
FIXES = {
    "linux/missing": Fix((GNOME_INSTALL, SIGN_BACK_IN, AGAIN), it_helper=GNOME_HELPER),
    "linux/KDE/missing": Fix((KDE_INSTALL, SIGN_BACK_IN, AGAIN), it_helper=KDE_HELPER),
    "darwin/missing": Fix(("Restart the Mac and sign in again, so your keychain opens.", AGAIN)),
    "windows/missing": Fix(("Restart Windows and sign in again, so Credential Manager starts.", AGAIN)),
    "linux/plaintext": Fix(
        (GNOME_INSTALL, SIGN_BACK_IN, PLAINTEXT_ASK, AGAIN), it_helper=PLAINTEXT_HELPER + GNOME_HELPER
    ),
    "linux/KDE/plaintext": Fix(
        (KDE_INSTALL, SIGN_BACK_IN, PLAINTEXT_ASK, AGAIN), it_helper=PLAINTEXT_HELPER + KDE_HELPER
    ),
    "plaintext": Fix((PLAINTEXT_ASK, AGAIN), it_helper=PLAINTEXT_HELPER),
    "linux/no-default": Fix(
        (
            "Open 'Passwords and Keys'. If there is no keyring called 'Login', choose + then 'Password keyring', "
            "name it 'Login' and use the password you sign in to the laptop with.",
            "Right-click it and choose 'Set as default'.",
            AGAIN,
        )
    ),
    "linux/KDE/no-default": Fix(
        (
            "Open KWallet Manager. If it shows no wallet, choose 'File', then 'New Wallet', and name it kdewallet.",
            "Give it the password you sign in to the laptop with, so it opens when you sign in.",
            AGAIN,
        )
    ),
    "linux/locked": Fix(
        (
            "Open 'Passwords and Keys', right-click the keyring called 'Login' and choose 'Unlock'.",
            "If it asks for a password, use the one you sign in to the laptop with.",
            AGAIN,
        )
    ),
    "linux/KDE/locked": Fix(
        (
            "Open KWallet Manager, choose your wallet and press 'Open'.",
            "If it asks for a password, use the one you sign in to the laptop with.",
            AGAIN,
        )
    ),
    "darwin/locked": Fix(
        (
            "Open Keychain Access (in Applications, then Utilities) and choose your keychain on the left.",
            "Choose 'File', then 'Unlock Keychain', and use the password you sign in to the Mac with.",
            AGAIN,
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
            f"{STORE_NAMES.get(store.backend, 'Your password store').capitalize()} has no main "
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
