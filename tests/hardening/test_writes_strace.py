""" "What this app reads" stays true about writing: `check`, `check --pdf` and `snapshot` run under
`strace -f -e trace=file`, and every path opened for writing (or made, renamed or removed) must match one of
the writes the page names (checks.paths.WRITES), with the page showing each of them."""

import fnmatch
import os
import re
import subprocess
import sys
import tempfile

import pytest

from checks.paths import WRITES
from desktop.reads_page import reads_html
from tests.conftest import ROOT, need

WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")
CHANGING_CALLS = (
    "mkdir",
    "mkdirat",
    "rename",
    "renameat",
    "renameat2",
    "unlink",
    "unlinkat",
    "rmdir",
    "symlink",
    "link",
    "linkat",
    "truncate",
    "creat",
)
ALWAYS_ALLOWED = ("/dev/null",)  # a command's stdin (subprocess.DEVNULL opens it read-write)


def written_paths(trace: str) -> set[str]:
    found = set()
    for line in trace.splitlines():
        call = re.match(r"^(?:\d+\s+)?(\w+)\((.*)", line)
        if not call:
            continue
        name, rest = call.groups()
        paths = re.findall(r'"((?:[^"\\]|\\.)*)"', rest)
        if name in ("open", "openat", "openat2") and paths and any(f in rest for f in WRITE_FLAGS):
            found.add(paths[0])
        elif name in CHANGING_CALLS and paths:
            found.update(paths[:2] if name.startswith(("rename", "link", "symlink")) else paths[:1])
    return found


def test_every_written_path_is_one_the_page_names(tmp_path):
    need("strace")
    config, home, saved, logs = tmp_path / "config", tmp_path / "home", tmp_path / "saved", tmp_path / "log"
    for folder in (config, home, saved):
        folder.mkdir()
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        DEVICECHECK_CONFIG_DIR=str(config),
        DEVICECHECK_LOG_DIR=str(logs),
        PYTHONPATH=str(ROOT),
        PYTHONDONTWRITEBYTECODE="1",  # Python's own cache of compiled code is not the app's doing
    )
    runs = {
        "check": ["check"],
        "check-pdf": ["check", "--pdf", str(saved / "report.pdf")],
        "snapshot": ["snapshot", "-o", str(saved / "snap.json")],
    }
    seen: dict[str, set[str]] = {}
    for label, args in runs.items():
        trace = tmp_path / f"{label}.trace"
        proc = subprocess.run(
            ["strace", "-f", "-qq", "-e", "trace=file", "-o", str(trace), sys.executable, "-m", "desktop", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert proc.returncode in (0, 1, 3), proc.stderr[-800:]
        seen[label] = written_paths(trace.read_text(errors="replace"))
    assert seen["snapshot"] & {str(saved / "snap.json")}, "strace saw no write at all: the test would prove nothing"

    chosen = [saved / "report.pdf", saved / "snap.json"]
    patterns = []
    for write in WRITES:
        for pattern in write.patterns:
            for file in chosen:
                patterns.append(
                    pattern.format(
                        config=config,
                        log=logs,
                        chosen=file,
                        chosen_folder=file.parent,
                        chosen_name=file.name,
                        temp=tempfile.gettempdir(),
                        autostart=home / ".config" / "autostart",
                    )
                )
    unexplained = {
        label: sorted(
            p for p in paths if p not in ALWAYS_ALLOWED and not any(fnmatch.fnmatch(p, pat) for pat in patterns)
        )
        for label, paths in seen.items()
    }
    assert unexplained == {label: [] for label in runs}, unexplained

    page = reads_html("linux")
    assert "What it writes" in page
    for write in WRITES:
        assert write.what.replace("'", "&#x27;") in page or write.what in page


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('123 openat(AT_FDCWD, "/tmp/a", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3', {"/tmp/a"}),
        ('openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3', set()),
        ('rename("/c/.s.json.1.tmp", "/c/s.json") = 0', {"/c/.s.json.1.tmp", "/c/s.json"}),
        ('mkdir("/tmp/x", 0777) = -1 EEXIST (File exists)', {"/tmp/x"}),
    ],
)
def test_trace_lines_are_read_as_writes_only_when_they_write(line, expected):
    assert written_paths(line) == expected
