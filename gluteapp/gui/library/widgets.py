"""Building blocks of the detail pane: palette-following tints, wrapping chips, callouts."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from msgspec import Struct
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

#: Amber that reads on light and dark backgrounds alike; used for cautions.
WARNING_COLOUR = QColor("#d97706")


def blend(base: QColor, over: QColor, amount: float) -> QColor:
    """`over` laid on `base` at `amount` (0..1): tints that follow the palette, light or dark."""
    return QColor.fromRgbF(
        base.redF() + (over.redF() - base.redF()) * amount,
        base.greenF() + (over.greenF() - base.greenF()) * amount,
        base.blueF() + (over.blueF() - base.blueF()) * amount,
    )


def scaled_font(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    """A copy of `font` `factor` times as large, whether it is sized in points or pixels."""
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        scaled.setPixelSize(max(1, round(font.pixelSize() * factor)))
    scaled.setBold(bold)
    return scaled


class ChipStrip(QWidget):
    """A caption followed by rounded chips that wrap to the width, like words in a paragraph.

    Painted rather than built from a layout of labels: a Python QLayout subclass must return None
    from itemAt(), and PySide6 6.12 on Python 3.11 drops a reference to None each time it does.
    """

    class Spec(Struct, frozen=True):
        text: str
        bold: bool = False
        dot: QColor | None = None

    _PAD_X = 10
    _PAD_Y = 3
    _GAP = 6
    _DOT = 9

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = caption
        self._specs: list[ChipStrip.Spec] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(caption)

    @property
    def caption(self) -> str:
        return self._caption

    def set_chips(self, specs: Sequence[ChipStrip.Spec]) -> None:
        self._specs = list(specs)
        self.setAccessibleDescription(", ".join(spec.text for spec in self._specs))
        self.updateGeometry()
        self.update()

    def specs(self) -> list[ChipStrip.Spec]:
        return list(self._specs)

    def texts(self) -> list[str]:
        return [spec.text for spec in self._specs]

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(width)[1]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        rects, height = self._arrange(1 << 20)
        width = max((rect.right() for rect, _ in rects), default=0.0)
        return QSize(round(width) + 1, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        widths = [self._chip_width(spec) for spec in self._specs]
        widths.append(self._caption_width())
        return QSize(round(max(widths)), self._line_height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rects, _ = self._arrange(self.width())
        for rect, spec in rects:
            if spec is None:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.setFont(self.font())
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, self._caption)
                continue
            bounds = rect.adjusted(0.5, 0.5, -0.5, -0.5)
            painter.setPen(QPen(blend(window, text, 0.25), 1))
            painter.setBrush(blend(window, text, 0.07))
            radius = bounds.height() / 2
            painter.drawRoundedRect(bounds, radius, radius)
            left = rect.x() + self._PAD_X
            if spec.dot is not None:
                top = rect.y() + (rect.height() - self._DOT) / 2
                painter.setPen(QPen(spec.dot.darker(135), 1))
                painter.setBrush(spec.dot)
                painter.drawEllipse(QRectF(left, top, self._DOT, self._DOT))
                left += self._DOT + 6
            painter.setPen(text)
            painter.setFont(self._font(spec))
            painter.drawText(
                QRectF(left, rect.y(), rect.right() - left, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                spec.text,
            )
        painter.end()

    def _font(self, spec: ChipStrip.Spec) -> QFont:
        return scaled_font(self.font(), 1.0, bold=spec.bold)

    def _line_height(self) -> int:
        return QFontMetrics(scaled_font(self.font(), 1.0, bold=True)).height() + 2 * self._PAD_Y

    def _caption_width(self) -> float:
        return self.fontMetrics().horizontalAdvance(self._caption) + 2.0

    def _chip_width(self, spec: ChipStrip.Spec) -> float:
        width = QFontMetrics(self._font(spec)).horizontalAdvance(spec.text) + 2 * self._PAD_X
        return float(width + (self._DOT + 6 if spec.dot is not None else 0))

    def _arrange(self, width: int) -> tuple[list[tuple[QRectF, ChipStrip.Spec | None]], int]:
        """Where the caption (spec None) and each chip go at `width`, and the height needed."""
        line = self._line_height()
        items: list[tuple[float, ChipStrip.Spec | None]] = [(self._caption_width(), None)]
        items += [(self._chip_width(spec), spec) for spec in self._specs]
        rects: list[tuple[QRectF, ChipStrip.Spec | None]] = []
        x = y = 0.0
        for item_width, spec in items:
            if x > 0 and x + item_width > width:
                x = 0.0
                y += line + self._GAP
            rects.append((QRectF(x, y, min(item_width, float(width)), line), spec))
            x += item_width + self._GAP
        return rects, round(y + line)


class CalloutKind(Enum):
    ACCENT = "accent"
    WARNING = "warning"
    NEUTRAL = "neutral"


class Callout(QFrame):
    """A softly tinted, rounded box with a coloured edge; the tint comes from the palette."""

    def __init__(self, kind: CalloutKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self.content_layout = QVBoxLayout(self)
        self.content_layout.setContentsMargins(16, 8, 12, 9)
        self.content_layout.setSpacing(3)

    @property
    def kind(self) -> CalloutKind:
        return self._kind

    def tint(self) -> QColor:
        palette = self.palette()
        if self._kind is CalloutKind.WARNING:
            return QColor(WARNING_COLOUR)
        if self._kind is CalloutKind.ACCENT:
            return palette.color(QPalette.ColorRole.Highlight)
        return palette.color(QPalette.ColorRole.WindowText)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        tint = self.tint()
        amount = 0.06 if self._kind is CalloutKind.NEUTRAL else 0.13
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bounds = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(blend(window, tint, 0.45 if amount > 0.1 else 0.2), 1))
        painter.setBrush(blend(window, tint, amount))
        painter.drawRoundedRect(bounds, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(blend(window, tint, 0.35) if self._kind is CalloutKind.NEUTRAL else tint)
        painter.drawRoundedRect(QRectF(0, 0, 5, self.height()), 2.5, 2.5)
        painter.end()
