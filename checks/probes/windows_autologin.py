"""Windows: does the laptop sign in by itself?

Automatic sign-in is on when Winlogon's AutoAdminLogon is "1" (Microsoft's "turn on automatic logon"
article; Sysinternals Autologon sets it too and keeps the password as an LSA secret). Only the named
values are read: DefaultPassword is never asked for, and the System door refuses it anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import AutologinFacts, Read
from checks.model import Fix, ProbeUnknown
from checks.probes.windows_screen_lock import as_int

if TYPE_CHECKING:
    from checks.catalog import CheckContext

WINLOGON = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon"
# "Shell" is present on every Windows: seeing it proves the key was read, so a missing AutoAdminLogon is "off".
NAMES = ("AutoAdminLogon", "DefaultUserName", "Shell")

READS = (Read("registry", WINLOGON + r" (AutoAdminLogon, DefaultUserName)", "Whether Windows signs in by itself"),)

FIX = Fix(
    steps=(
        "Press the Windows key and R together, type netplwiz and press Enter.",
        "Tick 'Users must enter a user name and password to use this computer' and press OK.",
        "If that box is missing: open Settings, then Accounts, then Sign-in options, turn off "
        "'For improved security, only allow Windows Hello sign-in', then try netplwiz again.",
        "If you used the Autologon tool, open it and press Disable.",
    ),
    settings_uri="ms-settings:signinoptions",
)


def judge_values(values: dict[str, str | int]) -> AutologinFacts:
    checked = (WINLOGON,)
    if not values:
        raise ProbeUnknown("Device Check could not read the Windows sign-in settings (Winlogon).", FIX)
    flag = values.get("AutoAdminLogon")
    if flag is None:
        return AutologinFacts(False, checked=checked, fix=FIX)
    number = as_int(flag)
    if number is None:
        raise ProbeUnknown(
            f"Windows' AutoAdminLogon setting has a value Device Check does not recognise ({flag!r}).", FIX
        )
    user = values.get("DefaultUserName")
    if number == 1:
        return AutologinFacts(True, str(user) if user else None, (WINLOGON + r"\AutoAdminLogon",), checked, FIX)
    return AutologinFacts(False, checked=checked, fix=FIX)


def read(ctx: CheckContext) -> AutologinFacts:
    return judge_values(ctx.system.registry_values(WINLOGON, list(NAMES)))
