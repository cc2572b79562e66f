"""Autologin set where 0.1.0 never looked: LXDM, nodm and a whole getty unit replaced in /etc/systemd/system.
Real files in a temporary root, read by the real probe (tests/rooted.py).

Formats. LXDM: the [base] section as Lubuntu/LXDM ship it, copied by users into public posts (Lubuntu forum
thread "lubuntu 12.04 cannot disable autologin", 2012-07-11; Arch Wiki "LXDM", mirrored in
greg-js/arch-wiki-md-repo wiki/_content/LXDM.md); upstream's own data/lxdm.conf.in was not fetched here
(unconfirmed). nodm: Debian's /etc/default/nodm as reproduced in logan2611/touchprint
stage3/00-install-packages/01-run.sh ("Set NODM_ENABLED to something different than 'false' to enable
nodm"); treating "no" as off too follows old Debian init scripts (unconfirmed). getty: the ExecStart of
systemd's units/getty@.service.in with agetty(8)'s --autologin / -a, as `systemctl edit --full getty@tty1`
leaves a whole copy in /etc/systemd/system (the unit text is from memory of systemd 252, unconfirmed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.engine import Engine, RunOptions
from checks.model import CheckResult, Status
from checks.probes.linux_autologin import lxdm_autologin, nodm_autologin
from checks.profile import load_profile
from tests.rooted import RootedSystem, write

LXDM_SHIPPED = """[base]
## uncomment and set autologin username to enable autologin
# autologin=dgod

## uncomment and set timeout to enable timeout autologin,
## the value should >=5
# timeout=10

## default session or desktop used when no systemwide config
# session=/usr/bin/startlxde
"""
NODM_SHIPPED = """# nodm configuration

# Set NODM_ENABLED to something different than 'false' to enable nodm
NODM_ENABLED=false

# User to autologin for
NODM_USER=root

# First vt to try when looking for free VTs
NODM_FIRST_VT=7
"""
GETTY_UNIT = """[Unit]
Description=Getty on %I
Documentation=man:agetty(8) man:systemd-getty-generator(8)
After=systemd-user-sessions.service plymouth-quit-wait.service getty-pre.target

[Service]
ExecStart=-/sbin/agetty -o '-p -- \\\\u' --noclear - $TERM
Type=idle
Restart=always

[Install]
WantedBy=getty.target
"""


def autologin(root: Path) -> CheckResult:
    return Engine(RootedSystem(root), load_profile()).run(RunOptions(only=("autologin",)))[0]


def test_shipped_lxdm_and_nodm_pass_having_read_them(tmp_path: Path) -> None:
    write(tmp_path, "/etc/lxdm/lxdm.conf", LXDM_SHIPPED)
    write(tmp_path, "/etc/default/nodm", NODM_SHIPPED)
    result = autologin(tmp_path)
    assert result.status is Status.PASS, result.detail
    assert result.evidence["checked"] == ["/etc/default/nodm", "/etc/lxdm/lxdm.conf"]


@pytest.mark.parametrize(
    ("path", "text", "user"),
    [
        ("/etc/lxdm/lxdm.conf", LXDM_SHIPPED.replace("# autologin=dgod", "autologin=sam"), "sam"),
        ("/etc/lxdm/default.conf", LXDM_SHIPPED.replace("# autologin=dgod", "autologin=kim"), "kim"),
        (
            "/etc/default/nodm",
            NODM_SHIPPED.replace("NODM_ENABLED=false", "NODM_ENABLED=true").replace("=root", "=sam"),
            "sam",
        ),
        (
            "/etc/systemd/system/getty@tty1.service",
            GETTY_UNIT.replace("--noclear -", "--noclear --autologin sam -"),
            "sam",
        ),
        ("/etc/systemd/system/autovt@tty2.service", GETTY_UNIT.replace("--noclear", "-a kim --noclear"), "kim"),
    ],
)
def test_autologin_found_in_each_new_place(path: str, text: str, user: str, tmp_path: Path) -> None:
    write(tmp_path, path, text)
    result = autologin(tmp_path)
    assert result.status is Status.FAIL, result.detail
    assert result.evidence["where"] == [path] and result.evidence["user"] == user


def test_a_whole_getty_unit_without_autologin_is_read_and_passes(tmp_path: Path) -> None:
    write(tmp_path, "/etc/systemd/system/getty@tty1.service", GETTY_UNIT)
    result = autologin(tmp_path)
    assert result.status is Status.PASS and result.evidence["checked"] == ["/etc/systemd/system/getty@tty1.service"]


def test_parsers_on_edge_cases() -> None:
    assert lxdm_autologin("[display]\nautologin=sam\n") is None  # only [base] counts
    assert nodm_autologin("NODM_ENABLED=no\nNODM_USER=sam\n") is None
    assert nodm_autologin('NODM_ENABLED="yes"  # on\n') == "root"  # nodm's own default account
