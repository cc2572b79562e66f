"""The credential store: which password store the desktop offers and whether it is unlocked, read without
writing or unlocking anything (LiveSystem.keyring_state, checks/credential_store_live.py), and whether
Python's keyring is set to a plain-text file (its PYTHON_KEYRING_BACKEND setting or keyringrc.cfg)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import CredentialStoreFacts, Read
from checks.system import ReadDenied

if TYPE_CHECKING:
    from checks.context import CheckContext

READS = (
    Read(
        "keyring",
        "whether a password store (GNOME Keyring, KWallet, the macOS keychain or Windows Credential Manager) is "
        'running and whether it is locked; on Linux also test entries named "devicecheck-roundtrip" that '
        "version 0.1.0 left behind, which are deleted when the store is already unlocked",
        "that your laptop keeps saved passwords in a safe store; nothing is stored in it, nothing is unlocked "
        "and no password is asked for",
    ),
    Read(
        "file",
        "~/.config/python_keyring/keyringrc.cfg",
        "whether Python programs are set to keep passwords in a plain-text file (only the store's name is kept)",
    ),
)
PLAINTEXT_MARKS = ("plaintext", "uncrypted")


def keyring_config(ctx: CheckContext) -> str:
    """The keyring backend named by PYTHON_KEYRING_BACKEND or keyringrc.cfg's `default-keyring`, or ""."""
    named = ctx.system.env.get("PYTHON_KEYRING_BACKEND", "")
    if named:
        return named
    if ctx.system.platform != "linux" or not ctx.system.home:
        return ""
    folder = ctx.system.env.get("XDG_CONFIG_HOME") or f"{ctx.system.home}/.config"
    try:
        text = ctx.system.read_text(f"{folder}/python_keyring/keyringrc.cfg") or ""
    except ReadDenied:
        return ""
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() == "default-keyring":
            return value.strip()
    return ""


def read(ctx: CheckContext) -> CredentialStoreFacts:
    configured = keyring_config(ctx)
    plaintext = configured if any(m in configured.lower() for m in PLAINTEXT_MARKS) else ""
    return CredentialStoreFacts(ctx.system.keyring_state(), plaintext)
