"""A countdown ring whose number can be read from across the room."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gluteapp.core.player_display import whole_seconds

# Accent per phase kind, chosen to read on light and dark backgrounds alike.
PHASE_COLOURS: dict[str, str] = {
    "prepare": "#d98e04",
    "work": "#1f9d74",
    "rest": "#2f7fd1",
    "switch": "#9b59b6",
    "done": "#1f9d74",
    "paused": "#8a8a8a",
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
        self.setMinimumSize(QSize(180, 180))
        self._text = ""
        self._caption = ""
        self._fraction = 1.0
        self._kind = "prepare"
        self._flash = False
        self.setAccessibleName(self.tr("Countdown"))

    # --- state -----------------------------------------------------------------------------
    def set_state(self, text: str, fraction: float, kind: str, caption: str = "") -> None:
        fraction = min(1.0, max(0.0, fraction))
        if (text, round(fraction, 3), kind, caption) == (
            self._text, round(self._fraction, 3), self._kind, self._caption
        ):
            return
        self._text, self._fraction, self._kind, self._caption = text, fraction, kind, caption
        self.setAccessibleDescription(f"{caption} {text}".strip())
        self.update()

    def set_flash(self, on: bool) -> None:
        if self._flash != on:
            self._flash = on
            self.update()

    def is_flashing(self) -> bool:
        return self._flash

    def text(self) -> str:
        return self._text

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
        track = QColor(text_colour)
        track.setAlpha(40)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(track, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(rect)
        if self._fraction > 0:
            painter.setPen(QPen(accent, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawArc(rect, 90 * 16, int(-360 * 16 * self._fraction))

        inner = rect.adjusted(pen_w * 1.2, pen_w * 1.2, -pen_w * 1.2, -pen_w * 1.2)
        if self._text:
            font = QFont(self.font())
            font.setWeight(QFont.Weight.Bold)
            font.setPixelSize(max(12, int(inner.height() * 0.48)))
            metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(self._text)
            if width > inner.width() * 0.9:
                font.setPixelSize(max(12, int(font.pixelSize() * inner.width() * 0.9 / width)))
            painter.setFont(font)
            painter.setPen(text_colour)
            number_rect = QRectF(inner)
            if self._caption:
                number_rect.adjust(0, -inner.height() * 0.06, 0, -inner.height() * 0.06)
            painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, self._text)
        if self._caption:
            font = QFont(self.font())
            font.setPixelSize(max(11, int(inner.height() * 0.085)))
            font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(font)
            painter.setPen(accent)
            caption_rect = QRectF(inner.left(), inner.center().y() + inner.height() * 0.24,
                                  inner.width(), inner.height() * 0.16)
            painter.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()
