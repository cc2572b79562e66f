"""Autologin: real display-manager and getty configuration files in a temporary root, read by the real
probe through a LiveSystem rooted there (tests/rooted.py), and judged as a user would see it.

File contents follow each project's documented format: GDM's custom.conf as Debian/Ubuntu ship it (the
commented examples included), SDDM's sddm.conf(5) [Autologin], LightDM's lightdm.conf [Seat:*], the
systemd getty drop-in from the Arch Wiki "getty" page, and greetd's config.toml from greetd(5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.engine import Engine, RunOptions
from checks.model import Status
from checks.probes.linux_autologin import autologin_from_files, getty_autologin
from checks.profile import load_profile
from tests.rooted import RootedSystem, write

GDM_SHIPPED = """# GDM configuration storage
#
# See /usr/share/gdm/gdm.schemas for a list of available options.

[daemon]
# Uncomment the line below to force the login screen to use Xorg
#WaylandEnable=false

# Enabling automatic login
#  AutomaticLoginEnable = true
#  AutomaticLogin = user1

# Enabling timed login
#  TimedLoginEnable = true
#  TimedLogin = user1
#  TimedLoginDelay = 10

[security]

[xdmcp]

[chooser]

[debug]
# Uncomment the line below to turn on debugging
#Enable=true
"""
LIGHTDM_SHIPPED = """[LightDM]
#start-default-seat=true

[Seat:*]
#autologin-guest=false
#autologin-user=
#autologin-user-timeout=0
greeter-session=lightdm-gtk-greeter
"""


def autologin(root: Path):
    engine = Engine(RootedSystem(root), load_profile())
    return engine.run(RunOptions(only=("autologin",)))[0]


def test_shipped_configs_with_commented_examples_pass(tmp_path):
    write(tmp_path, "/etc/gdm3/custom.conf", GDM_SHIPPED)
    write(tmp_path, "/etc/lightdm/lightdm.conf", LIGHTDM_SHIPPED)
    write(tmp_path, "/etc/sddm.conf.d/kde_settings.conf", "[Autologin]\nRelogin=false\nSession=\nUser=\n")
    result = autologin(tmp_path)
    assert result.status is Status.PASS, result.detail
    assert "/etc/gdm3/custom.conf" in result.evidence["checked"]
    assert "/etc/sddm.conf.d/kde_settings.conf" in result.evidence["checked"]


def test_no_sign_in_screen_settings_read_is_cant_tell_never_a_pass(tmp_path):
    result = autologin(tmp_path)
    assert result.status is Status.UNKNOWN, result.detail
    assert "LXDM" in result.detail and "nodm" in result.detail


@pytest.mark.parametrize(
    ("path", "text", "user"),
    [
        (
            "/etc/gdm3/custom.conf",
            GDM_SHIPPED.replace(
                "#  AutomaticLoginEnable = true\n#  AutomaticLogin = user1",
                "AutomaticLoginEnable = true\nAutomaticLogin = sam",
            ),
            "sam",
        ),
        ("/etc/gdm/custom.conf", "[daemon]\nTimedLoginEnable=True\nTimedLogin=sam\nTimedLoginDelay=10\n", "sam"),
        ("/etc/sddm.conf", "[Autologin]\nUser=sam\nSession=plasma\n", "sam"),
        ("/usr/lib/sddm/sddm.conf.d/autologin.conf", "[Autologin]\nUser=sam\n", "sam"),
        ("/etc/lightdm/lightdm.conf", LIGHTDM_SHIPPED.replace("#autologin-user=", "autologin-user=sam"), "sam"),
        ("/etc/lightdm/lightdm.conf.d/50-auto.conf", "[Seat:*]\nautologin-user=sam\n", "sam"),
        (
            "/etc/systemd/system/getty@tty1.service.d/autologin.conf",
            "[Service]\nExecStart=\nExecStart=-/sbin/agetty -o '-p -f -- \\\\u' --noclear --autologin sam %I $TERM\n",
            "sam",
        ),
        (
            "/etc/greetd/config.toml",
            '[terminal]\nvt = 1\n\n[default_session]\ncommand = "agreety --cmd /bin/sh"\nuser = "greeter"\n\n'
            '[initial_session]\ncommand = "sway"\nuser = "sam"\n',
            "sam",
        ),
    ],
)
def test_each_way_of_turning_it_on_fails_naming_the_file(tmp_path, path, text, user):
    write(tmp_path, path, text)
    result = autologin(tmp_path)
    assert result.status is Status.FAIL, result.detail
    assert f"as '{user}'" in result.detail
    assert result.evidence["where"] == [path]
    assert result.fix is not None and result.fix.steps


def test_a_later_sddm_file_switches_it_off_again(tmp_path):
    # SDDM reads /usr/lib/sddm/sddm.conf.d, then /etc/sddm.conf.d, then /etc/sddm.conf: later wins.
    write(tmp_path, "/usr/lib/sddm/sddm.conf.d/10-vendor.conf", "[Autologin]\nUser=demo\n")
    write(tmp_path, "/etc/sddm.conf", "[Autologin]\nUser=\n")
    assert autologin(tmp_path).status is Status.PASS


def test_unreadable_file_is_unknown_not_pass_replayed():
    # Recorded as a snapshot records it, so the case is proven even when the tests run as root.
    from checks.snapshot import ReplaySystem

    snap = {
        "schema": "devicecheck-snapshot/1",
        "platform": "linux",
        "taken_at": "2026-11-25T10:30:00+00:00",
        "files": {"/etc/sddm.conf": {"denied": True}},
    }
    result = Engine(ReplaySystem(snap), load_profile()).run(RunOptions(only=("autologin",)))[0]
    assert result.status is Status.UNKNOWN and "/etc/sddm.conf" in result.detail


def test_pure_parsers():
    assert getty_autologin("[Service]\nExecStart=\nExecStart=-/sbin/agetty -a kim - $TERM\n") == "kim"
    assert getty_autologin("[Service]\n#ExecStart=-/sbin/agetty --autologin kim\n") is None
    facts = autologin_from_files({"/etc/lightdm/lightdm.conf": "[Seat:*]\nautologin-guest=true\n"})
    assert facts.enabled and facts.user == "guest"
