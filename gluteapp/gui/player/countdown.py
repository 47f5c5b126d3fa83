"""A countdown ring whose number can be read from across the room."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from gluteapp.core.player_display import whole_seconds

# Accent per phase kind, chosen to read on light and dark backgrounds alike.
PHASE_COLOURS: dict[str, str] = {
    "prepare": "#d98e04",
    "work": "#1f9d74",
    "rest": "#2f7fd1",
    "switch": "#9b59b6",
    "done": "#1f9d74",
    # Unlike every phase's colour, so a paused session cannot be taken for a running one.
    "paused": "#c0266d",
}


def format_seconds(seconds: float) -> str:
    """'45', '1:05' or '12:00': whole seconds, rounded up so 0.2 s left still shows 1."""
    whole = whole_seconds(seconds)
    if whole < 60:
        return str(whole)
    return f"{whole // 60}:{whole % 60:02d}"


class CountdownRing(QWidget):
    """Big remaining-time number inside a ring that empties as the phase runs out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(120, 120))
        self._text = ""
        self._caption = ""
        self._fraction = 1.0
        self._kind = "prepare"
        self._flash = False
        self._time_left = ""
        self._digits_font: QFont | None = None  # as last painted, for `digit_height`
        # The empty ring, drawn once per size and colour: stroking a wide translucent circle
        # is most of a paint (about 1 ms at 560 px), and the ring repaints ten times a second.
        self._track: tuple[tuple[object, ...], QPixmap] | None = None
        self.setAccessibleName(self.tr("Time left"))

    # --- state -----------------------------------------------------------------------------
    def set_state(self, text: str, fraction: float, kind: str, caption: str = "",
                  time_left: str = "") -> None:
        """Show `text` in a ring `fraction` full; `time_left` says it in words (screen readers)."""
        fraction = min(1.0, max(0.0, fraction))
        if time_left != self._time_left:
            # Read when a screen reader asks; changes once a second, announced by nobody.
            self._time_left = time_left
            self.setAccessibleDescription(time_left)
        if (text, round(fraction, 3), kind, caption) == (
            self._text, round(self._fraction, 3), self._kind, self._caption
        ):
            return
        new_number = text != self._text
        self._text, self._fraction, self._kind, self._caption = text, fraction, kind, caption
        if new_number and self.isVisible():
            # A new number is drawn now, not after the rest of the wake-up's work: on a
            # loaded machine that work can take longer than a frame.
            self.repaint()
        else:
            self.update()

    def time_left(self) -> str:
        return self._time_left

    def set_flash(self, on: bool) -> None:
        if self._flash != on:
            self._flash = on
            self.update()

    def is_flashing(self) -> bool:
        return self._flash

    def text(self) -> str:
        return self._text

    def digit_height(self) -> int:
        """How tall the number was drawn, in pixels (0 before it was painted)."""
        if self._digits_font is None or not self._text:
            return 0
        return QFontMetrics(self._digits_font).tightBoundingRect(self._text).height()

    def kind(self) -> str:
        return self._kind

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(420, 420)

    # --- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        side = min(self.width(), self.height())
        pen_w = max(8.0, side * 0.06)
        rect = QRectF(
            (self.width() - side) / 2 + pen_w / 2, (self.height() - side) / 2 + pen_w / 2,
            side - pen_w, side - pen_w,
        )
        accent = QColor(PHASE_COLOURS.get(self._kind, PHASE_COLOURS["work"]))
        text_colour = self.palette().windowText().color()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._flash:
            glow = QColor(accent)
            glow.setAlpha(70)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(glow)
            painter.drawEllipse(rect)
        paused = self._kind == "paused"
        painter.drawPixmap(0, 0, self._track_pixmap(rect, pen_w, text_colour))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._fraction > 0:
            # Paused, the arc is broken into dashes: still, not running out.
            style = Qt.PenStyle.DotLine if paused else Qt.PenStyle.SolidLine
            cap = Qt.PenCapStyle.FlatCap if paused else Qt.PenCapStyle.RoundCap
            painter.setPen(QPen(accent, pen_w, style, cap))
            painter.drawArc(rect, 90 * 16, int(-360 * 16 * self._fraction))

        inner = rect.adjusted(pen_w * 1.2, pen_w * 1.2, -pen_w * 1.2, -pen_w * 1.2)
        if paused:
            self._paint_pause_sign(painter, inner, accent)
        if self._text:
            font = QFont(self.font())
            font.setWeight(QFont.Weight.Bold)
            font.setPixelSize(max(12, int(inner.height() * 0.52)))
            metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(self._text)
            if width > inner.width() * 0.9:
                font.setPixelSize(max(12, int(font.pixelSize() * inner.width() * 0.9 / width)))
            painter.setFont(font)
            self._digits_font = QFont(font)
            number_colour = QColor(text_colour)
            if paused:
                number_colour.setAlpha(150)
            painter.setPen(number_colour)
            number_rect = QRectF(inner)
            if self._caption:
                number_rect.adjust(0, -inner.height() * 0.06, 0, -inner.height() * 0.06)
            painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, self._text)
        if self._caption:
            font = QFont(self.font())
            font.setPixelSize(max(11, int(inner.height() * 0.085)))
            font.setWeight(QFont.Weight.DemiBold)
            # The caption sits low in the circle, where it is narrower: a long one
            # ("Wiederholung 1 von 10") is made smaller rather than cut by the ring.
            room = inner.width() * 0.8
            width = QFontMetricsF(font).horizontalAdvance(self._caption)
            if width > room:
                font.setPixelSize(max(9, int(font.pixelSize() * room / width)))
            painter.setFont(font)
            painter.setPen(accent)
            caption_rect = QRectF(inner.left(), inner.center().y() + inner.height() * 0.24,
                                  inner.width(), inner.height() * 0.16)
            painter.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()

    def _track_pixmap(self, rect: QRectF, pen_w: float, text_colour: QColor) -> QPixmap:
        """The ring's track, a faint circle of the text's colour, as a picture to lay down."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, text_colour.rgba(), pen_w)
        if self._track is None or self._track[0] != key:
            pixmap = QPixmap(QSize(round(self.width() * ratio), round(self.height() * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            track = QColor(text_colour)
            track.setAlpha(40)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(track, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            painter.drawEllipse(rect)
            painter.end()
            self._track = (key, pixmap)
        return self._track[1]

    @staticmethod
    def _paint_pause_sign(painter: QPainter, inner: QRectF, colour: QColor) -> None:
        """Two bars above the number: the sign for 'paused' on every player."""
        height = inner.height() * 0.13
        width = height * 0.34
        top = inner.top() + inner.height() * 0.06
        middle = inner.center().x()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for left in (middle - width * 1.35, middle + width * 0.35):
            painter.drawRoundedRect(QRectF(left, top, width, height), width * 0.2, width * 0.2)
