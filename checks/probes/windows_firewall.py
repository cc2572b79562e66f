"""Windows: is the firewall on for all three network profiles, or is another firewall registered and on?

`Get-NetFirewallProfile -PolicyStore ActiveStore` gives the state in force, group policy included (the
default store ignores policy; Windows Admin Center's own script asks the ActiveStore). Its `Enabled` is the
GpoBoolean enum, which ConvertTo-Json writes as a number: 0 False, 1 True, 2 NotConfigured. A firewall from
another maker registers with Security Center (root/SecurityCenter2 FirewallProduct) and usually turns
Windows' own off; when it is on (productState), that counts.

Both are asked in the run's one PowerShell call (checks/readers/windows_powershell.py, question "firewall"),
which answers with this JSON: {"profiles": [{"Name": ..., "Enabled": ...}], "products": [...]}.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checks.facts import FirewallFacts, Read
from checks.model import ProbeUnknown
from checks.readers.windows_powershell import answers
from checks.readers.windows_security import as_list, products, ps_json

if TYPE_CHECKING:
    from checks.context import CheckContext

PROFILE_NAMES = {"Domain": "Domain networks", "Private": "Private networks", "Public": "Public networks"}
GPO_BOOLEAN = {0: False, 1: True, "False": False, "True": True}

READS = (
    Read("command", "PowerShell: Get-NetFirewallProfile -PolicyStore ActiveStore", "Whether Windows' firewall is on."),
    Read("command", "PowerShell: root/SecurityCenter2 FirewallProduct", "Whether another firewall program is on."),
)


def parse_firewall(answer: Any) -> FirewallFacts:
    if not isinstance(answer, dict):
        raise ProbeUnknown("Windows did not answer Device Check's question about the firewall.")
    others = [(name, s) for name, s in products(answer.get("products")) if not s.by_windows]
    for name, state in others:
        if state.on:
            return FirewallFacts(True, name, checked=(f"Security Center: {name} on",))
    profiles = as_list(answer.get("profiles"))
    states = {str(p.get("Name")): GPO_BOOLEAN.get(p.get("Enabled")) for p in profiles}
    checked = tuple(f"{name}: {'on' if v else 'off' if v is False else 'not set'}" for name, v in states.items())
    missing = [PROFILE_NAMES[n] for n in PROFILE_NAMES if n not in states]
    off = tuple(PROFILE_NAMES.get(n, n) for n, v in states.items() if v is False)
    if off:
        return FirewallFacts(False, "Windows Defender Firewall", parts_off=off, checked=checked)
    unclear = [PROFILE_NAMES.get(n, n) for n, v in states.items() if v is None]
    if missing or unclear:
        what = ", ".join(missing + unclear)
        return FirewallFacts(
            None, "", checked=checked, notes=(f"Windows did not say whether its firewall is on for {what}.",)
        )
    return FirewallFacts(True, "Windows Defender Firewall", checked=checked)


def read(ctx: CheckContext) -> FirewallFacts:
    return parse_firewall(ps_json(answers(ctx).value("firewall", "whether Windows' firewall is on")))
