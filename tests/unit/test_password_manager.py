"""password-manager: a real program on PATH, real extension folders, and none at all."""

import shutil
import subprocess

from checks.probes.linux_password_manager import parse_dpkg
from tests.conftest import only_result, run_cli


def check(home, path):
    proc = run_cli(
        "check",
        "--json",
        "--only",
        "password-manager",
        env={"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "PATH": str(path)},
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return only_result(proc)


def test_none_found_warns_with_steps(tmp_path):
    home, bin_dir = tmp_path / "home", tmp_path / "bin"
    home.mkdir()
    bin_dir.mkdir()
    result = check(home, bin_dir)
    assert result["status"] == "warn"
    assert "No password manager" in result["detail"]
    assert len(result["fix"]["steps"]) >= 3


def test_program_on_path_is_found(tmp_path):
    home, bin_dir = tmp_path / "home", tmp_path / "bin"
    home.mkdir()
    bin_dir.mkdir()
    shutil.copy("/bin/true", bin_dir / "keepassxc")
    result = check(home, bin_dir)
    assert result["status"] == "pass"
    assert "KeePassXC (installed program)" in result["detail"]


def test_browser_extensions_by_id(tmp_path):
    home, bin_dir = tmp_path / "home", tmp_path / "bin"
    # Chrome keeps an extension in <profile>/Extensions/<id>/<version>/; Firefox as <profile>/extensions/<id>.xpi.
    (home / ".config/google-chrome/Profile 2/Extensions/nngceckbapebfimnlniiiahkandclblb/2025.1.0_0").mkdir(
        parents=True
    )
    ff = home / ".mozilla/firefox"
    (ff / "p.default/extensions").mkdir(parents=True)
    (ff / "p.default/extensions/{d634138d-c276-4fc8-924b-40a0ea21d284}.xpi").write_bytes(b"PK")
    (ff / "p.default/extensions/uBlock0@raymondhill.net.xpi").write_bytes(b"PK")
    (ff / "profiles.ini").write_text("[Profile0]\nName=default\nIsRelative=1\nPath=p.default\n")
    bin_dir.mkdir()
    result = check(home, bin_dir)
    assert result["status"] == "pass"
    assert result["evidence"]["found"] == ["Bitwarden (Chrome extension)", "1Password (Firefox extension)"]


def test_dpkg_output_of_this_machine_parses():
    # Real dpkg-query output in the probe's own format, for an installed package and an unknown one.
    proc = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Abbrev}\n", "sqlite3", "no-such-pkg-x"],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode == 127 or not proc.stdout:
        return
    line = proc.stdout.splitlines()[0]
    assert line.split()[0] == "sqlite3" and line.split()[1].startswith("ii")
    assert parse_dpkg(line.replace("sqlite3", "keepassxc", 1)) == ["keepassxc"]
    assert parse_dpkg("keepassxc rc \n") == []  # removed, config files left: not installed
