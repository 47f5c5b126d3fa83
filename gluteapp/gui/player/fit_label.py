"""Big words for the player: drawn as large as asked, shrunk only as far as their room needs."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QWidget

_WRAP = Qt.TextFlag.TextWordWrap
#: How far under its smallest size a label may go to show all of its text.
BELOW_FLOOR = 0.8


class FitLabel(QLabel):
    """Plain text at `target_px`, wrapped up to `max_lines`, shrunk to fit, never clipped.

    A word-wrapped QLabel clips when its layout gives it less height than the text needs (a
    small window, a long German word); this one draws the largest size from `target_px` down
    to `min_px` at which the text fits its rectangle, and only below `min_px` may it clip.
    `used_px()` says what size was drawn, for tests and for the measured screenshots.
    """

    clicked = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None, *, max_lines: int = 1,
                 bold: bool = False) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._max_lines = max_lines
        self._bold = bold
        self._target_px = 16
        self._min_px = 10
        self._lines_hint = 1
        self._min_lines = 1
        self._colour: QColor | None = None
        self._alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self._fit: tuple[tuple[str, int, int, int, int], int] | None = None
        self._wanted: tuple[tuple[str, int, int], int] | None = None
        self._clickable = False

    # --- settings --------------------------------------------------------------------------
    def set_sizes(self, target_px: int, min_px: int, lines_hint: int = 1,
                  min_lines: int = 1) -> None:
        """Draw at `target_px` when the text fits, never below `min_px`; ask for room for
        `lines_hint` lines at the target size and insist on `min_lines` at the smallest."""
        min_px = min(min_px, target_px)
        sizes = (target_px, min_px, lines_hint, min_lines)
        if sizes != (self._target_px, self._min_px, self._lines_hint, self._min_lines):
            self._target_px, self._min_px, self._lines_hint, self._min_lines = sizes
            self._fit = None
            self.updateGeometry()
            self.update()

    def set_max_lines(self, lines: int) -> None:
        if lines != self._max_lines:
            self._max_lines = lines
            self._fit = None
            self.update()

    def set_colour(self, colour: QColor | None) -> None:
        """The text colour; None follows the palette (light and dark themes)."""
        if colour != self._colour:
            self._colour = colour
            self.update()

    def colour(self) -> QColor:
        return self._colour if self._colour is not None else self.palette().windowText().color()

    def set_text_alignment(self, alignment: Qt.AlignmentFlag) -> None:
        self._alignment = alignment
        self.update()

    def set_clickable(self, on: bool) -> None:
        """A click emits `clicked` (the exercise name opens its page in the library)."""
        self._clickable = on
        self.setCursor(Qt.CursorShape.PointingHandCursor if on else Qt.CursorShape.ArrowCursor)

    # --- measuring -------------------------------------------------------------------------
    def target_px(self) -> int:
        return self._target_px

    def font_at(self, pixels: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, pixels))
        font.setBold(self._bold)
        return font

    def used_px(self) -> int:
        """The pixel size the text is drawn at in the current rectangle."""
        return self._fitted_px(self.contentsRect())

    def used_font(self) -> QFont:
        return self.font_at(self.used_px())

    def shown_text(self) -> str:
        """The text as drawn (the steps' label shows a page of it)."""
        return self.text()

    def lines_used(self) -> int:
        """How many lines the text takes at `used_px` (0 for no text)."""
        if not self.text():
            return 0
        metrics = QFontMetrics(self.used_font())
        box = metrics.boundingRect(QRect(0, 0, max(1, self.contentsRect().width()), 100_000),
                                   _WRAP, self.text())
        return max(1, round(box.height() / metrics.lineSpacing()))

    def _fits(self, pixels: int, width: int, height: int) -> bool:
        return self._fits_text(self.text(), pixels, width, height)

    def smallest_line_px(self) -> int:
        """The height of one line at the smallest size."""
        return QFontMetrics(self.font_at(self._min_px)).lineSpacing()

    def fits_whole(self, height: int) -> bool:
        """Whether all the text fits `height` px (at the present width) at the smallest size,
        so that no line would be left out."""
        return self._fits_text(self.text(), self._min_px, self.contentsRect().width(), height)

    def _fits_text(self, text: str, pixels: int, width: int, height: int) -> bool:
        metrics = QFontMetrics(self.font_at(pixels))
        box = metrics.boundingRect(QRect(0, 0, width, 100_000), _WRAP, text)
        lines = round(box.height() / metrics.lineSpacing())
        return box.width() <= width and box.height() <= height and lines <= self._max_lines

    def _fitted_px(self, rect: QRect) -> int:
        key = (self.text(), rect.width(), rect.height(), self._target_px, self._max_lines)
        if self._fit is not None and self._fit[0] == key:
            return self._fit[1]
        low, high = self._min_px, self._target_px
        if not self.text() or self._fits(high, rect.width(), rect.height()):
            best = high
        else:
            best = low  # the floor: below it the text would be too small to matter
            while low < high - 1:  # the largest size that fits, by halving
                middle = (low + high) // 2
                if self._fits(middle, rect.width(), rect.height()):
                    low = best = middle
                else:
                    high = middle
            if best == self._min_px and not self._fits(best, rect.width(), rect.height()):
                # Up to a fifth under the floor where that shows the whole text: a German
                # phase word on two lines ("10 Wiederholungen") in a low window, whose second
                # line lost its descenders at the floor. Lower still, see drawn_text.
                smallest = max(10, round(self._min_px * BELOW_FLOOR))
                best = next((px for px in range(self._min_px - 1, smallest - 1, -1)
                             if self._fits(px, rect.width(), rect.height())), best)
        self._fit = (key, best)
        return best

    def _wanted_lines(self) -> int:
        """Lines to ask room for: what the text takes at full size in the present width, at
        least `lines_hint` and at most `max_lines` (a long German name gets its second line)."""
        if self._max_lines <= self._lines_hint or not self.text():
            return self._lines_hint
        width = max(1, self.contentsRect().width())
        key = (self.text(), width, self._target_px)
        if self._wanted is None or self._wanted[0] != key:
            metrics = QFontMetrics(self.font_at(self._target_px))
            box = metrics.boundingRect(QRect(0, 0, width, 100_000), _WRAP, self.text())
            lines = round(box.height() / metrics.lineSpacing())
            self._wanted = (key, max(self._lines_hint, min(self._max_lines, lines)))
        return self._wanted[1]

    # --- Qt overrides ----------------------------------------------------------------------
    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        lines = self._wanted_lines()
        super().setText(text)
        if self._wanted_lines() != lines:
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        lines = self._wanted[1] if self._wanted is not None else self._lines_hint
        super().resizeEvent(event)
        if self._wanted_lines() != lines:
            self.updateGeometry()  # a narrower window: the text wants another line

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = QFontMetrics(self.font_at(self._target_px)).lineSpacing()
        margins = self.contentsMargins()
        return QSize(200, line * self._wanted_lines() + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = QFontMetrics(self.font_at(self._min_px)).lineSpacing()
        return QSize(40, line * self._min_lines)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.sizeHint().height()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        rect = self.contentsRect()
        if not self.text() or rect.isEmpty():
            return
        pixels = self._fitted_px(rect)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font_at(pixels))
        painter.setPen(self.colour() if self.isEnabled()
                       else self.palette().color(self.palette().ColorGroup.Disabled,
                                                 self.palette().ColorRole.WindowText))
        painter.drawText(rect, int(self._alignment) | int(_WRAP), self.drawn_text())
        painter.end()

    def drawn_text(self) -> str:
        """The text as painted: all of it, or, where even the smallest size leaves room for
        one line only (a long German name while the "It hurts" panel, the rating and two rows
        of controls share a low window), one line ending in "…" instead of two lines cut
        through their middle."""
        rect = self.contentsRect()
        text = self.text()
        pixels = self._fitted_px(rect)
        if not text or self._fits(pixels, rect.width(), rect.height()):
            return text
        metrics = QFontMetrics(self.font_at(pixels))
        if rect.height() >= 2 * metrics.lineSpacing():
            return text
        return metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight,
                                  rect.width())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class WordsLayout(QLayout):
    """Big lines stacked top to bottom, each given its full size while the room lasts.

    The one `flexible` line (the steps) gives way first, down to its smallest size; only then
    do the others shrink, all in proportion, so nothing is ever cut off. Spare room is split
    above and below, so the words sit in the middle of the countdown beside them.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.flexible: QWidget | None = None

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation.Horizontal | Qt.Orientation.Vertical

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        shown = self._shown()
        height = sum(i.sizeHint().height() for i in shown) + self._gap * max(0, len(shown) - 1)
        return QSize(300, height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        shown = self._shown()
        height = sum(i.minimumSize().height() for i in shown)
        return QSize(100, height + self._gap * max(0, len(shown) - 1))

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def heights(self, available: int) -> list[int]:
        """The height of each shown item in `available` pixels."""
        shown = self._shown()
        wanted = [item.sizeHint().height() for item in shown]
        least = [min(item.minimumSize().height(), w) for item, w in zip(shown, wanted, strict=True)]
        room = available - self._gap * max(0, len(shown) - 1)
        deficit = sum(wanted) - room
        if deficit <= 0:
            return wanted
        heights = list(wanted)
        for index, item in enumerate(shown):
            if item.widget() is self.flexible:
                give = min(deficit, wanted[index] - least[index])
                heights[index] -= give
                deficit -= give
        if deficit > 0:
            # Everyone else in proportion to what they can give, never below their least.
            can_give = [h - low if shown[i].widget() is not self.flexible else 0
                        for i, (h, low) in enumerate(zip(heights, least, strict=True))]
            total = sum(can_give)
            for index, give in enumerate(can_give):
                if total > 0:
                    heights[index] -= min(give, round(deficit * give / total))
        return heights

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        shown = self._shown()
        heights = self.heights(rect.height())
        used = sum(heights) + self._gap * max(0, len(shown) - 1)
        y = rect.y() + max(0, (rect.height() - used) // 2)
        for item, height in zip(shown, heights, strict=True):
            alignment = item.alignment()
            if alignment & Qt.AlignmentFlag.AlignLeft:
                width = min(rect.width(), item.sizeHint().width())
                item.setGeometry(QRect(rect.x(), y, width, height))
            else:
                item.setGeometry(QRect(rect.x(), y, rect.width(), height))
            y += height + self._gap
