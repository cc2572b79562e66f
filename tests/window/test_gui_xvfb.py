"""Under a real X server (Xvfb) with Qt's xcb platform: `devicecheck` opens its window and it shows."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, need

pytestmark = pytest.mark.xvfb


def test_window_opens_on_a_real_x_server(tmp_path):
    need("xvfb-run", "xauth")
    snap = tmp_path / "snap.json"
    snap.write_text(
        json.dumps(
            {
                "schema": "devicecheck-snapshot/1",
                "platform": "linux",
                "taken_at": "2026-11-25T10:30:00+00:00",
                "env": {"XDG_CURRENT_DESKTOP": "GNOME"},
            }
        )
    )
    shot = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DEVICECHECK_TIMINGS="1", HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    res = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x1024x24",
            sys.executable,
            "-m",
            "desktop",
            "--replay",
            str(snap),
            "--screenshot",
            str(shot),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr[-1500:]
    assert "window shown" in res.stderr and "last result" in res.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert not image.isNull() and image.width() > 400 and image.height() > 300
    # Not a blank frame: the banner's colour and the page's background are both there.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)}
    assert len(colours) > 5
