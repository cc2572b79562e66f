"""Linux installers from the PyInstaller onedir: a .deb (dpkg-deb) and a .tar.gz.

The .deb installs the bundle under /opt/devicecheck, links /usr/bin/devicecheck to it, and adds a menu entry
and icon. The package is always called `devicecheck` (one install per machine, whichever agency built it);
the agency's name is in the Description, the menu entry and the file name."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

from branding import PACKAGE, ROOT, Brand

sys.path.insert(0, str(ROOT))
from dev import QT_LIBS, XCB_PACKAGES  # noqa: E402 - one list of the Debian packages Qt needs

ICONS = ROOT / "resources" / "icons"
MAINTAINER = "Device Check developers <noreply@example.org>"
SUMMARY = "Checks this laptop against your agency's Social Networking Policy"


# Ubuntu 24.04 renamed libraries for the 64-bit time_t transition ("t64"): libglib2.0-0 is libglib2.0-0t64
# there, and the old name is only a virtual package, which apt will not pick on its own. The new name first,
# the old one for Debian 12 and Ubuntu 22.04.
T64_ALTERNATIVES = {"libglib2.0-0": "libglib2.0-0t64 | libglib2.0-0"}
# Qt's Wayland platform plugin (kept by packaging/qt_trim.py) links these.
WAYLAND_PACKAGES = ["libwayland-client0", "libwayland-cursor0", "libwayland-egl1"]
# Left out of the bundle and loaded from the system instead (packaging/lib_trim.py).
SYSTEM_PACKAGES = ["libgssapi-krb5-2"]


def depends() -> list[str]:
    """The system libraries Qt loads (see dev.py), plus the C library the bundle was built against."""
    glibc = (os.confstr("CS_GNU_LIBC_VERSION") or "glibc 2.36").split()[-1]
    packages = dict.fromkeys(
        [*QT_LIBS.values(), "libxcb1", "libx11-xcb1", *XCB_PACKAGES, *WAYLAND_PACKAGES, *SYSTEM_PACKAGES]
    )
    return [f"libc6 (>= {glibc})", *(T64_ALTERNATIVES.get(p, p) for p in packages)]


def control(brand: Brand, installed_kib: int) -> str:
    return "\n".join(
        [
            f"Package: {PACKAGE}",
            f"Version: {brand.version}",
            "Architecture: amd64",
            f"Maintainer: {MAINTAINER}",
            f"Installed-Size: {installed_kib}",
            f"Depends: {', '.join(depends())}",
            "Section: utils",
            "Priority: optional",
            f"Description: {brand.display_name}",
            f" {SUMMARY}.",
            " It shows a plain checklist with how to fix each item, and never changes a",
            " setting unless you press a button. Nothing is sent anywhere.",
            "",
        ]
    )


def desktop_entry(brand: Brand) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={brand.display_name}",
            f"Comment={SUMMARY}",
            f"Exec={PACKAGE}",
            f"Icon={PACKAGE}",
            "Terminal=false",
            "Categories=Utility;",
            f"StartupWMClass={PACKAGE}",
            "",
        ]
    )


def _normalise_modes(root: Path) -> None:
    """Directories 0755, executables 0755, everything else 0644, whatever the build machine's umask was."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def _tree_kib(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024 + 1


def deb_name(brand: Brand) -> str:
    return f"{brand.file_stem}_{brand.version}_amd64.deb"


def tarball_name(brand: Brand) -> str:
    return f"{brand.file_stem}-{brand.version}-linux-x86_64.tar.gz"


def build_deb(onedir: Path, brand: Brand, staging: Path, out_dir: Path) -> Path:
    """Lays the package out in `staging` and runs dpkg-deb; returns the .deb's path."""
    if staging.exists():
        shutil.rmtree(staging)
    opt = staging / "opt" / PACKAGE
    shutil.copytree(onedir, opt, symlinks=True)
    (staging / "usr" / "bin").mkdir(parents=True)
    (staging / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    apps = staging / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{PACKAGE}.desktop").write_text(desktop_entry(brand), encoding="utf-8")
    for size, icon in (("256x256", "devicecheck.png"), ("48x48", "devicecheck-48.png")):
        folder = staging / "usr" / "share" / "icons" / "hicolor" / size / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(ICONS / icon, folder / f"{PACKAGE}.png")
    installed = _tree_kib(staging)
    (staging / "DEBIAN").mkdir()
    (staging / "DEBIAN" / "control").write_text(control(brand, installed), encoding="utf-8")
    _normalise_modes(staging)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / deb_name(brand)
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return deb


def build_tarball(onedir: Path, brand: Brand, out_dir: Path) -> Path:
    """devicecheck-<version>/ holding the bundle and the icon; owned by root in the archive, like the .deb."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / tarball_name(brand)
    top = f"{brand.file_stem}-{brand.version}"

    def as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(path, "w:gz", compresslevel=6) as tar:
        tar.add(onedir, arcname=top, filter=as_root)
        tar.add(ICONS / "devicecheck.png", arcname=f"{top}/{PACKAGE}.png", filter=as_root)
    return path
