"""Focus you can see and boxes you can find: a proxy over the platform's style that draws a 2 px focus ring
on every control with keyboard focus, and a 2 px border round check boxes.

Colours come from the palette in use when each control is drawn, so the same code serves light and dark
palettes: the ring is the palette's highlight, made darker or lighter until it stands out at least 3:1
from the window and the control's face (WCAG 2.2, 1.4.11 and 2.4.13); the box border is the text colour.
The ring is drawn inside each control's own rectangle, so no layout can clip it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QCheckBox, QFrame, QProxyStyle, QStyle, QStyleOption, QWidget

RING_WIDTH = 2  # device-independent pixels; Qt multiplies by the scale factor
RING_MIN_CONTRAST = 3.0
BOX_BORDER = 2
# A scroll area whose frame is only the room for its ring: set this property and a frame RING_WIDTH wide.
RING_FRAME = "ringFrame"
# Room left round a check box's square so the ring does not sit on its border.
BOX_MARGIN = RING_WIDTH + 2


def relative_luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ring_colour(palette: QPalette) -> QColor:
    """The highlight colour, pushed away from the colours it sits on and replaces until each contrast is 3:1."""
    window, face = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Button)
    # Also the edges styles draw round controls (Fusion's outer one is the window colour, darker): the ring
    # replaces those pixels, and the change itself must reach 3:1 to be seen.
    # Fusion's inner edge on dark palettes is the face made lighter, so that too.
    backgrounds = (window, face, window.darker(140), face.darker(140), face.lighter(170))
    dark_page = relative_luminance(backgrounds[0]) < 0.18
    colour = QColor(palette.color(QPalette.ColorRole.Highlight))
    for _ in range(24):
        if min(contrast_ratio(colour, bg) for bg in backgrounds) >= RING_MIN_CONTRAST + 0.3:  # a little to spare
            return colour
        colour = colour.lighter(112) if dark_page else colour.darker(112)
    return QColor(palette.color(QPalette.ColorRole.WindowText))


class AccessibleStyle(QProxyStyle):
    def drawControl(
        self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if element == QStyle.ControlElement.CE_ShapedFrame and widget is not None and widget.property(RING_FRAME):
            if focused:  # a frame kept empty for the ring: nothing there until focus comes
                self._ring(painter, option.rect, option.palette)
            return
        if element == QStyle.ControlElement.CE_CheckBoxLabel and isinstance(widget, QCheckBox):
            option = _moved(option)
        super().drawControl(element, option, painter, widget)
        if focused and element in (QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_CheckBox):
            self._ring(painter, option.rect, option.palette)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if option.state & QStyle.StateFlag.State_HasFocus and control in (
            QStyle.ComplexControl.CC_ComboBox,
            QStyle.ComplexControl.CC_SpinBox,
        ):
            self._ring(painter, option.rect, option.palette)

    def drawPrimitive(
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox and isinstance(widget, QCheckBox):
            option = _moved(option)  # in from the edge, where the ring goes
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            pen = QPen(option.palette.color(QPalette.ColorRole.WindowText), BOX_BORDER)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = BOX_BORDER / 2
            painter.drawRect(QRectF(option.rect).adjusted(half, half, -half, -half))
            painter.restore()
        elif element == QStyle.PrimitiveElement.PE_PanelLineEdit and option.state & QStyle.StateFlag.State_HasFocus:
            if getattr(option, "lineWidth", 1) > 0:  # the frameless editor inside a spin box: its box has the ring
                self._ring(painter, option.rect, option.palette)

    def sizeFromContents(
        self, kind: QStyle.ContentsType, option: QStyleOption, size: QSize, widget: QWidget | None = None
    ) -> QSize:
        base = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_CheckBox:
            return base + QSize(2 * BOX_MARGIN, 2 * BOX_MARGIN)
        return base

    def subElementRect(self, element: QStyle.SubElement, option: QStyleOption, widget: QWidget | None = None) -> QRect:
        rect = super().subElementRect(element, option, widget)
        if element == QStyle.SubElement.SE_CheckBoxClickRect:  # where the box and its words are drawn now
            rect = rect.translated(BOX_MARGIN, 0)
        return rect

    @staticmethod
    def _ring(painter: QPainter, rect: QRect, palette: QPalette) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp, full-strength pixels
        pen = QPen(ring_colour(palette), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRect(QRectF(rect).adjusted(half, half, -half, -half))
        painter.restore()


def _moved(option: QStyleOption) -> QStyleOption:
    moved = type(option)(option)  # type: ignore[call-arg]
    moved.rect = option.rect.translated(BOX_MARGIN, 0)  # across only: the box is centred up and down
    return moved


def make_ring_frame(area: QFrame) -> None:
    """Keep a frame round a scroll area just wide enough for the focus ring, empty until it has focus."""
    area.setProperty(RING_FRAME, True)
    area.setFrameShape(QFrame.Shape.Box)
    area.setLineWidth(RING_WIDTH)
    area.setMidLineWidth(0)


def use_accessible_style() -> None:
    """Put AccessibleStyle over the application's style, once (later calls leave it as it is)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or isinstance(app.style(), AccessibleStyle):
        return
    app.setStyle(AccessibleStyle(app.style().name()))
