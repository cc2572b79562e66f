"""The installer build's own parts, fast: branding, the Qt trim, the .deb and tarball layout (real dpkg-deb),
and bad profiles. The full build-install-run-remove test is tests/packaging/test_package_install.py."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from checks.profile import ProfileError
from tests.conftest import ROOT, need

PACKAGING = ROOT / "packaging"
SAMPLE = ROOT / "resources" / "profiles" / "sample-agency.toml"


@pytest.fixture(scope="module")
def build_modules() -> dict[str, object]:
    sys.path.insert(0, str(PACKAGING))
    try:
        return {name: importlib.import_module(name) for name in ("branding", "debian", "qt_trim")}
    finally:
        sys.path.remove(str(PACKAGING))


def test_branded_names_carry_the_agency(build_modules: dict) -> None:
    brand = build_modules["branding"].load_brand(SAMPLE)
    assert brand.agency == "Northfield Supply Teachers"
    assert brand.display_name == "Device Check — Northfield Supply Teachers"
    assert (
        build_modules["debian"].deb_name(brand) == f"devicecheck-northfield-supply-teachers_{brand.version}_amd64.deb"
    )
    assert build_modules["debian"].tarball_name(brand) == (
        f"devicecheck-northfield-supply-teachers-{brand.version}-linux-x86_64.tar.gz"
    )


def test_a_build_without_a_profile_is_plain_device_check(build_modules: dict) -> None:
    from checks._version import __version__

    brand = build_modules["branding"].load_brand(None)
    assert (brand.agency, brand.display_name, brand.profile) == ("", "Device Check", None)
    assert build_modules["debian"].deb_name(brand) == f"devicecheck_{__version__}_amd64.deb"


def test_a_bad_profile_stops_the_build_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "agency.toml"
    bad.write_text('[lock]\nmax_idle_minutes = "soon"\n', encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(PACKAGING / "package.py"), "--profile", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and str(bad) in res.stderr and "max_idle_minutes" in res.stderr
    assert "Traceback" not in res.stderr and "building" not in res.stdout  # stopped before PyInstaller


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),  # a native window on a Wayland session
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
        ("PySide6/Qt/plugins/wayland-decoration-client/libbradient.so", True),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so", True),
        ("PySide6/Qt/plugins/wayland-graphics-integration-server/libqt-wayland-compositor-wayland-egl.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ],
)
def test_the_qt_trim_keeps_what_a_window_needs(build_modules: dict, dest: str, kept: bool) -> None:
    assert build_modules["qt_trim"].wanted(f"/site/{dest}", str(Path(dest).parent)) is kept


def fake_bundle(root: Path) -> Path:
    """A stand-in onedir: an executable script and a data file (the real bundle is built by the slow test)."""
    onedir = root / "devicecheck"
    (onedir / "_internal" / "resources").mkdir(parents=True)
    exe = onedir / "devicecheck"
    exe.write_text("#!/bin/sh\necho devicecheck 0.0\n", encoding="utf-8")
    exe.chmod(0o700)
    (onedir / "_internal" / "resources" / "note.txt").write_text("x", encoding="utf-8")
    return onedir


def test_the_deb_installs_under_opt_with_a_command_menu_entry_and_icon(build_modules: dict, tmp_path: Path) -> None:
    need("dpkg-deb")
    brand = build_modules["branding"].load_brand(SAMPLE)
    deb = build_modules["debian"].build_deb(fake_bundle(tmp_path), brand, tmp_path / "stage", tmp_path / "dist")
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "Package: devicecheck\n" in fields
    assert "Description: Device Check — Northfield Supply Teachers\n" in fields
    depends = next(line for line in fields.splitlines() if line.startswith("Depends:"))
    for lib in (
        "libegl1",
        "libgl1",
        "libxkbcommon0",
        "libxkbcommon-x11-0",
        "libfontconfig1",
        "libdbus-1-3",
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libwayland-client0",
        "libwayland-cursor0",
        "libwayland-egl1",
    ):
        assert lib in depends
    # Ubuntu 24.04 has only the t64 name; Debian 12 only the old one. Either satisfies the .deb.
    assert "libglib2.0-0t64 | libglib2.0-0" in depends
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    rows = {line.split()[5].removeprefix("."): line for line in listing.splitlines()}
    assert rows["/opt/devicecheck/devicecheck"].startswith("-rwxr-xr-x root/root")
    assert rows["/opt/devicecheck/_internal/resources/note.txt"].startswith("-rw-r--r-- root/root")
    assert "-> /opt/devicecheck/devicecheck" in rows["/usr/bin/devicecheck"]
    assert "/usr/share/icons/hicolor/256x256/apps/devicecheck.png" in rows
    entry = (tmp_path / "stage" / "usr" / "share" / "applications" / "devicecheck.desktop").read_text(encoding="utf-8")
    assert "Name=Device Check — Northfield Supply Teachers\n" in entry and "Exec=devicecheck\n" in entry


def test_the_tarball_holds_the_bundle_in_one_folder(build_modules: dict, tmp_path: Path) -> None:
    brand = build_modules["branding"].load_brand(None)
    path = build_modules["debian"].build_tarball(fake_bundle(tmp_path), brand, tmp_path / "dist")
    with tarfile.open(path) as tar:
        members = {m.name: m for m in tar.getmembers()}
    top = f"devicecheck-{brand.version}"
    assert {m.split("/")[0] for m in members} == {top}
    assert members[f"{top}/devicecheck"].mode & 0o100 and members[f"{top}/devicecheck"].uname == "root"
    assert f"{top}/devicecheck.png" in members


def test_every_package_folder_is_listed_in_pyproject() -> None:
    """pyproject.toml lists packages by hand (resources are mapped to devicecheck_resources), so a new
    sub-package left out of the list would be missing from `pip install .` and the wheel."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("checks", "desktop")
        for init in (ROOT / top).rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_the_profiles_logo_is_bundled_beside_it(build_modules: dict, tmp_path: Path) -> None:
    (tmp_path / "art").mkdir()
    logo = tmp_path / "art" / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    profile = tmp_path / "agency.toml"
    text = SAMPLE.read_text(encoding="utf-8").replace("[agency]\n", '[agency]\nlogo = "art/logo.png"\n', 1)
    profile.write_text(text, encoding="utf-8")
    brand = build_modules["branding"].load_brand(profile)
    assert (brand.logo, brand.logo_name) == (logo, "art/logo.png")
    assert build_modules["branding"].load_brand(SAMPLE).logo is None  # no logo named: nothing to bundle


