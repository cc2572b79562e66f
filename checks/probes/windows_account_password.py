"""Windows: does signing in need a password or PIN?

Asked of PowerShell (one run for all questions, checks/readers/windows_powershell.py), never by trying to sign in:
- PrincipalSource of the signed-in account (learn.microsoft.com Get-LocalUser: Local, MicrosoftAccount, AzureAD,
  ActiveDirectory). A Microsoft, work (Entra ID) or domain account always signs in with its password or
  Windows Hello: a pass.
- For a local account, whether Windows Hello (a PIN, face or fingerprint) is set up for this user:
  UserConsentVerifier.CheckAvailabilityAsync() answers "Available" without asking the user anything
  (learn.microsoft.com UserConsentVerifierAvailability). Windows only lets a local account add a PIN once it
  has a password, so "Available" is a pass (docs/unconfirmed.md#U10).
- Otherwise a local account may still have a password, but Windows offers no unprivileged way to ask whether
  it is blank (PasswordRequired is only a policy flag; LogonUser with a blank password counts as a failed
  sign-in and may lock the account), so Device Check says it cannot tell, and why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import AccountPasswordFacts, Read
from checks.model import ProbeUnknown
from checks.readers.windows_powershell import answers

if TYPE_CHECKING:
    from checks.context import CheckContext

ONLINE = {
    "microsoftaccount": "a Microsoft account",
    "azuread": "a work or school (Entra ID) account",
    "activedirectory": "a work (domain) account",
}
HELLO_SET_UP = "available"

READS = (
    Read(
        "command",
        "PowerShell: Get-LocalUser (your account's PrincipalSource)",
        "Whether you sign in with a Microsoft or work account",
    ),
    Read(
        "command",
        "PowerShell: UserConsentVerifier.CheckAvailabilityAsync()",
        "Whether Windows Hello (a PIN, face or fingerprint) is set up for you; nothing is asked of you",
    ),
)


def judge(source: str, hello: str | None) -> AccountPasswordFacts:
    kind = source.strip().lower()
    if kind in ONLINE:
        return AccountPasswordFacts(True, f"You sign in with {ONLINE[kind]}, which always needs its password or a PIN.")
    if kind != "local":
        raise ProbeUnknown("Device Check could not tell what kind of Windows account you use.")
    if hello is not None and hello.strip().lower() == HELLO_SET_UP:
        return AccountPasswordFacts(True, "You sign in with Windows Hello (a PIN, face or fingerprint).")
    why = (
        "Windows Hello is not set up for you"
        if hello is not None and hello.strip()
        else "Windows did not say whether Windows Hello is set up"
    )
    raise ProbeUnknown(
        f"You use a local Windows account and {why}. Windows does not let an app check whether a local account's "
        "password is blank without trying to sign in, which could lock you out, so Device Check does not try. "
        "Make sure Windows asks for a password or PIN when you sign in.",
    )


def read(ctx: CheckContext) -> AccountPasswordFacts:
    found = answers(ctx)
    source = found.value("principal_source", "your Windows account details")
    hello = found.values.get("hello_availability")
    return judge(source, hello)
