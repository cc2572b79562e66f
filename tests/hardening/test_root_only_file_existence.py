"""The macOS automatic-login probe asks only whether /etc/kcpassword exists. The file is root-only (mode 600);
this proves, as an ordinary user on this machine's real file system, that the door's file_info still sees it
(stat needs search permission on the folder, not read permission on the file) while reading it is refused."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from checks.live import LiveSystem
from checks.system import ReadDenied

NOBODY = 65534


def as_nobody(action) -> str:
    """Run action() in a child process that has dropped to uid/gid 65534; return what it printed."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.write(write_end, action().encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    return text


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make a root-only file and drop to another user")
def test_an_ordinary_user_sees_that_a_root_only_file_exists_without_reading_it():
    folder = tempfile.mkdtemp(prefix="etc-")
    try:
        os.chmod(folder, 0o755)  # like /etc: searchable by everyone
        secret = os.path.join(folder, "kcpassword")
        with open(secret, "w") as handle:
            handle.write("not read")
        os.chmod(secret, 0o600)

        def probe() -> str:
            system = LiveSystem()
            seen = system.file_info(secret) is not None
            absent = system.file_info(os.path.join(folder, "absent")) is None
            try:
                system.read_text(secret)
                refused = False
            except ReadDenied:
                refused = True
            return f"{seen} {absent} {refused}"

        assert as_nobody(probe) == "True True True"
    finally:
        shutil.rmtree(folder)
