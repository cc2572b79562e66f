"""Fits the screen: at 1024×600 and 1366×768, at scale 1 and QT_SCALE_FACTOR=2, the main window and every
dialog fit the screen's available area, and Settings keeps Save and Cancel in view. Each size is a real Qt
offscreen screen of that size (the platform's configfile), in its own process."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SIZES = [(1024, 600, "1"), (1366, 768, "1"), (1024, 600, "2"), (1366, 768, "2")]


@pytest.mark.parametrize(("width", "height", "scale"), SIZES)
def test_every_window_fits(tmp_path, width, height, scale):
    config = tmp_path / "screen.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "HOME": str(tmp_path),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "tests.window.fit_probe"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=90
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    room_w, room_h = out["available"]
    assert (room_w, room_h) == (width // int(scale), height // int(scale))
    for name, seen in out["shown"].items():
        if not isinstance(seen, dict):
            continue
        w, h = seen["frame"]
        mw, mh = seen["minimum"]
        assert w <= room_w and h <= room_h, f"{name} is {w}×{h} on a {room_w}×{room_h} screen"
        assert mw <= room_w and mh <= room_h, f"{name} needs at least {mw}×{mh} on a {room_w}×{room_h} screen"
    assert out["shown"]["settings save visible"] is True
