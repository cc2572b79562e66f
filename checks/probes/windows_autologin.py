"""Windows: does the laptop sign in by itself?

Automatic sign-in is on when Winlogon's AutoAdminLogon is "1" (Microsoft's "turn on automatic logon"
article; Sysinternals Autologon sets it too and keeps the password as an LSA secret). Only the named
values are read: DefaultPassword is never asked for, and the System door refuses it anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import AutologinFacts, Read
from checks.model import ProbeUnknown
from checks.probes.windows_screen_lock import as_int

if TYPE_CHECKING:
    from checks.context import CheckContext

WINLOGON = r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon"
# "Shell" is present on every Windows: seeing it proves the key was read, so a missing AutoAdminLogon is "off".
NAMES = ("AutoAdminLogon", "DefaultUserName", "Shell")

READS = (Read("registry", WINLOGON + r" (AutoAdminLogon, DefaultUserName)", "Whether Windows signs in by itself"),)


def judge_values(values: dict[str, str | int]) -> AutologinFacts:
    checked = (WINLOGON,)
    if not values:
        raise ProbeUnknown("Device Check could not read the Windows sign-in settings (Winlogon).")
    flag = values.get("AutoAdminLogon")
    if flag is None:
        return AutologinFacts(False, checked=checked)
    number = as_int(flag)
    if number is None:
        raise ProbeUnknown(f"Windows' AutoAdminLogon setting has a value Device Check does not recognise ({flag!r}).")
    user = values.get("DefaultUserName")
    if number == 1:
        return AutologinFacts(True, str(user) if user else None, (WINLOGON + r"\AutoAdminLogon",), checked)
    return AutologinFacts(False, checked=checked)


def read(ctx: CheckContext) -> AutologinFacts:
    return judge_values(ctx.system.registry_values(WINLOGON, list(NAMES)))
