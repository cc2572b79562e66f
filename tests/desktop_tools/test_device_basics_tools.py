"""Firewall and automatic updates on Linux, driven with the real tools: `ufw enable`/`ufw disable` (in a
private network namespace, so this machine's own firewall is never touched, and with ufw's --rootdir, so
its files land in tmp_path), apt's own `apt-config` as the referee for the apt.conf reading, the files
unattended-upgrades ships, and GNOME Software's real schema through `gsettings` on a private session bus."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from checks.engine import Engine, RunOptions
from checks.model import Status
from checks.probes.linux_os_updates import automatic_updates
from checks.profile import load_profile
from checks.readers.apt_conf import is_part_name, parse_apt_conf
from tests.conftest import need
from tests.rooted import RootedSystem, write
from tests.session_bus import desktop_env, run_ok, session_bus, use_env

UFW_TREES = ("etc/ufw", "etc/default", "lib/ufw", "usr/share/ufw")
UU_SHIPPED = Path("/usr/share/unattended-upgrades")


def result(system, check_id: str):
    return Engine(system, load_profile()).run(RunOptions(only=(check_id,)))[0]


@pytest.fixture
def ufw_root(tmp_path: Path) -> Path:
    need("ufw", "unshare")
    if os.geteuid() != 0:
        pytest.skip("ufw enable needs root (and a private network namespace from unshare)")
    root = tmp_path / "root"
    for tree in UFW_TREES:
        source = Path("/") / tree
        if source.is_dir():
            shutil.copytree(source, root / tree, symlinks=True)
    return root


def ufw(root: Path, *args: str) -> str:
    argv = ["unshare", "--net", "ufw", f"--rootdir={root}", f"--datadir={root}", *args]
    res = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    assert res.returncode == 0, f"ufw {' '.join(args)} failed: {res.stderr.strip()}"
    return res.stdout


def test_ufw_enable_and_disable_are_read_from_its_own_file(ufw_root: Path):
    system = RootedSystem(ufw_root)
    assert result(system, "firewall").status is Status.WARN  # as shipped: ENABLED=no

    assert "enabled" in ufw(ufw_root, "--force", "enable")
    conf = ufw_root / "etc/ufw/ufw.conf"
    assert stat.S_IMODE(conf.stat().st_mode) & 0o004, "a candidate (not root) must be able to read ufw.conf"
    on = result(system, "firewall")
    assert on.status is Status.PASS and on.evidence["product"] == "ufw"

    assert "disabled" in ufw(ufw_root, "disable")
    off = result(system, "firewall")
    assert off.status is Status.WARN and "ufw" in off.detail and off.fix and off.fix.steps


def test_nothing_readable_is_cant_tell(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    unknown = result(RootedSystem(tmp_path / "empty"), "firewall")
    assert unknown.status is Status.UNKNOWN and "ufw, firewalld, nftables" in unknown.detail


def apt_config_dump(root: Path) -> dict[str, str]:
    """apt's own reading of the parts folder under `root`: APT_CONFIG is read first and moves the parts."""
    main = write(
        root,
        "apt-main.conf",
        f'Dir::Etc::Parts "{root}/etc/apt/apt.conf.d"; Dir::Etc::Main "{root}/etc/apt/apt.conf";\n',
    )
    env = dict(os.environ, APT_CONFIG=str(main))
    out = subprocess.run(
        ["apt-config", "dump", "APT::Periodic"], capture_output=True, text=True, env=env, timeout=20, check=True
    ).stdout
    values = {}
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        if value.startswith('"') and key.lower().startswith("apt::periodic::"):  # not the bare parent node
            values[key.lower()] = value.strip().rstrip(";").strip('"')
    return values


def our_reading(root: Path) -> dict[str, str]:
    parts = root / "etc/apt/apt.conf.d"
    values: dict[str, str] = {}
    for name in sorted(os.listdir(parts)):
        if is_part_name(name):
            values = parse_apt_conf((parts / name).read_text(), values)
    return {k: v for k, v in values.items() if k.startswith("apt::periodic::")}


def test_apt_conf_is_read_as_apt_config_reads_it(tmp_path: Path):
    need("apt-config")
    if not (UU_SHIPPED / "20auto-upgrades").is_file():
        pytest.skip("unattended-upgrades is not installed (python3 dev.py test installs it as root)")
    root = tmp_path / "root"
    parts = root / "etc/apt/apt.conf.d"
    parts.mkdir(parents=True)
    shutil.copy(UU_SHIPPED / "20auto-upgrades", parts / "20auto-upgrades")  # what `dpkg-reconfigure` writes
    assert our_reading(root) == apt_config_dump(root)
    assert our_reading(root)["apt::periodic::unattended-upgrade"] == "1"

    # A later file in nested syntax turns it off; a leftover .dpkg-old file is skipped by apt.
    write(root, "etc/apt/apt.conf.d/99local", 'APT {\n  Periodic {\n    Unattended-Upgrade "0"; // off\n  };\n};\n')
    shutil.copy(UU_SHIPPED / "20auto-upgrades", parts / "99zz.dpkg-old")
    assert our_reading(root) == apt_config_dump(root)
    assert our_reading(root)["apt::periodic::unattended-upgrade"] == "0"


def test_unattended_upgrades_shipped_files_on_and_off(tmp_path: Path):
    need("unattended-upgrade")
    root = tmp_path / "root"
    system = RootedSystem(root)
    ctx = Engine(system, load_profile()).context()
    for shipped, on in (("20auto-upgrades", True), ("20auto-upgrades-disabled", False)):
        write(root, "etc/apt/apt.conf.d/20auto-upgrades", (UU_SHIPPED / shipped).read_text())
        _, found_on, found_off = automatic_updates(ctx, [])
        if on:
            assert "unattended-upgrades (every 1 day)" in found_on
        else:
            assert any("unattended-upgrades is installed but switched off" in h for h in found_off), found_off


def test_gnome_software_automatic_updates_through_real_gsettings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    need("gsettings", "dbus-daemon", "gnome-software")
    with session_bus(desktop_env(tmp_path / "home", "GNOME")) as bus_env:
        use_env(monkeypatch, bus_env)
        # An empty root: no apt configuration or Discover file says "automatic" first, so gsettings is asked.
        (tmp_path / "root").mkdir()
        ctx = Engine(RootedSystem(tmp_path / "root"), load_profile()).context()
        _, found_on, _ = automatic_updates(ctx, [])
        assert "GNOME Software (download and install updates)" in found_on  # the schema's default: on
        run_ok(["gsettings", "set", "org.gnome.software", "download-updates", "false"], bus_env)
        ctx = Engine(RootedSystem(tmp_path / "root"), load_profile()).context()
        _, found_on, found_off = automatic_updates(ctx, [])
        assert "GNOME Software's automatic updates are off" in found_off
        assert not any("GNOME" in h for h in found_on)
