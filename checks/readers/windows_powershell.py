"""One PowerShell per run on Windows: every question a Windows probe asks PowerShell goes into one script,
run once (a cold PowerShell start takes seconds on a laptop), which prints one JSON object:

    {"principal_source": {"ok": true, "value": "Local"}, "bitlocker_protection": {"ok": false, "error": "..."}}

Adding a question is adding one entry to QUESTIONS: a key and PowerShell statements whose value is turned
into text ([string], so enums come out as their names, not numbers; a question whose answer has parts prints
it as JSON of its own, which the probe reads). Each question runs inside $( ), which takes statements, not
( ), which takes one expression only and would make the whole script a parse error (learn.microsoft.com,
"Difference between $() and ()"). Each is wrapped in its own try/catch, so one that fails never hides the
others; cmdlets whose failure is not an exception carry -ErrorAction SilentlyContinue and answer null. The
script is a constant: nothing from the machine (no environment value, no path) is pasted into it, so a
replayed snapshot holds exactly one PowerShell command line.
Every question must be read-only and must never prompt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

TIMEOUT = 30.0  # one cold start for all the questions, plus the WinRT call and the Security Center queries

# key -> PowerShell expression. Keys are what probes ask for; see each probe for what the answer means.
QUESTIONS: tuple[tuple[str, str], ...] = (
    # learn.microsoft.com Get-LocalUser: PrincipalSource is Local, ActiveDirectory, AzureAD or MicrosoftAccount.
    (
        "principal_source",
        "(Get-LocalUser -SID ([Security.Principal.WindowsIdentity]::GetCurrent().User)).PrincipalSource",
    ),
    # The Shell's System.Volume.BitLockerProtection of the system drive; no administrator needed.
    (
        "bitlocker_protection",
        "(New-Object -ComObject Shell.Application).NameSpace($env:SystemDrive + '\\').Self."
        "ExtendedProperty('System.Volume.BitLockerProtection')",
    ),
    # learn.microsoft.com UserConsentVerifier.CheckAvailabilityAsync: is Windows Hello (PIN, face, fingerprint)
    # set up for this user? Asks nothing of the user and shows nothing.
    (
        "hello_availability",
        "$null = [Windows.Security.Credentials.UI.UserConsentVerifier,Windows.Security.Credentials.UI,"
        "ContentType=WindowsRuntime]; Add-Type -AssemblyName System.Runtime.WindowsRuntime; "
        "$m = [System.WindowsRuntimeSystemExtensions].GetMethods() | Where-Object { $_.Name -eq 'AsTask' -and "
        "$_.GetParameters().Count -eq 1 -and $_.GetParameters()[0].ParameterType.Name -eq 'IAsyncOperation`1' } | "
        "Select-Object -First 1; "
        "$t = $m.MakeGenericMethod([Windows.Security.Credentials.UI.UserConsentVerifierAvailability]).Invoke("
        "$null, @([Windows.Security.Credentials.UI.UserConsentVerifier]::CheckAvailabilityAsync())); "
        "if (-not $t.Wait(5000)) { throw 'no answer in time' }; $t.Result",
    ),
    # checks/probes/windows_firewall.py: each network profile's firewall state in force (ActiveStore, group policy
    # included) and any firewall registered with Security Center.
    (
        "firewall",
        "@{profiles=@(Get-NetFirewallProfile -PolicyStore ActiveStore -ErrorAction SilentlyContinue"
        " | Select-Object Name,Enabled);"
        "products=@(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName FirewallProduct"
        " -ErrorAction SilentlyContinue | Select-Object displayName,productState)}"
        " | ConvertTo-Json -Depth 3 -Compress",
    ),
    # checks/probes/windows_os_updates.py: installed updates with InstalledOn as WMI stores it (not Get-HotFix's
    # culture-parsed date).
    (
        "installed_updates",
        "@(Get-CimInstance -ClassName Win32_QuickFixEngineering -ErrorAction SilentlyContinue | Select-Object HotFixID,"
        "@{n='InstalledOn';e={$_.CimInstanceProperties['InstalledOn'].Value}}) | ConvertTo-Json -Depth 2 -Compress",
    ),
    # checks/probes/windows_malware_protection.py: Microsoft Defender's state and any antivirus registered with
    # Security Center.
    (
        "malware_protection",
        "@{defender=(Get-MpComputerStatus -ErrorAction SilentlyContinue | Select-Object AMRunningMode,"
        "AMServiceEnabled,AntivirusEnabled,RealTimeProtectionEnabled,AntivirusSignatureAge,"
        "AntivirusSignatureLastUpdated);"
        "products=@(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct"
        " -ErrorAction SilentlyContinue | Select-Object displayName,productState)}"
        " | ConvertTo-Json -Depth 3 -Compress",
    ),
)


def script(questions: tuple[tuple[str, str], ...] = QUESTIONS) -> str:
    parts = ["$ProgressPreference = 'SilentlyContinue'; $r = [ordered]@{}"]
    for key, expression in questions:
        parts.append(
            f"try {{ $r['{key}'] = @{{ ok = $true; value = [string]$({expression}) }} }} "
            f"catch {{ $r['{key}'] = @{{ ok = $false; error = [string]$_.Exception.Message }} }}"
        )
    parts.append("[Console]::Out.Write(($r | ConvertTo-Json -Compress -Depth 3))")
    return "; ".join(parts)


ARGV = ("powershell", "-NoProfile", "-NonInteractive", "-Command", script())


@dataclass(frozen=True)
class PowerShellAnswers:
    values: dict[str, str]  # key -> the answer's text, for questions that answered
    errors: dict[str, str]  # key -> why that question did not answer
    why_not: str = ""  # why PowerShell itself gave no answer at all

    def value(self, key: str, what: str) -> str:
        """The answer to one question, or ProbeUnknown saying in plain words what could not be read."""
        if key in self.values:
            return self.values[key]
        why = self.why_not or self.errors.get(key) or "PowerShell gave no answer to it"
        raise ProbeUnknown(f"Device Check could not read {what} ({why[:160]}).")


def parse(stdout: str) -> PowerShellAnswers:
    """The script's JSON (a BOM, CRLF or a banner line around it are tolerated). Not JSON: no answers."""
    text = stdout.lstrip("\ufeff")
    start, end = text.find("{"), text.rfind("}")
    try:
        data = json.loads(text[start : end + 1]) if 0 <= start < end else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return PowerShellAnswers({}, {}, "PowerShell's answer was not in the expected form")
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    for key, entry in data.items():
        if not isinstance(entry, dict):
            continue
        if entry.get("ok") is True and isinstance(entry.get("value"), str):
            values[str(key)] = entry["value"]
        else:
            errors[str(key)] = str(entry.get("error") or "no answer")
    return PowerShellAnswers(values, errors)


def answers(ctx: CheckContext) -> PowerShellAnswers:
    """Every question's answer, from one PowerShell run shared by all the checks of this run."""

    def ask() -> PowerShellAnswers:
        result = ctx.system.run(ARGV, timeout=TIMEOUT)
        if result.missing or result.timed_out:
            return PowerShellAnswers({}, {}, result.why_not())
        parsed = parse(result.stdout)
        if not result.ok and not parsed.values:
            return PowerShellAnswers({}, {}, result.why_not())
        return parsed

    return ctx.shared("windows_powershell", ask)
