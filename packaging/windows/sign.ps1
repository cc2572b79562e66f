<#
.SYNOPSIS
  Signs Device Check's Windows files with an Authenticode code-signing certificate, then verifies them.

.DESCRIPTION
  Run on Windows with the Windows SDK's signtool.exe. Sign the bundle's executables before running Inno Setup,
  then the setup .exe it produces:

    powershell -ExecutionPolicy Bypass -File packaging\windows\sign.ps1 -Files packaging\out\devicecheck\devicecheck.exe,packaging\out\devicecheck\devicecheck-cli.exe -CertificateFile agency.pfx
    powershell -ExecutionPolicy Bypass -File packaging\windows\sign.ps1 -Files dist\devicecheck-0.1.0-windows-x64-setup.exe -CertificateFile agency.pfx

  The certificate comes from a .pfx file (-CertificateFile; its password from the DEVICECHECK_PFX_PASSWORD
  environment variable, never the command line), from the certificate store by thumbprint (-Thumbprint, e.g. a
  certificate on a hardware token), or, with neither, the best one signtool finds (/a).
  Each file is signed with a SHA-256 digest and an RFC 3161 SHA-256 timestamp, then checked with
  `signtool verify /pa /v` (the Authenticode policy); the script stops at the first failure.
#>
param(
    [Parameter(Mandatory = $true)][string[]]$Files,
    [string]$CertificateFile,
    [string]$Thumbprint,
    [string]$TimestampUrl = "http://timestamp.digicert.com",
    [string]$Description = "Device Check",
    [string]$SignTool
)
$ErrorActionPreference = "Stop"

function Find-SignTool {
    $onPath = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
    $found = Get-ChildItem -Path $kits -Filter signtool.exe -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -match "\\x64\\" } | Sort-Object FullName -Descending | Select-Object -First 1
    if (-not $found) { throw "signtool.exe not found: install the Windows SDK (Signing Tools for Desktop Apps)" }
    return $found.FullName
}

if (-not $SignTool) { $SignTool = Find-SignTool }

foreach ($file in $Files) {
    if (-not (Test-Path $file)) { throw "No such file: $file" }
    $signArgs = @("sign", "/fd", "SHA256", "/tr", $TimestampUrl, "/td", "SHA256", "/d", $Description)
    if ($CertificateFile) {
        $signArgs += @("/f", $CertificateFile)
        if ($env:DEVICECHECK_PFX_PASSWORD) { $signArgs += @("/p", $env:DEVICECHECK_PFX_PASSWORD) }
    } elseif ($Thumbprint) {
        $signArgs += @("/sha1", $Thumbprint)
    } else {
        $signArgs += "/a"
    }
    Write-Host "Signing $file"
    & $SignTool @signArgs $file
    if ($LASTEXITCODE -ne 0) { throw "signtool sign failed for $file (exit code $LASTEXITCODE)" }
    & $SignTool verify /pa /v $file
    if ($LASTEXITCODE -ne 0) { throw "signtool verify failed for $file (exit code $LASTEXITCODE)" }
}
Write-Host "Signed and verified: $($Files -join ', ')"
