"""`credential-store` (clause 11): saved passwords go to the OS's own encrypted store, and it works.

Judged from the keyring backend's name and a round trip (set, read back, delete a throwaway entry). Each
failure has its own plain sentence: no store at all, a plain-text file store, a store that would not answer.
"""

from __future__ import annotations

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.model import Fix, Status, Verdict
from checks.probes import CREDENTIAL_STORE, facts_for
from checks.system import KeyringState

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
    if backend.startswith(SECURE_PREFIXES):
        return "secure"
    return "other"


def judge_credential_store(state: KeyringState) -> Verdict:
    # The evidence names the store and the test's outcome, never the test value (it is never returned).
    evidence = {"backend": state.backend, "roundtrip": state.roundtrip}
    kind = kind_of(state.backend)
    if kind == "missing":
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
    if state.roundtrip != "ok":
        if "did not answer in time" in state.roundtrip:
            return Verdict.unknown(
                "Your password store did not answer in time. It may be locked and waiting for your password.",
                fix_key="locked",
                **evidence,
            )
        return Verdict.failed(
            "Your password store is there but could not save a test entry. It may be locked.",
            fix_key="locked",
            **evidence,
        )
    if kind == "other":
        return Verdict(
            Status.UNKNOWN,
            f"Your passwords are kept by {state.backend}, and Device Check cannot tell whether it encrypts them.",
            evidence,
        )
    return Verdict.passed("Your laptop's password store works and keeps passwords encrypted.", **evidence)


def judge(ctx: CheckContext) -> Verdict:
    return judge_credential_store(facts_for(ctx, CREDENTIAL_STORE))


CHECK = Check(id="credential-store", clause=11, titles=TITLES, judge=judge, fixes=FIXES, probe=CREDENTIAL_STORE)
