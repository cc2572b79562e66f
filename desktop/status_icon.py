"""Status icons drawn at the size of the current font: a coloured disc with a mark. The word beside the
icon carries the meaning; colour and shape only help the eye."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

from checks.model import Status
from desktop.status_words import MARKS

COLOURS = {
    Status.PASS: "#2e7d32",
    Status.FAIL: "#c62828",
    Status.WARN: "#a85400",
    Status.UNKNOWN: "#546473",
    Status.ERROR: "#7b1fa2",
    Status.SKIPPED: "#6b6b6b",
}
PENDING_COLOUR = "#6b6b6b"


def status_pixmap(status: str, font: QFont, device_pixel_ratio: float = 1.0) -> QPixmap:
    """The icon for a status value ("" while checking), sized from `font`."""
    from PySide6.QtGui import QFontMetrics

    side = int(QFontMetrics(font).height() * 1.5)
    pix = QPixmap(int(side * device_pixel_ratio), int(side * device_pixel_ratio))
    pix.setDevicePixelRatio(device_pixel_ratio)
    pix.fill(Qt.GlobalColor.transparent)
    known = Status(status) if status else None
    colour = QColor(COLOURS[known] if known else PENDING_COLOUR)
    mark = MARKS[known] if known else "…"
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    rect = QRectF(1, 1, side - 2, side - 2)
    if known is Status.WARN:  # a triangle-ish diamond for advice, so it differs from "to fix" in shape
        painter.drawRoundedRect(rect, side * 0.2, side * 0.2)
    else:
        painter.drawEllipse(rect)
    mark_font = QFont(font)
    mark_font.setBold(True)
    mark_font.setPointSizeF(max(font.pointSizeF(), 6.0) * 1.05)
    painter.setFont(mark_font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return pix
