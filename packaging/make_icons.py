"""Draws Device Check's icon with Qt and writes every format the installers need.

    python packaging/make_icons.py

Writes resources/icons/devicecheck.png (256 px, the window and Linux menu icon, bundled with the app),
resources/icons/devicecheck-48.png, packaging/icons/devicecheck.ico (Windows) and packaging/icons/devicecheck.icns
(macOS). The outputs are committed, so a build never needs this script; run it only to change the icon.
ICO and ICNS are written by hand (both formats can hold PNG images) so no extra imaging library is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BLUE, DARK, SCREEN, GREEN = QColor("#1f5fa8"), QColor("#163f6e"), QColor("#eef4fb"), QColor("#2e9d52")


def draw(size: int) -> QImage:
    """A laptop on a blue rounded square, with a green tick on its screen. Drawn on a 256 grid, scaled."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE)
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)
    # The laptop: a lid (screen in a dark frame) and a base.
    p.setBrush(DARK)
    p.drawRoundedRect(QRectF(52, 60, 152, 104), 10, 10)
    p.setBrush(SCREEN)
    p.drawRect(QRectF(62, 70, 132, 84))
    base = QPainterPath()
    base.moveTo(36, 172)
    base.lineTo(220, 172)
    base.lineTo(206, 192)
    base.lineTo(50, 192)
    base.closeSubpath()
    p.setBrush(SCREEN)
    p.drawPath(base)
    # The tick.
    pen = QPen(GREEN, 16, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolyline([QPointF(98, 112), QPointF(120, 134), QPointF(160, 90)])
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """ICONDIR + ICONDIRENTRY per image, each image stored as PNG (allowed since Windows Vista)."""
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return head + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """'icns' header then one PNG element per size (ic07=128, ic08=256, ic09=512, ic10=1024)."""
    types = {128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}
    body = b"".join(types[s] + struct.pack(">I", 8 + len(png)) + png for s, png in sorted(images.items()) if s in types)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    pngs = {s: png_bytes(draw(s)) for s in (16, 24, 32, 48, 64, 128, 256, 512, 1024)}
    (ROOT / "resources" / "icons").mkdir(parents=True, exist_ok=True)
    (ROOT / "packaging" / "icons").mkdir(parents=True, exist_ok=True)
    outputs = {
        ROOT / "resources" / "icons" / "devicecheck.png": pngs[256],
        ROOT / "resources" / "icons" / "devicecheck-48.png": pngs[48],
        ROOT / "packaging" / "icons" / "devicecheck.ico": ico({s: pngs[s] for s in (16, 24, 32, 48, 64, 128, 256)}),
        ROOT / "packaging" / "icons" / "devicecheck.icns": icns({s: pngs[s] for s in (128, 256, 512, 1024)}),
    }
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
