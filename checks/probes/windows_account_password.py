"""Windows: does signing in need a password or PIN?

Method, and why it is the safest one: PowerShell's Get-LocalUser tells where the signed-in account comes
from (PrincipalSource: Local, MicrosoftAccount, AzureAD; learn.microsoft.com Get-LocalUser). A Microsoft
or work (Entra ID) account always signs in with its online password or Windows Hello, so that answers
"yes". For a local account Windows offers no unprivileged way to ask "is the password blank?":
PasswordRequired is only a policy flag, and trying LogonUser with a blank password counts as a failed
sign-in (it may lock the account), so Device Check never does that and says it cannot tell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import AccountPasswordFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

POWERSHELL_TIMEOUT = 8.0  # a cold PowerShell start can take a few seconds
ARGV = (
    "powershell",
    "-NoProfile",
    "-NonInteractive",
    "-Command",
    "(Get-LocalUser -SID ([Security.Principal.WindowsIdentity]::GetCurrent().User)).PrincipalSource",
)
ONLINE = {"microsoftaccount": "a Microsoft account", "azuread": "a work or school (Entra ID) account"}

READS = (
    Read(
        "command",
        "PowerShell: Get-LocalUser (your account's PrincipalSource)",
        "Whether you sign in with a Microsoft account",
    ),
)


def judge_source(stdout: str) -> AccountPasswordFacts:
    source = stdout.strip().lower()
    if source in ONLINE:
        return AccountPasswordFacts(
            True, f"You sign in with {ONLINE[source]}, which always needs its password or a PIN."
        )
    if source == "local":
        raise ProbeUnknown(
            "You use a local Windows account. Windows does not let an app check whether its password is blank "
            "without trying to sign in, which could lock you out, so Device Check does not try. "
            "Make sure Windows asks for a password or PIN when you sign in.",
        )
    raise ProbeUnknown("Device Check could not tell what kind of Windows account you use.")


def read(ctx: CheckContext) -> AccountPasswordFacts:
    result = ctx.system.run(ARGV, timeout=POWERSHELL_TIMEOUT)
    if not result.ok:
        raise ProbeUnknown(f"Device Check could not read your Windows account details ({result.why_not()}).")
    return judge_source(result.stdout)
