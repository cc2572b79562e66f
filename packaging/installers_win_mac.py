"""The Windows and macOS steps of packaging/package.py, run on those systems (they cannot run on Linux).

Windows: sign the bundle's .exe files (packaging/windows/sign.ps1, when a certificate is given), compile the Inno
Setup script, sign the setup .exe. macOS: packaging/macos/sign_and_notarize.sh when a Developer ID is given."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from branding import ROOT, Brand

PACKAGING = ROOT / "packaging"
INNO_DEFAULT = Path(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe"


def _sign_windows(files: list[Path], certificate: str | None, thumbprint: str | None) -> None:
    argv = [
        "powershell",
        "-NoProfile",
        "-ExecutionPolicy",
        "Bypass",
        "-File",
        str(PACKAGING / "windows" / "sign.ps1"),
        "-Files",
        ",".join(str(f) for f in files),
    ]
    if certificate:
        argv += ["-CertificateFile", certificate]
    if thumbprint:
        argv += ["-Thumbprint", thumbprint]
    subprocess.run(argv, check=True)


def windows_installer(onedir: Path, brand: Brand, certificate: str | None, thumbprint: str | None) -> Path:
    signing = bool(certificate or thumbprint)
    if signing:
        _sign_windows(sorted(onedir.glob("*.exe")), certificate, thumbprint)
    iscc = shutil.which("ISCC") or (str(INNO_DEFAULT) if INNO_DEFAULT.exists() else None)
    if iscc is None:
        raise FileNotFoundError("Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isinfo.php")
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={brand.version}",
            f"/DAppDisplayName={brand.display_name}",
            f"/DFileStem={brand.file_stem}",
            str(PACKAGING / "windows" / "devicecheck.iss"),
        ],
        check=True,
    )
    setup = ROOT / "dist" / f"{brand.file_stem}-{brand.version}-windows-x64-setup.exe"
    if signing:
        _sign_windows([setup], certificate, thumbprint)
    else:
        print("[package] not signed: pass --certificate FILE.pfx or --thumbprint HASH (see packaging/README.md)")
    return setup


def macos_dmg(brand: Brand, identity: str | None) -> Path | None:
    if not identity:
        print(
            "[package] built packaging/out/Device Check.app; to sign, notarise and make the .dmg run:\n"
            '    packaging/macos/sign_and_notarize.sh "Developer ID Application: Your Agency (TEAMID)"'
        )
        return None
    subprocess.run([str(PACKAGING / "macos" / "sign_and_notarize.sh"), identity], check=True)
    return ROOT / "dist" / f"{brand.file_stem}-{brand.version}-macos.dmg"
