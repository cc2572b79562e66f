"""Snapshots hold only what the checks need. Markers are planted where 0.1.0 leaked them: a proxy password
in a browser flags file, a login in a real mount's source, and another user's program. None may reach the
snapshot, the JSON report or the PDF, and the replay must give the verdicts the live run gave."""

import json
import os
import subprocess
import uuid
from pathlib import Path

import pytest

from checks.snapshot_redact import judged_mounts, password_store_flags
from tests.conftest import FIXTURES, need, other_user_running, run_cli

PROXY_SECRET = "proxy-pw-" + uuid.uuid4().hex[:8]
MOUNT_SECRET = "ftp-pw-" + uuid.uuid4().hex[:8]
OTHER_PROGRAM = "Other" + uuid.uuid4().hex[:6]


@pytest.fixture
def real_mount(tmp_path):
    """A real tmpfs whose source carries a login, as curlftpfs's `ftp://user:password@host/` does."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount")
    point = tmp_path / "ftp"
    point.mkdir()
    source = f"ftp://candidate:{MOUNT_SECRET}@files.example.org/"
    done = subprocess.run(["mount", "-t", "tmpfs", source, str(point)], capture_output=True, text=True, check=False)
    if done.returncode:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")
    try:
        assert MOUNT_SECRET in Path("/proc/self/mounts").read_text()
        yield point
    finally:
        subprocess.run(["umount", str(point)], check=False)


def test_no_planted_secret_reaches_the_snapshot_report_or_pdf(tmp_path, real_mount):
    need("pdftotext")
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "chromium-flags.conf").write_text(
        f"# my flags\n--proxy-server=http://me:{PROXY_SECRET}@proxy.example.org:3128\n--password-store=basic\n"
    )
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    snap, pdf = tmp_path / "snap.json", tmp_path / "r.pdf"
    with other_user_running(OTHER_PROGRAM):
        live = run_cli("check", "--json", env=env)
        made = run_cli("snapshot", "-o", str(snap), env=env)
    assert made.returncode == 0, made.stderr
    replay = run_cli("check", "--json", "--replay", str(snap), "--pdf", str(pdf), env=env)
    pdf_text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    snapshot_text = snap.read_text()
    for where, text in (
        ("snapshot", snapshot_text),
        ("live JSON", live.stdout),
        ("replay JSON", replay.stdout),
        ("PDF", pdf_text),
    ):
        for marker in (PROXY_SECRET, MOUNT_SECRET, OTHER_PROGRAM, "files.example.org", "proxy.example.org"):
            assert marker not in text, f"{marker} found in the {where}"

    data = json.loads(snapshot_text)
    flags = str(home / ".config" / "chromium-flags.conf")
    assert data["files"][flags] == "--password-store=basic\n"  # what the check needs, and only that
    assert all(line.split()[1] == "/" for line in data["files"]["/proc/self/mounts"].splitlines())
    assert all(set(p) == {"name", "exe", "cmdline"} for p in data["processes"])  # names only: no PID
    statuses = {r["id"]: r["status"] for r in json.loads(live.stdout)["results"]}
    assert {r["id"]: r["status"] for r in json.loads(replay.stdout)["results"]} == statuses
    assert statuses["browser-passwords"] == "warn"  # the flag still counts after the file was cut down


def test_mount_table_keeps_only_the_system_folder_without_a_login():
    recorded = (FIXTURES / "linux" / "proc-mounts-this-machine.txt").read_text()
    text = recorded + "sam:secret@nas.local:/home /mnt/nas fuse.sshfs rw 0 0\n"
    text += "ftp://sam:secret@10.0.0.2/ / fuse rw 0 0\n"  # a login even on "/": only the host is kept
    kept = judged_mounts(text)
    assert "secret" not in kept and "/mnt/nas" not in kept
    assert kept.splitlines()[-1] == "ftp://10.0.0.2/ / fuse"
    assert all(line.split()[1] == "/" for line in kept.splitlines())


def test_flags_file_keeps_only_the_password_store_flag():
    text = "--proxy-server=http://u:p@h:1 --password-store=basic\n# --password-store=gnome\n--enable-features=X\n"
    assert password_store_flags(text) == "--password-store=basic\n"
    assert password_store_flags("--ozone-platform=wayland\n") == ""
