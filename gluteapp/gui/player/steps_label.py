"""An exercise's steps in the player, never smaller than can be read from the mat: a page at a
time, turned by the session's clock, where they do not all fit at that size."""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from gluteapp.core.step_pages import page_at, page_times
from gluteapp.gui.player.fit_label import FitLabel

_WRAP = Qt.TextFlag.TextWordWrap

# The "Step 2 of 4" line above a page: its size as a share of the steps' size.
MARKER_SHARE = 0.85


class Paging(Struct, frozen=True):
    """How the steps are cut into pages in one rectangle: whole steps, `first` to `last`."""

    pages: tuple[tuple[int, int], ...]
    pixels: int  # the size every page is drawn at
    marker_px: int  # 0 when everything fits on one page and no marker is drawn


class StepsLabel(FitLabel):
    """Numbered steps drawn from `target_px` down to `min_px`, never below it while a page holds
    at least one whole step. When they do not all fit at `min_px`, whole steps are put on
    pages, each page shown for a time that follows its length (see `gluteapp.core.step_pages`)
    under a "Step 2 of 4" marker. The label's text, its accessible name and description keep
    every step, whichever page shows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent, max_lines=200)
        self.setObjectName("steps_label")
        self.set_text_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setToolTip(self.tr("Page Down and Page Up show the next and the earlier steps"))
        self._steps: tuple[str, ...] = ()
        self._elapsed_s = 0.0
        self._duration_s: float | None = None
        self._paging: tuple[tuple[object, ...], Paging] | None = None
        self._least_height: tuple[tuple[object, ...], int] | None = None
        self._page = 0  # the page last worked out, to repaint only when it changes
        self._page_px_cache: tuple[tuple[object, ...], int] | None = None
        #: A page turned to by key, and when: the pages go on from there at their own pace.
        self._turned: tuple[int, float] | None = None

    # --- what to show ----------------------------------------------------------------------
    def set_steps(self, steps: Sequence[str]) -> None:
        steps = tuple(steps)
        if steps == self._steps:
            return
        self._steps = steps
        text = "\n".join(self._numbered(index) for index in range(len(steps)))
        self.setText(text)
        self.setAccessibleDescription(text)  # a screen reader hears every step, not one page
        self._page = 0
        self._turned = None
        self.updateGeometry()  # the tallest step may have changed

    def steps(self) -> tuple[str, ...]:
        return self._steps

    def set_clock(self, elapsed_s: float, duration_s: float | None) -> None:
        """How far into the get-ready or rest, and how long it lasts: this picks the page."""
        self._elapsed_s, self._duration_s = elapsed_s, duration_s
        page = self.page_index()
        if page != self._page:
            self._page = page
            self.update()

    # --- reading it back (tests, screenshots) ----------------------------------------------
    def paging(self) -> Paging:
        return self._paging_in(self.contentsRect())

    def page_count(self) -> int:
        return len(self.paging().pages)

    def page_index(self) -> int:
        paging = self.paging()
        if len(paging.pages) <= 1:
            return 0
        times = page_times([len(self._page_text(page)) for page in paging.pages],
                           self._duration_s)
        if self._turned is not None:
            page, at = self._turned
            return page_at(times, self._elapsed_s - at, page % len(times))
        return page_at(times, self._elapsed_s)

    def turn(self, pages: int) -> None:
        """Page Down (1) or Page Up (-1): the next or the previous page, now; from the last
        page on to the first. It then stays its own time, as any page does."""
        count = self.page_count()
        if count <= 1 or not self.isVisible():
            return
        self._turned = ((self.page_index() + pages) % count, self._elapsed_s)
        self._page = self.page_index()
        self.update()

    def page_times(self) -> list[int]:
        """Whole seconds each page stays up in the present phase."""
        return page_times([len(self._page_text(page)) for page in self.paging().pages],
                          self._duration_s)

    def page_steps(self) -> tuple[int, int]:
        """The first and last step (counted from 0) on the page showing now."""
        pages = self.paging().pages
        return pages[min(self.page_index(), len(pages) - 1)] if pages else (0, -1)

    def marker_text(self) -> str:
        """ "Step 2 of 4" or "Steps 1–2 of 4" over a page; nothing when all fit on one."""
        if self.page_count() <= 1:
            return ""
        first, last = self.page_steps()
        count = len(self._steps)
        if first == last:
            #: Above one step of an exercise in the player: step 2 of its 4 steps.
            return self.tr("Step {0} of {1}").format(first + 1, count)
        #: Above a page of an exercise's steps in the player: steps 1 to 2 of its 4 steps.
        return self.tr("Steps {0}–{1} of {2}").format(first + 1, last + 1, count)

    def shown_text(self) -> str:
        """The steps on the page showing now."""
        return self._page_text(self.page_steps()) if self._steps else ""

    def used_px(self) -> int:
        """The size the page showing now is drawn at."""
        paging = self.paging()
        if not self._steps:
            return paging.pixels
        return self._page_px(self.page_steps(), paging, self.contentsRect())

    def marker_px(self) -> int:
        return self.paging().marker_px

    # --- cutting into pages ----------------------------------------------------------------
    def _numbered(self, index: int) -> str:
        return f"{index + 1}. {self._steps[index]}"

    def _page_text(self, page: tuple[int, int]) -> str:
        first, last = page
        return "\n".join(self._numbered(index) for index in range(first, last + 1))

    def _height(self, text: str, pixels: int, width: int) -> int:
        metrics = QFontMetrics(self.font_at(pixels))
        box = metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), _WRAP, text)
        return box.height() if box.width() <= width else 100_000

    def _cut(self, pixels: int, width: int, height: int) -> tuple[tuple[int, int], ...]:
        """Whole steps, as many a page as fit `height` at `pixels`; a step that fits nowhere
        has a page of its own."""
        pages: list[tuple[int, int]] = []
        first = 0
        for index in range(1, len(self._steps) + 1):
            if index == len(self._steps) or self._height(
                    self._page_text((first, index)), pixels, width) > height:
                pages.append((first, index - 1))
                first = index
        return tuple(pages)

    def _paging_in(self, rect: QRect) -> Paging:
        key = (self._steps, rect.width(), rect.height(), self.target_px(), self._min_px,
               self.font().family())
        if self._paging is not None and self._paging[0] == key:
            return self._paging[1]
        paging = self._work_out(rect.width(), rect.height())
        self._paging = (key, paging)
        return paging

    def _work_out(self, width: int, height: int) -> Paging:
        if not self._steps or width <= 0 or height <= 0:
            return Paging(((0, len(self._steps) - 1),) if self._steps else (), self._min_px, 0)
        whole = self._height(self.text(), self._min_px, width) <= height
        if whole:  # all on one page: as large as fits, no marker
            return Paging(((0, len(self._steps) - 1),),
                          self._fitted_px(QRect(0, 0, width, height)), 0)
        marker_px = max(10, round(self._min_px * MARKER_SHARE))
        room = height - QFontMetrics(self._marker_font(marker_px)).lineSpacing()
        pages = self._cut(self._min_px, width, room)
        # As large as the same number of pages allows: the floor is a floor, not the size.
        low, high, best = self._min_px, self.target_px(), self._min_px
        while low < high:
            middle = (low + high + 1) // 2
            if len(self._cut(middle, width, room)) <= len(pages) and all(
                    self._height(self._page_text(page), middle, width) <= room
                    for page in self._cut(middle, width, room)):
                low = best = middle
            else:
                high = middle - 1
        return Paging(self._cut(best, width, room), best, marker_px)

    def _page_px(self, page: tuple[int, int], paging: Paging, rect: QRect) -> int:
        """The paging's size, unless one step alone outgrows the room at it (a window lower
        than its least height): that page is drawn smaller rather than cut."""
        key = (page, paging, rect.width(), rect.height())
        if self._page_px_cache is not None and self._page_px_cache[0] == key:
            return self._page_px_cache[1]
        room = rect.height()
        if paging.marker_px:
            room -= QFontMetrics(self._marker_font(paging.marker_px)).lineSpacing()
        pixels = paging.pixels
        text = self._page_text(page)
        while pixels > 8 and self._height(text, pixels, rect.width()) > room:
            pixels -= 1
        self._page_px_cache = (key, pixels)  # painted ten times a second: measured once
        return pixels

    def _marker_font(self, pixels: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(pixels)
        font.setBold(True)
        return font

    def least_height(self) -> int:
        """The height that holds the marker and the longest step at the smallest size, in the
        present width: below it a step would be cut or shrunk below what the mat can read."""
        width = self.contentsRect().width()
        key = (self._steps, width, self._min_px, self.font().family())
        if self._least_height is not None and self._least_height[0] == key:
            return self._least_height[1]
        least = QFontMetrics(self.font_at(self._min_px)).lineSpacing() * 2
        if self._steps and width > 40:
            marker = QFontMetrics(self._marker_font(
                max(10, round(self._min_px * MARKER_SHARE)))).lineSpacing()
            least = marker + max(self._height(self._numbered(index), self._min_px, width)
                                 for index in range(len(self._steps)))
        self._least_height = (key, least)
        return least

    # --- Qt overrides ----------------------------------------------------------------------
    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(40, self.least_height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        least = self.least_height()
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self.least_height() != least:
            self.updateGeometry()  # narrower: the longest step takes more lines

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        rect = self.contentsRect()
        if not self._steps or rect.isEmpty():
            return
        paging = self._paging_in(rect)
        self._page = self.page_index()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        colour = self.colour() if self.isEnabled() else self.palette().color(
            self.palette().ColorGroup.Disabled, self.palette().ColorRole.WindowText)
        top = rect.top()
        if paging.marker_px:
            marker = self._marker_font(paging.marker_px)
            painter.setFont(marker)
            muted = QColor(colour)
            muted.setAlphaF(0.72)
            painter.setPen(muted)
            line = QFontMetrics(marker).lineSpacing()
            painter.drawText(QRect(rect.left(), top, rect.width(), line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             self.marker_text())
            top += line
        painter.setFont(self.font_at(self._page_px(self.page_steps(), paging, rect)))
        painter.setPen(colour)
        painter.drawText(QRect(rect.left(), top, rect.width(), rect.bottom() - top + 1),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(_WRAP),
                         self.shown_text())
        painter.end()