@pytest.mark.parametrize(
    ("logo", "words"),
    [("missing.png", "no such file"), ("../outside.png", "relative to the profile"), ("/etc/hostname", "relative")],
)
def test_a_logo_that_cannot_be_bundled_stops_the_build_with_one_line(
    build_modules: dict, tmp_path: Path, logo: str, words: str
) -> None:
    (tmp_path / "outside.png").write_bytes(b"x")
    folder = tmp_path / "profile"
    folder.mkdir()
    profile = folder / "agency.toml"
    profile.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("[agency]\n", f'[agency]\nlogo = "{logo}"\n', 1), encoding="utf-8"
    )
    res = subprocess.run(
        [sys.executable, str(PACKAGING / "package.py"), "--profile", str(profile)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and str(profile) in res.stderr and "logo" in res.stderr and words in res.stderr
    assert "Traceback" not in res.stderr


@pytest.fixture(scope="module")
def lib_trim() -> object:
    sys.path.insert(0, str(PACKAGING))
    try:
        return importlib.import_module("lib_trim")
    finally:
        sys.path.remove(str(PACKAGING))


def test_the_bundle_leaves_out_only_system_libraries_the_package_requires(build_modules: dict, lib_trim) -> None:
    """Each library left out of the onedir must be installed by the .deb's Depends: asked of this machine's
    real dpkg (which package owns the library) and apt (what the Depends pull in)."""
    need("dpkg", "apt-cache", "ldconfig")
    depends = [alt.split("|")[-1].split("(")[0].strip() for alt in build_modules["debian"].depends()]
    closure = subprocess.run(
        ["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts", "--no-breaks",
         "--no-replaces", "--no-enhances", *depends],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    pulled_in = {line.strip() for line in closure.splitlines() if line and not line.startswith(" ")}
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    checked = 0
    for stem, package in lib_trim.SYSTEM_LIBRARIES.items():
        assert package in depends, f"{stem}: {package} is not in the .deb's Depends"
        path = next(
            (ln.split("=>")[-1].strip() for ln in cache.splitlines() if ln.strip().startswith(stem + ".so")), ""
        )
        if not path:
            continue  # not on this machine, so not in this build's bundle either
        owner = dpkg_owner(path)
        assert owner, f"{stem}: no package owns {path}"
        assert owner in pulled_in, f"{stem} comes from {owner}, which the Depends do not pull in"
        checked += 1
    assert checked >= 20, "too few libraries found on this machine to prove anything"


def dpkg_owner(path: str) -> str:
    """The package owning a library, under any of its merged-/usr names (/lib or /usr/lib, link or target)."""
    real = os.path.realpath(path)
    names = {path, real}
    for name in list(names):
        names |= {name.removeprefix("/usr"), "/usr" + name} if name.startswith("/usr/") else {"/usr" + name}
    for name in sorted(names):
        out = subprocess.run(["dpkg", "-S", name], capture_output=True, text=True, check=False).stdout
        if out.strip():
            return out.split(":")[0].strip()
    return ""


def test_the_trim_drops_system_libraries_and_keeps_the_rest(lib_trim) -> None:
    toc = [
        ("libglib-2.0.so.0", "/usr/lib/x86_64-linux-gnu/libglib-2.0.so.0", "BINARY"),
        ("libxcb-icccm.so.4", "/usr/lib/x86_64-linux-gnu/libxcb-icccm.so.4", "BINARY"),
        ("libxcb-glx.so.0", "/usr/lib/x86_64-linux-gnu/libxcb-glx.so.0", "BINARY"),  # not brought by Depends
        ("PySide6/Qt/lib/libQt6Core.so.6", "/site/PySide6/Qt/lib/libQt6Core.so.6", "BINARY"),
        ("libsqlite3.so.0", "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0", "BINARY"),
    ]
    assert [name for name, _src, _kind in lib_trim.trim(toc)] == [
        "libxcb-glx.so.0",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "libsqlite3.so.0",
    ]


def test_the_profiles_policy_text_is_bundled_beside_it(build_modules: dict, tmp_path: Path) -> None:
    policy = tmp_path / "policy.txt"
    policy.write_text("Our Policy\n\n- One.\n- Two.\n- Three.\n- Four.\n- Five.\n" + "- More.\n" * 10, encoding="utf-8")
    profile = tmp_path / "agency.toml"
    profile.write_text(SAMPLE.read_text(encoding="utf-8") + '\n[policy]\nfile = "policy.txt"\n', encoding="utf-8")
    brand = build_modules["branding"].load_brand(profile)
    assert (brand.policy, brand.policy_name) == (policy, "policy.txt")
    assert build_modules["branding"].load_brand(SAMPLE).policy is None
    spec = (ROOT / "packaging" / "devicecheck.spec").read_text(encoding="utf-8")
    assert "brand.policy_name" in spec  # the build puts it beside agency.toml, where [policy] file looks


def test_a_policy_file_outside_the_profiles_folder_stops_the_build(build_modules: dict, tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("T\n" + "- clause\n" * 15, encoding="utf-8")
    (tmp_path / "inner").mkdir()
    profile = tmp_path / "inner" / "agency.toml"
    profile.write_text('[policy]\nfile = "../outside.txt"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"\[policy\] file = '\.\./outside\.txt': give the policy text's path"):
        build_modules["branding"].load_brand(profile)
