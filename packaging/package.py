#!/usr/bin/env python3
"""Build Device Check's installers in one step.

    python packaging/package.py [--profile FILE]

Runs PyInstaller with packaging/devicecheck.spec (work files in packaging/work/, the bundle in packaging/out/), then:
on Linux writes dist/devicecheck[-<agency>]_<version>_amd64.deb and dist/devicecheck[-<agency>]-<version>-linux-
x86_64.tar.gz and prints the size budget (.deb size, bundle size, launch times); on Windows compiles the Inno
Setup installer (signed with --certificate/--thumbprint); on macOS builds the .app (signed, notarised and put
in a .dmg with --identity). --profile bakes an agency profile in (validated first); without it the build uses
the default profile. Needs Python 3.11 with the project's build extra (pip install .[build]); see packaging/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
sys.path.insert(0, str(PACKAGING))

from branding import ROOT, Brand, load_brand  # noqa: E402
from debian import build_deb, build_tarball  # noqa: E402

from checks.profile import ProfileError  # noqa: E402

OUT, WORK, DIST = PACKAGING / "out", PACKAGING / "work", ROOT / "dist"
BUDGET_DEB_MB, BUDGET_ONEDIR_MB, BUDGET_WINDOW_S = 50, 120, 0.5


def say(msg: str) -> None:
    print(f"[package] {msg}", flush=True)


def run_pyinstaller(brand: Brand) -> Path:
    argv = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(PACKAGING / "devicecheck.spec"),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(OUT),
        "--workpath",
        str(WORK),
    ]
    if brand.profile is not None:
        argv += ["--", "--profile", str(brand.profile)]
    subprocess.run(argv, check=True, cwd=ROOT)
    return OUT / "devicecheck"


def missing_libraries(onedir: Path) -> list[str]:
    """Every ELF file in the bundle, asked through ldd with the bundle's own folder first: what is not found."""
    internal = onedir / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    problems = []
    for path in sorted(onedir.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, check=False).stdout
        problems += [f"{path.relative_to(onedir)}: {ln.split()[0]}" for ln in out.splitlines() if "not found" in ln]
    return problems


def tree_bytes(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())


def print_budget(deb: Path, tarball: Path, onedir: Path) -> None:
    from launch_time import Launch, time_version, time_window

    mb = 1024 * 1024
    deb_mb = deb.stat().st_size / mb
    say("size budget")
    verdict = "ok" if deb_mb <= BUDGET_DEB_MB else "OVER"
    print(f"  .deb            {deb_mb:6.1f} MB  (budget {BUDGET_DEB_MB} MB: {verdict})")
    print(f"  .tar.gz         {tarball.stat().st_size / mb:6.1f} MB")
    onedir_mb = tree_bytes(onedir) / mb
    verdict = "ok" if onedir_mb <= BUDGET_ONEDIR_MB else "OVER"
    print(
        f"  onedir          {onedir_mb:6.1f} MB  (budget {BUDGET_ONEDIR_MB} MB: {verdict}; {onedir.relative_to(ROOT)})"
    )
    print(f"  --version       {time_version(onedir / 'devicecheck'):6.3f} s   (median of 5)")
    window = time_window(onedir / "devicecheck")
    if isinstance(window, Launch):
        verdict = "ok" if window.median <= BUDGET_WINDOW_S else "OVER"
        runs = ", ".join(f"{s:.3f}" for s in window.shown)
        print(
            f"  window shown    {window.median:6.3f} s   (budget {BUDGET_WINDOW_S} s: {verdict}; from process start, "
            f"median of {len(window.shown)} on {window.display}: {runs})"
        )
        print(f"  last result     {statistics.median(window.results):6.3f} s   (every check finished on this machine)")
    else:
        print(f"  window shown    not measured: {window}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/package.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", metavar="FILE", help="agency profile (TOML) to bake into the installers")
    parser.add_argument("--no-budget", action="store_true", help="Linux: skip the launch-time measurement")
    parser.add_argument(
        "--certificate", metavar="PFX", help="Windows: sign with this .pfx (password in DEVICECHECK_PFX_PASSWORD)"
    )
    parser.add_argument("--thumbprint", metavar="SHA1", help="Windows: sign with this certificate from the store")
    parser.add_argument(
        "--identity", metavar="NAME", help='macOS: "Developer ID Application: ..." to sign, notarise and make the .dmg'
    )
    args = parser.parse_args(argv)
    try:
        brand = load_brand(args.profile)
    except ProfileError as exc:
        print(f"packaging/package.py: {exc}", file=sys.stderr)
        return 2
    linux = sys.platform.startswith("linux")
    for tool in ("dpkg-deb", "ldd", "strip") if linux else ():
        if not shutil.which(tool):
            print(
                f"packaging/package.py: needs {tool} (Debian/Ubuntu: apt-get install dpkg libc-bin binutils)",
                file=sys.stderr,
            )
            return 2
    say(f"building {brand.display_name} {brand.version}" + (f" with {args.profile}" if args.profile else ""))
    onedir = run_pyinstaller(brand)
    (OUT / "brand.json").write_text(
        json.dumps({"version": brand.version, "display_name": brand.display_name, "file_stem": brand.file_stem}),
        encoding="utf-8",
    )
    if not linux:
        from installers_win_mac import macos_dmg, windows_installer

        if sys.platform == "win32":
            say(f"wrote {windows_installer(onedir, brand, args.certificate, args.thumbprint)}")
        else:
            dmg = macos_dmg(brand, args.identity)
            if dmg:
                say(f"wrote {dmg}")
        return 0
    problems = missing_libraries(onedir)
    if problems:
        print("packaging/package.py: the bundle misses libraries:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    deb = build_deb(onedir, brand, WORK / "deb-root", DIST)
    tarball = build_tarball(onedir, brand, DIST)
    say(f"wrote {deb.relative_to(ROOT)}")
    say(f"wrote {tarball.relative_to(ROOT)}")
    if not args.no_budget:
        print_budget(deb, tarball, onedir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
