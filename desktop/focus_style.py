"""Focus you can see and boxes you can find: a proxy over the platform's style that draws a 2 px focus ring
on every control with keyboard focus (3 px, at least 2 of them changing 3:1), and a 2 px border round check boxes.

Colours come from the palette in use when each control is drawn, so the same code serves light and dark
palettes: the ring and the box border are the text colour, which stands out at least 3:1 from the window,
the control's face and its unfocused look (WCAG 2.2, 1.4.11 and 2.4.13; tests measure the pixels).
The ring is drawn inside each control's own rectangle, so no layout can clip it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QFrame,
    QProxyStyle,
    QScrollArea,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

# Device-independent pixels (Qt multiplies by the scale factor). 3, not 2: a default button is already
# drawn with a highlight-coloured edge, so the outermost pixel may change less than 3:1; the two inside it
# still do.
RING_WIDTH = 3
BOX_BORDER = 2
# A scroll area whose frame is only the room for its ring: set this property and a frame RING_WIDTH wide.
RING_FRAME = "ringFrame"
# Room left round a check box's square so the ring does not sit on its border.
BOX_MARGIN = RING_WIDTH + 2


def ring_colour(palette: QPalette) -> QColor:
    """The page's text colour: dark on a light palette, light on a dark one, so it stands out from the
    page, from control faces and edges, and from the highlight colour a default button is already drawn
    with (a highlight-coloured ring barely changed that button when it took focus)."""
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
        elif focused and element == QStyle.ControlElement.CE_ShapedFrame and isinstance(widget, QAbstractScrollArea):
            self._ring(painter, option.rect, option.palette)  # over the frame of a list or page that scrolls

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
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

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        base = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(widget, QAbstractScrollArea):
            return max(base, RING_WIDTH)  # room for the whole ring outside what scrolls
        return base

    def sizeFromContents(
        self, kind: QStyle.ContentsType, option: QStyleOption, size: QSize, widget: QWidget | None = None
    ) -> QSize:
        base = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]  # Qt takes None
        if kind == QStyle.ContentsType.CT_CheckBox:
            return base + QSize(2 * BOX_MARGIN, 2 * BOX_MARGIN)
        return base

    def subElementRect(self, element: QStyle.SubElement, option: QStyleOption, widget: QWidget | None = None) -> QRect:
        rect = super().subElementRect(element, option, widget)  # type: ignore[arg-type]  # Qt takes None
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
    moved = type(option)(option)
    moved.rect = option.rect.translated(BOX_MARGIN, 0)  # across only: the box is centred up and down
    return moved


def make_ring_frame(area: QFrame) -> None:
    """Keep a frame round a scroll area just wide enough for the focus ring, empty until it has focus."""
    area.setProperty(RING_FRAME, True)
    area.setFrameShape(QFrame.Shape.Box)
    area.setLineWidth(RING_WIDTH)
    area.setMidLineWidth(0)


class RingScrollArea(QScrollArea):
    """A page that scrolls and takes focus (so arrow keys and Page Down move it), with its ring round the
    outside. Every scrolling page in the app is one, so none is left without a ring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        make_ring_frame(self)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        self.update()  # the frame is drawn by the area itself, not its viewport: draw the ring

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()


def draw_ring(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    """The focus ring, for a control that paints itself."""
    AccessibleStyle._ring(painter, rect, palette)


def use_accessible_style() -> None:
    """Put AccessibleStyle over the application's style, once (later calls leave it as it is)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or isinstance(app.style(), AccessibleStyle):
        return
    app.setStyle(AccessibleStyle(app.style().name()))
