"""The history charts: pyqtgraph plots on a date axis, the active-days calendar, and their colours.

Every chart is built once and then fed with `show_*` methods that call `setData`, with series
prepared in `core.stats` (the History view and the report draw the same ones); colours come
from the widget palette through `ChartColors`, so light and dark themes both read well.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

import numpy as np
import pyqtgraph as pg
import PySide6  # noqa: F401 - imported before pyqtgraph so it cannot pick another binding
from msgspec import Struct
from pyqtgraph.graphicsItems.DateAxisItem import (
    DAY_HOUR_ZOOM_LEVEL,
    DAY_SPACING,
    MONTH_SPACING,
    YEAR_SPACING,
    TickSpec,
    ZoomLevel,
    makeMStepper,
    makeSStepper,
    makeYStepper,
)
from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.stats import ProgressPoint, SideSeries, Trend

DAY_S = 86_400.0
WEEK_S = 7 * DAY_S
#: Above this many points, per-session markers are dropped and only the lines are drawn.
MAX_MARKERS = 150
#: Drawn points per pixel of a long series (each kept column holds its lowest and highest).
POINTS_PER_PIXEL = 1.0
#: A rolling mean's line (2.5 px wide, no spikes to keep) is thinned as soon as it has more
#: points than one every two pixels (by whole steps: between that and one every four are left).
#: An antialiased line that wide costs its corners: ten years of weeks on a chart of 1280x800
#: (522 points on 654 pixels) stroked in 5.3 ms, thinned to 175 in 0.9 ms, and look the same.
TREND_POINTS_PER_PIXEL = 0.25


def blend(base: QColor, over: QColor, amount: float) -> QColor:
    """`over` laid on `base` at `amount` (0..1)."""
    return QColor.fromRgbF(
        base.redF() + (over.redF() - base.redF()) * amount,
        base.greenF() + (over.greenF() - base.greenF()) * amount,
        base.blueF() + (over.blueF() - base.blueF()) * amount,
    )


def day_timestamp(day: date) -> float:
    """POSIX seconds of local midnight starting `day` (the date axis shows local time)."""
    return datetime.combine(day, time()).astimezone().timestamp()


def timestamps(moments: Sequence[datetime]) -> np.ndarray:
    return np.fromiter((m.timestamp() for m in moments), dtype=float, count=len(moments))


def values_array(values: Sequence[float | None]) -> np.ndarray:
    """Floats for pyqtgraph, a value not measured as NaN (drawn as a gap)."""
    return np.array([np.nan if v is None else v for v in values], dtype=float)


class ChartColors(Struct, frozen=True):
    """Colours for one palette. Series colours are Okabe-Ito hues, lightened on dark themes."""

    dark: bool
    background: QColor
    text: QColor
    axis: QColor
    grid: QColor
    muted: QColor
    accent: QColor
    left: QColor
    right: QColor
    ratio: QColor
    pain: QColor
    glutes: QColor
    target: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartColors:
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = background.lightness() < 128
        if dark:
            left, right, ratio = QColor("#ffb45c"), QColor("#6cb8f0"), QColor("#d9a6e8")
            pain, glutes, accent = QColor("#ff8a70"), QColor("#5fd3a4"), QColor("#6cb8f0")
        else:
            left, right, ratio = QColor("#c25e00"), QColor("#0066a8"), QColor("#8a3d8f")
            pain, glutes, accent = QColor("#c0392b"), QColor("#007a55"), QColor("#0066a8")
        return cls(
            dark=dark,
            background=background,
            text=text,
            axis=blend(background, text, 0.55),
            grid=blend(background, text, 0.14),
            muted=blend(background, text, 0.38),
            accent=accent,
            left=left,
            right=right,
            ratio=ratio,
            pain=pain,
            glutes=glutes,
            target=blend(background, text, 0.6),
        )


def _pen(color: QColor, width: float = 2.0, dashed: bool = False) -> pg.QtGui.QPen:
    pen = pg.mkPen(color, width=width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _label_colors(label: pg.TextItem, colors: ChartColors) -> None:
    """Text on a patch of background, so a line's label stays legible over bars and points."""
    label.setColor(colors.text)
    label.fill = pg.mkBrush(_translucent(colors.background, 0.85))
    label.update()


def _translucent(color: QColor, alpha: float) -> QColor:
    faded = QColor(color)
    faded.setAlphaF(alpha)
    return faded


# Day ticks labelled "07 Jul" on their own, so a day number never sits against a month name
# (pyqtgraph's own day level prints "31" right beside "Aug").
_DAY_MONTH_ZOOM_LEVEL = ZoomLevel(
    [TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING), "%d %b", autoSkip=[1, 2, 7, 14])],
    "00 MMM",
)
# Years alone once a month would get too few pixels to be told apart (ten years of History):
# a tick a month there is a comb of 120 marks nobody reads, and pyqtgraph places each in local
# time one by one, which cost more than drawing the years' data.
_YEARS_ZOOM_LEVEL = ZoomLevel(
    [TickSpec(YEAR_SPACING, makeYStepper(1), "%Y", autoSkip=[1, 5, 10, 25])], "YYYY")


# Years and months, every second, third or sixth month named where each month has too few
# pixels for its name: pyqtgraph's own level names every month or, on a narrow chart (the
# felt-in chart beside the calendar, a year at "All"), none at all under the year.
_YEAR_MONTH_ZOOM_LEVEL = ZoomLevel([
    TickSpec(YEAR_SPACING, makeYStepper(1), "%Y", autoSkip=[1, 5, 10, 25]),
    TickSpec(MONTH_SPACING, makeMStepper(1), "%b", autoSkip=[1, 2, 3, 6]),
], "MMM")


def short_month(month: int) -> str:
    """A month's short name in the UI language ("Oct", "Okt"), without an abbreviating dot."""
    return QLocale().standaloneMonthName(month, QLocale.FormatType.ShortFormat).rstrip(".")


def _english_names() -> dict[str, str]:
    """strftime's C-locale short month and day names, mapped to the UI language's."""
    c = QLocale.c()
    short = QLocale.FormatType.ShortFormat
    names = {c.standaloneMonthName(m, short): short_month(m) for m in range(1, 13)}
    names.update({
        c.standaloneDayName(d, short): QLocale().standaloneDayName(d, short).rstrip(".")
        for d in range(1, 8)
    })
    return names


class DateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A local-time date axis: years and months, or days with their month; never hours."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom")
        self.zoomLevels = {
            np.inf: _YEARS_ZOOM_LEVEL,
            60 * DAY_SPACING: _YEAR_MONTH_ZOOM_LEVEL,
            5 * DAY_SPACING: _DAY_MONTH_ZOOM_LEVEL,
            0.5 * DAY_SPACING: DAY_HOUR_ZOOM_LEVEL,
        }
        self._names = _english_names()

    def tickValues(  # noqa: N802 - pyqtgraph override
        self, minVal: float, maxVal: float, size: float  # noqa: N803
    ) -> list[tuple[float, list[float]]]:
        """pyqtgraph's ticks, less any finer one nearer a coarser one than a label's width:
        on a narrow year whose months are named every second, "2026" and "Feb" (or "Dec" and
        "2026") were written over each other."""
        levels: list[tuple[float, list[float]]] = super().tickValues(minVal, maxVal, size)
        if len(levels) < 2:
            return levels
        coarse = levels[0][1]
        return [levels[0], *((spacing, [tick for tick in ticks
                                         if all(abs(tick - other) >= self.minSpacing
                                                for other in coarse)])
                             for spacing, ticks in levels[1:])]

    def tickStrings(  # noqa: N802 - pyqtgraph override
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        # pyqtgraph formats with strftime, which names months in English whatever the language.
        strings: list[str] = super().tickStrings(values, scale, spacing)
        return [" ".join(self._names.get(w, w) for w in s.split(" ")) for s in strings]


class NumberAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A value axis that writes decimals as the UI language does: "0,8" in German."""

    def tickStrings(  # noqa: N802 - pyqtgraph override
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        strings: list[str] = super().tickStrings(values, scale, spacing)
        point = QLocale().decimalPoint()
        return strings if point == "." else [text.replace(".", point) for text in strings]


class _NoActivation(QObject):
    """Keeps a chart's scene from hearing that its window became active or inactive.

    A view shown in an active window (a tab or an area picked) tells its scene so, and every
    graphics widget of the plot (the plot, its axes, its view box) asks to be painted again:
    each chart was painted two or three times per tab or area switched to. A chart is drawn
    the same either way (its colours come from the palette's changes, not from activation)
    and takes no keyboard focus.
    """

    SWALLOWED = frozenset({QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        return event.type() in self.SWALLOWED


#: A marker's symbol, pen or brush not set (pyqtgraph's "take the item's own").
_NONE = np.array(None, dtype=object)


class SameStyleSpots(pg.ScatterPlotItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Markers that find their place in the symbol atlas once when they all look the same.

    pyqtgraph looks up each marker's symbol, size, pen and brush, in Python, whenever markers
    are set, where every marker of our charts takes the item's own: feeding the two trend
    charts ten years of weeks (522 markers each) took 5.9 ms, and 5.1 with these. A marker
    given a look of its own is looked up by pyqtgraph as before.
    """

    @classmethod
    def take_over(cls, item: pg.PlotDataItem) -> SameStyleSpots:
        """Draw `item`'s markers (a series not yet in a scene) with one of these."""
        spots = cls()
        spots.setParentItem(item)
        spots.sigClicked.connect(item.scatterClicked)
        spots.sigHovered.connect(item.sigPointsHovered)
        item.scatter.setParentItem(None)
        item.scatter = spots
        item.updateItems(styleUpdate=True)
        return spots

    def same_style(self, points: np.ndarray) -> bool:
        """Whether every one of `points` takes the item's symbol, size, pen and brush."""
        return bool(
            self.opts["pxMode"] and self.opts["useCache"] and not self.opts["hoverable"]
            and (points["size"] == -1).all()
            and all(np.equal(points[name], _NONE).all() for name in ("symbol", "pen", "brush"))
        )

    def updateSpots(self, dataSet: np.ndarray | None = None) -> None:  # noqa: N802, N803
        points = self.data if dataSet is None else dataSet
        if not self.same_style(points):
            super().updateSpots(dataSet)
            return
        # As pyqtgraph's own, with the one look found once for every marker new to the atlas.
        new = points["sourceRect"]["w"] == 0
        if np.any(new):
            style = (self.opts["symbol"], self.opts["size"], self.opts["pen"], self.opts["brush"])
            points["sourceRect"][new] = self.fragmentAtlas[[style]][0]
        self._maybeRebuildAtlas()
        self._updateMaxSpotSizes(data=points)
        if np.any(new):
            self.invalidate()


class TimeChart(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    """A plot over dates: local-time date axis, no mouse zoom, palette colours, optional legend."""

    def __init__(
        self,
        y_label: str,
        *,
        legend: bool = False,
        legend_at_bottom: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent=parent, axisItems={"bottom": DateAxis(),
                                                   "left": NumberAxis(orientation="left")})
        self.setMinimumSize(QSize(240, 160))
        self._y_label = y_label
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.disableAutoRange()  # every chart sets its ranges from its data and the range picked
        # Years of sessions are thousands of points on a few hundred pixels: each curve is drawn
        # decimated to the pixels it covers (a column's lowest and highest value kept), and
        # only what is in view.
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.showGrid(x=False, y=True, alpha=1.0)
        item.layout.setContentsMargins(4, 8, 12, 4)
        left_axis = self.getAxis("left")
        left_axis.setWidth(56)
        # Show the labels at the ends of the range (0, 10, 100) rather than dropping them.
        left_axis.setStyle(hideOverlappingLabels=False, maxTickLevel=0)
        # No SI prefix is ever wanted (the labels name their units; one could scale a ratio
        # axis below 1), and for it pyqtgraph sets each axis's label anew, its HTML laid out,
        # at every range it is given: four labels a chart a range picked.
        for name in ("left", "bottom", "top", "right"):
            self.getAxis(name).enableAutoSIPrefix(False)
        self.legend: pg.LegendItem | None = None
        if legend:
            # Top right by default: pain and doses sit low there late in a history.
            offset = (-8, -4) if legend_at_bottom else (-8, 4)
            self.legend = item.addLegend(offset=offset, labelTextSize="9pt", colCount=3)
        self.colors = ChartColors.from_palette(self.palette())
        self._no_activation = _NoActivation(self)
        self.scene().installEventFilter(self._no_activation)

    def plot(self, *args: object, **kwargs: object) -> pg.PlotDataItem:
        """A series of this chart, decimated to about one point per pixel when drawn."""
        item = pg.PlotDataItem(*args, **kwargs)
        SameStyleSpots.take_over(item)
        self.getPlotItem().addItem(item)
        # pyqtgraph keeps 5 points a pixel by default: ten years of daily points on a chart
        # 500 pixels wide would not be thinned at all.
        item.opts["autoDownsampleFactor"] = POINTS_PER_PIXEL
        # A line's stroke is kept as a picture until its data, pen, range or size change: a
        # repaint (a tooltip, a hover, the window uncovered) copies it. Ten years' trend line
        # takes 4 ms to stroke. Markers are drawn as before: cached, they land a pixel apart.
        item.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        return item

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_legend()

    def fit_legend(self) -> None:
        """Entries side by side while they fit the plot's width, else in more rows.

        One row of three was wider than the plot at 800x600 and lost its first words.
        """
        # pyqtgraph resizes the view while it is built and while it closes, when the legend or
        # the axes are not there.
        legend: pg.LegendItem | None = getattr(self, "legend", None)
        try:
            room = self.width() - self.getAxis("left").width() - 16  # the layout's margins
        except AttributeError:
            return
        if legend is None or not legend.items:
            return
        for columns in range(len(legend.items), 0, -1):
            legend.setColumnCount(columns)
            if legend.boundingRect().width() <= room:
                break

    def apply_colors(self, colors: ChartColors) -> None:
        self.colors = colors
        self.setBackground(colors.background)
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setPen(_pen(colors.axis, 1))
            axis.setTextPen(colors.text)
        # The grid is drawn with the axis pen at the grid alpha: keep it faint on both themes.
        self.getPlotItem().showGrid(x=False, y=True, alpha=0.25 if colors.dark else 0.18)
        self.getAxis("left").setLabel(self._y_label, color=colors.text.name())
        if self.legend is not None:
            self.legend.setBrush(_translucent(colors.background, 0.85))
            self.legend.setPen(_pen(colors.grid, 1))
            self.legend.setLabelTextColor(colors.text)
            for _sample, label in self.legend.items:
                label.setText(label.text)  # re-render with the new colour

    def set_y_label(self, text: str) -> None:
        """Name the values; the same name again sets nothing (an exercise picked after another
        of the same unit)."""
        if text != self._y_label:
            self._y_label = text
            self.getAxis("left").setLabel(text, color=self.colors.text.name())

    def settle(self) -> None:
        """Bring the plot's transform up to date now, after its data and range were set.

        pyqtgraph does it at the start of the next paint, and the curves and markers then move
        their bounds inside that paint: Qt paints the plot a second time for it (over ten years
        a second stroke of each 522-point trend line). Done here, one paint draws it all.
        """
        if self.legend is not None:
            self.legend.layout.activate()  # a renamed entry's new width, before the paint too
        self.scene().prepareForPaint()

    def set_time_span(self, start: date, end: date) -> None:
        """Show local midnight of `start` to the end of `end`."""
        self.setXRange(day_timestamp(start), day_timestamp(end + timedelta(days=1)), padding=0.02)

    def symbol_options(self, count: int, color: QColor, symbol: str = "o") -> dict[str, object]:
        if count > MAX_MARKERS:
            return {"symbol": None}
        return {
            "symbol": symbol,
            "symbolSize": 7,
            "symbolBrush": color,
            "symbolPen": _pen(self.colors.background, 1),
        }


#: Above this many weeks (two years) a bar a week is under five pixels wide on a chart of
#: 1280x800, and at ten years under two: the bars run together into a block. Each bar is then a
#: month, as high as the mean sessions a week of its weeks.
MONTHLY_AFTER_WEEKS = 104


class MonthBar(Struct, frozen=True):
    first: date  # the month's first day
    days: int  # the days in the month
    per_week: float  # the mean sessions a week of the weeks counted in it
    weeks: int


def fold_months(starts: Sequence[date], counts: Sequence[int]) -> list[MonthBar]:
    """The weeks (Mondays and sessions) as months, oldest first: a week counts in the month of
    its Thursday, as ISO 8601 gives a week to the year of its Thursday."""
    months: dict[date, list[int]] = {}
    for start, count in zip(starts, counts, strict=True):
        thursday = start + timedelta(days=3)
        months.setdefault(thursday.replace(day=1), []).append(count)
    bars = []
    for first, weekly in sorted(months.items()):
        following = (first + timedelta(days=32)).replace(day=1)
        bars.append(MonthBar(first, (following - first).days, sum(weekly) / len(weekly),
                             len(weekly)))
    return bars


class WeekBars(pg.BarGraphItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Sessions per week as bars centred on each week (or month); at the goal in the accent colour.

    Drawn as two sets of bars of one colour each (this item the bars below the goal, a child
    the bars at it), which pyqtgraph draws in one call apiece: ten years are 520 weeks, and a
    brush per bar made painting them several times slower.
    """

    def __init__(self) -> None:
        super().__init__(x=np.zeros(0), height=np.zeros(0), width=WEEK_S * 0.7, brush=None)
        self._met = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=WEEK_S * 0.7,
                                    brush=None)
        self._met.setParentItem(self)
        self._x = np.zeros(0)
        self._height = np.zeros(0)

    def set_weeks(
        self, starts: Sequence[date], counts: Sequence[int], goal: int, colors: ChartColors
    ) -> None:
        x = np.array([day_timestamp(d) + WEEK_S / 2 for d in starts], dtype=float)
        self._set(x, np.array(counts, dtype=float), np.full(len(x), WEEK_S * 0.7), goal, colors)

    def set_months(self, months: Sequence[MonthBar], goal: int, colors: ChartColors) -> None:
        x = np.array([day_timestamp(m.first) + m.days * DAY_S / 2 for m in months], dtype=float)
        widths = np.array([m.days * DAY_S * 0.7 for m in months], dtype=float)
        self._set(x, np.array([m.per_week for m in months], dtype=float), widths, goal, colors)

    def _set(self, x: np.ndarray, height: np.ndarray, width: np.ndarray, goal: int,
             colors: ChartColors) -> None:
        self._x, self._height = x, height
        met = height >= goal
        self.setOpts(x=x[~met], height=height[~met], width=width[~met],
                     brush=pg.mkBrush(colors.muted), pen=None)
        self._met.setOpts(x=x[met], height=height[met], width=width[met],
                          brush=pg.mkBrush(colors.accent), pen=None)

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802 - as PlotDataItem.getData
        return self._x, self._height


class WeeklyChart(TimeChart):
    """Sessions per ISO week as bars (per month over more than two years), with the weekly goal
    as a dashed line."""

    def __init__(self, y_label: str, goal_label: str, month_tip: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(y_label, parent=parent)
        self._goal_label = goal_label
        self._month_tip = month_tip
        #: Whether the bars shown are months (more than MONTHLY_AFTER_WEEKS weeks).
        self.per_month = False
        self.bars = WeekBars()
        self.addItem(self.bars)
        self.goal_line = pg.InfiniteLine(
            pos=2,
            angle=0,
            movable=False,
            label=goal_label.format(2),
            labelOpts={"position": 0.02, "anchors": [(0, 1), (0, 1)]},
        )
        self.addItem(self.goal_line)
        self.getAxis("left").setTickSpacing(major=1, minor=1)
        self.apply_colors(self.colors)

    def apply_colors(self, colors: ChartColors) -> None:
        super().apply_colors(colors)
        if hasattr(self, "goal_line"):
            self.goal_line.setPen(_pen(colors.text, 2, dashed=True))
            _label_colors(self.goal_line.label, colors)

    def show_weeks(self, starts: Sequence[date], counts: Sequence[int], goal: int) -> None:
        self.per_month = len(starts) > MONTHLY_AFTER_WEEKS
        if self.per_month:
            months = fold_months(starts, counts)
            self.bars.set_months(months, goal, self.colors)
            heights = [m.per_week for m in months]
        else:
            self.bars.set_weeks(starts, counts, goal, self.colors)
            heights = [float(count) for count in counts]
        self.setToolTip(self._month_tip if self.per_month else "")
        self.goal_line.setValue(goal)
        self.goal_line.label.setFormat(self._goal_label.format(goal))
        top = math.ceil(max([goal, *heights])) + 1
        self.setYRange(0, top, padding=0.045)
        # Integer ticks only; fewer of them when the bars are tall.
        step = 1 if top <= 8 else 2 if top <= 16 else 5
        self.getAxis("left").setTickSpacing(major=step, minor=step)
        if starts:
            self.set_time_span(starts[0], starts[-1] + timedelta(days=6))


class ProgressChart(TimeChart):
    """One exercise per session: the result as a line with markers, the target dashed."""

    def __init__(
        self, y_label: str, result_name: str, target_name: str, parent: QWidget | None = None
    ):
        super().__init__(y_label, legend=True, legend_at_bottom=True, parent=parent)
        self.result = self.plot([], [], name=result_name, antialias=True)
        self.target = self.plot([], [], name=target_name, antialias=True, connect="finite")
        self.apply_colors(self.colors)

    def apply_colors(self, colors: ChartColors) -> None:
        super().apply_colors(colors)
        if hasattr(self, "result"):
            self.result.setPen(_pen(colors.accent, 2))
            self.target.setPen(_pen(colors.target, 1.5, dashed=True))

    def show_points(self, x: np.ndarray, values: np.ndarray, targets: np.ndarray) -> None:
        self.result.setData(x, values, **self.symbol_options(len(x), self.colors.accent))
        known = np.isfinite(targets)
        self.target.setData(x[known], targets[known])
        finite = np.concatenate([values, targets[np.isfinite(targets)]])
        top = float(finite.max()) if finite.size else 1.0
        self.setYRange(0, top * 1.15 + 1, padding=0.045)

    def show_progress(self, points: Sequence[ProgressPoint]) -> None:
        self.show_points(
            timestamps([p.started_at for p in points]),
            values_array([p.value for p in points]),
            values_array([p.target for p in points]),
        )


class SidesChart(TimeChart):
    """Left and right results of a one-sided exercise, one line each, distinct markers."""

    def __init__(
        self, y_label: str, left_name: str, right_name: str, parent: QWidget | None = None
    ):
        super().__init__(y_label, legend=True, legend_at_bottom=True, parent=parent)
        self.left = self.plot([], [], name=left_name, antialias=True, connect="finite")
        self.right = self.plot([], [], name=right_name, antialias=True, connect="finite")
        self.apply_colors(self.colors)

    def apply_colors(self, colors: ChartColors) -> None:
        super().apply_colors(colors)
        if hasattr(self, "left"):
            self.left.setPen(_pen(colors.left, 2))
            self.right.setPen(_pen(colors.right, 2, dashed=True))

    def show_sides(self, x: np.ndarray, left: np.ndarray, right: np.ndarray) -> None:
        for item, values, color, symbol in (
            (self.left, left, self.colors.left, "t"),
            (self.right, right, self.colors.right, "s"),
        ):
            known = np.isfinite(values)
            # Gaps (a side not measured that session) are skipped rather than drawn as breaks.
            item.setData(
                x[known], values[known], **self.symbol_options(int(known.sum()), color, symbol)
            )
        both = np.concatenate([left, right])
        both = both[np.isfinite(both)]
        top = float(both.max()) if both.size else 1.0
        self.setYRange(0, top * 1.15 + 1, padding=0.045)

    def show_series(self, series: SideSeries) -> None:
        self.show_sides(
            timestamps(series.at), values_array(series.left), values_array(series.right)
        )


class RatioChart(TimeChart):
    """left / right per session, with 1.0 (even) marked."""

    def __init__(self, y_label: str, even_label: str, parent: QWidget | None = None) -> None:
        super().__init__(y_label, parent=parent)
        self.ratio = self.plot([], [], antialias=True, connect="finite")
        self.even = pg.InfiniteLine(
            pos=1.0,
            angle=0,
            movable=False,
            label=even_label,
            labelOpts={"position": 0.02, "anchors": [(0, 1), (0, 1)]},
        )
        self.addItem(self.even)
        self.apply_colors(self.colors)

    def apply_colors(self, colors: ChartColors) -> None:
        super().apply_colors(colors)
        if hasattr(self, "ratio"):
            self.ratio.setPen(_pen(colors.ratio, 2))
            self.even.setPen(_pen(colors.text, 1.5, dashed=True))
            _label_colors(self.even.label, colors)

    def show_ratio(self, x: np.ndarray, ratio: np.ndarray) -> None:
        known = np.isfinite(ratio)
        self.ratio.setData(
            x[known], ratio[known], **self.symbol_options(int(known.sum()), self.colors.ratio)
        )
        finite = ratio[known]
        low = min(0.5, float(finite.min()) - 0.05) if finite.size else 0.5
        high = max(1.5, float(finite.max()) + 0.05) if finite.size else 1.5
        self.setYRange(low, high, padding=0)

    def show_series(self, series: SideSeries) -> None:
        self.show_ratio(timestamps(series.at), values_array(series.ratio))


def thinned(x: np.ndarray, y: np.ndarray, step: int) -> tuple[np.ndarray, np.ndarray]:
    """A smooth line's points averaged `step` at a time (each mean at its group's middle point),
    its first and last points kept as they are."""
    count = (len(x) - 2) // step
    if step <= 1 or count < 1:
        return x, y
    groups = y[1 : 1 + count * step].reshape(count, step).mean(axis=1)
    middles = x[1 + step // 2 : 1 + count * step : step]
    return (np.concatenate((x[:1], middles, x[-1:])), np.concatenate((y[:1], groups, y[-1:])))


class TrendChart(TimeChart):
    """Per-session values as faint markers with a rolling mean line, on a fixed y range."""

    def __init__(
        self,
        y_label: str,
        y_range: tuple[float, float],
        points_name: str,
        trend_name: str,
        extra_name: str | None = None,
        *,
        legend_at_bottom: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(y_label, legend=True, legend_at_bottom=legend_at_bottom, parent=parent)
        self._y_range = y_range
        self.points = self.plot([], [], name=points_name, pen=None, antialias=True)
        self.extra = (
            self.plot([], [], name=extra_name, pen=None, antialias=True) if extra_name else None
        )
        self.trend = self.plot([], [], name=trend_name, antialias=True)
        # Thinned here (`thinned`), to the plot's width, rather than by pyqtgraph: its averaged
        # points leave out the first and last, where the line starts and ends.
        self.trend.setDownsampling(auto=False)
        self._trend_data = (np.zeros(0), np.zeros(0))
        self._trend_step = 1
        self.getPlotItem().vb.sigResized.connect(self._thin_trend)
        self._role = "pain"
        self.setYRange(*y_range, padding=0.045)
        self.getAxis("left").setTickSpacing(
            major=(y_range[1] - y_range[0]) / 5, minor=(y_range[1] - y_range[0]) / 10
        )

    def set_names(self, points_name: str, extra_name: str | None = None) -> None:
        """Name the points (and the second series) in the legend: a session's, or a week's."""
        names: dict[pg.PlotDataItem, str] = {self.points: points_name}
        if self.extra is not None and extra_name is not None:
            names[self.extra] = extra_name
        for item, name in names.items():
            item.opts["name"] = name
        if self.legend is None:
            return
        for sample, label in self.legend.items:
            new_name = names.get(sample.item)
            if new_name is not None and label.text != new_name:
                label.setText(new_name)
        self.fit_legend()

    def _list_extra(self, shown: bool) -> None:
        """The second series in the legend only while it is drawn."""
        if self.legend is None or self.extra is None:
            return
        listed = any(sample.item is self.extra for sample, _ in self.legend.items)
        if listed and not shown:
            self.legend.removeItem(self.extra)
        elif shown and not listed:
            self.legend.addItem(self.extra, self.extra.opts["name"])
            self.apply_colors(self.colors)  # the new label in the theme's colour
        else:
            return
        self.fit_legend()

    def set_role(self, role: str) -> None:
        """'pain' or 'glutes': which series colour this chart uses."""
        self._role = role
        self.apply_colors(self.colors)

    def _series_color(self) -> QColor:
        return self.colors.pain if self._role == "pain" else self.colors.glutes

    def apply_colors(self, colors: ChartColors) -> None:
        super().apply_colors(colors)
        if hasattr(self, "trend"):
            color = self._series_color()
            self.trend.setPen(_pen(color, 2.5))
            self.points.setSymbolBrush(_translucent(color, 0.5 if self.colors.dark else 0.35))
            self.points.setSymbolPen(None)
            if self.extra is not None:
                self.extra.setSymbolBrush(None)
                self.extra.setSymbolPen(_pen(_translucent(color, 0.6), 1))

    def show_trend(
        self,
        x: np.ndarray,
        values: np.ndarray,
        trend: np.ndarray,
        extra: np.ndarray | None = None,
    ) -> None:
        color = self._series_color()
        size = 6 if len(x) <= MAX_MARKERS else 3
        self.points.setData(
            x,
            values,
            symbol="o",
            symbolSize=size,
            symbolPen=None,
            symbolBrush=_translucent(color, 0.5 if self.colors.dark else 0.35),
        )
        if self.extra is not None:
            # Per-session worst ratings only while they can be told apart.
            data = extra if extra is not None and len(x) <= MAX_MARKERS else np.zeros(0)
            self.extra.setData(
                x[: len(data)],
                data,
                symbol="t1",
                symbolSize=size + 2,
                symbolBrush=None,
                symbolPen=_pen(_translucent(color, 0.6), 1),
            )
            self._list_extra(bool(len(data)))
        self._trend_data = (x, trend)
        self._thin_trend(force=True)
        self.setYRange(*self._y_range, padding=0.045)

    def _thin_trend(self, _view: object = None, *, force: bool = False) -> None:
        """Draw the trend thinned for the plot's width now; on a resize, only if that changes
        how much."""
        x, y = self._trend_data
        room = self.getPlotItem().vb.width() * TREND_POINTS_PER_PIXEL
        step = max(1, int(len(x) / max(1.0, room)))
        if force or step != self._trend_step:
            self._trend_step = step
            self.trend.setData(*thinned(x, y, step))

    def show_series(self, trend: Trend) -> None:
        self.show_trend(
            timestamps(trend.at),
            values_array(trend.values),
            values_array(trend.trend),
            values_array(trend.worst) if trend.worst else None,
        )


#: The corners of a day's cell in the calendar, in pixels.
CELL_RADIUS = 2.5


def _fill_cell(painter: QPainter, rect: QRectF, fill: QColor) -> None:
    """A day's cell: a rounded square in `fill`, no outline."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, CELL_RADIUS, CELL_RADIUS)


def stamped(ratio: float) -> bool:
    """Whether the calendar's cells are stamped at this device pixel ratio: at a whole one. At
    a fractional one a cell can start inside a device pixel, and is drawn."""
    return ratio.is_integer()


class ActivityCalendar(QWidget):
    """Active days as a grid: a column per week, Monday at the top; the latest weeks that fit."""

    MIN_CELL = 11
    MAX_CELL = 30

    def __init__(self, weekday_names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weekday_names = list(weekday_names)  # Monday first
        self._days: list[tuple[date, int]] = []
        # Days as ordinals (day 1 of year 1, a Monday, is 1): a paint of years of weeks looks
        # up hundreds of days, and date arithmetic for each cost more than drawing it.
        self._counts: dict[int, int] = {}
        self._mondays: list[int] = []  # of every week the days touch, in order
        self._today: date | None = None
        # The grid as last drawn (cell, left, top, cell's square, Mondays), for the cells
        # under the pointer; none until drawn.
        self._grid: tuple[int, int, int, int, list[int]] | None = None
        # A cell of each fill, drawn once per size: years of weeks are hundreds of cells, and
        # an antialiased rounded square stroked for each cost 3 ms a paint (a stamp: 0.3).
        self._stamps: dict[tuple[int, int, float], QPixmap] = {}
        # The whole calendar as last drawn, at that size for a device of that many device
        # pixels a pixel: a repaint with nothing changed (a grab, the window uncovered) copies
        # it.
        self._drawn: tuple[QSize, float, QPixmap] | None = None
        self.tooltip_format = "{day}: {count}"
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(220, 140))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_days(self, days: Sequence[tuple[date, int]], today: date) -> None:
        self._days = list(days)
        self._counts = {day.toordinal(): count for day, count in self._days}
        # Once here rather than at every paint: ten years are 3,652 days for 60 weeks shown.
        self._mondays = sorted({day - (day - 1) % 7 for day in self._counts})
        self._today = today
        self._forget_drawing()

    def days(self) -> list[tuple[date, int]]:
        return list(self._days)

    @property
    def _cells(self) -> list[tuple[QRect, date, int]]:
        """The cells drawn, oldest first: where each is, its day and its count. Made when
        asked (ten years draw some 400 cells a paint, and only a test lists them)."""
        if self._grid is None:
            return []
        cell, left, top, size, mondays = self._grid
        return [(QRect(left + column * cell, top + row * cell, size, size),
                 date.fromordinal(monday + row), self._counts[monday + row])
                for column, monday in enumerate(mondays) for row in range(7)
                if monday + row in self._counts]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(520, 200)

    def _forget_drawing(self) -> None:
        self._drawn = None
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange, QEvent.Type.LocaleChange):
            self._forget_drawing()
        super().changeEvent(event)

    def _layout(self) -> tuple[int, int, int, list[int]]:
        """Cell size, left and top offsets (the grid centred), and the week Mondays (ordinals)
        that fit."""
        metrics = QFontMetrics(self.font())
        label_w = max(metrics.horizontalAdvance(n) for n in self._weekday_names) + 8
        label_h = metrics.height() + 6
        mondays = self._mondays
        width = self.width() - label_w - 8
        height = self.height() - label_h - 6
        # As large as the height allows and every week fits; below the smallest legible cell,
        # the latest weeks that fit.
        cell = max(self.MIN_CELL, min(self.MAX_CELL, height // 7, width // max(1, len(mondays))))
        fit = max(1, width // cell)
        if len(mondays) > fit:
            mondays = mondays[-fit:]
        grid_w = label_w + cell * len(mondays)
        grid_h = label_h + cell * 7
        left = max(0, (self.width() - grid_w) // 2) + label_w
        top = max(0, (self.height() - grid_h) // 2) + label_h
        return cell, left, top, mondays

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        # Device pixels a pixel: the screen's, or an image's the calendar is rendered into.
        ratio = painter.deviceTransform().m11()
        if self._drawn is None or self._drawn[:2] != (self.size(), ratio):
            image = QPixmap(self.size() * ratio)
            image.setDevicePixelRatio(ratio)
            drawing = QPainter(image)
            self.draw(drawing, ratio)
            drawing.end()
            self._drawn = (self.size(), ratio, image)
        painter.drawPixmap(0, 0, self._drawn[2])
        painter.end()

    def draw(self, painter: QPainter, ratio: float) -> None:
        """The whole calendar, on a device of `ratio` device pixels a pixel."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colors = ChartColors.from_palette(self.palette())
        painter.fillRect(self.rect(), colors.background)
        cell, left, top, mondays = self._layout()
        counts = self._counts
        gap = max(2, cell // 6)
        painter.setPen(colors.text)
        metrics = QFontMetrics(self.font())
        for row, name in enumerate(self._weekday_names):
            if row % 2 == 0:
                painter.drawText(
                    QRect(left - 200, top + row * cell, 194, cell),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    name,
                )
        fills = (colors.grid, colors.glutes, blend(colors.glutes, colors.text, 0.25))
        # At a fractional scale a cell can start inside a device pixel: drawn, not stamped.
        stamps = ([self._stamp(cell - gap, fill, ratio) for fill in fills]
                  if stamped(ratio) else None)
        today = self._today.toordinal() if self._today is not None else None
        size = cell - gap
        self._grid = (cell, left, top, size, mondays)
        last_month: int | None = None
        next_label_x = 0
        for column, monday in enumerate(mondays):
            x = left + column * cell
            month = date.fromordinal(monday + 6).month
            if month != last_month:
                # A month's name over the week holding its first day, when there is room.
                label = short_month(month)
                if x >= next_label_x:
                    painter.setPen(colors.text)
                    painter.drawText(QPoint(x, top - metrics.descent() - 4), label)
                    next_label_x = x + metrics.horizontalAdvance(label) + 6
                last_month = month
            for row in range(7):
                count = counts.get(monday + row)
                if count is None:
                    continue
                y = top + row * cell
                if stamps is not None:
                    painter.drawPixmap(x, y, stamps[min(count, 2)])
                else:
                    _fill_cell(painter, QRectF(x, y, size, size), fills[min(count, 2)])
                if monday + row == today:
                    painter.setPen(_pen(colors.text, 1.5))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(QRectF(x, y, size, size).adjusted(0.5, 0.5, -0.5, -0.5),
                                            CELL_RADIUS, CELL_RADIUS)

    def _stamp(self, size: int, fill: QColor, ratio: float) -> QPixmap:
        """A day's cell, `size` pixels square, in `fill`: a rounded square on transparency, for
        a device of `ratio` device pixels a pixel."""
        key = (size, fill.rgba(), ratio)
        stamp = self._stamps.get(key)
        if stamp is None:
            if len(self._stamps) > 12:  # sizes and themes gone by
                self._stamps.clear()
            stamp = QPixmap(round(size * ratio), round(size * ratio))
            stamp.setDevicePixelRatio(ratio)
            stamp.fill(Qt.GlobalColor.transparent)
            painter = QPainter(stamp)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _fill_cell(painter, QRectF(0, 0, size, size), fill)
            painter.end()
            self._stamps[key] = stamp
        return stamp

    def cell_at(self, point: QPoint) -> tuple[date, int] | None:
        if self._grid is None:
            return None
        cell, left, top, size, mondays = self._grid
        column, x = divmod(point.x() - left, cell)
        row, y = divmod(point.y() - top, cell)
        if not (0 <= column < len(mondays) and 0 <= row < 7 and x < size and y < size):
            return None  # off the grid, or in the gap between two cells
        day = mondays[column] + row
        count = self._counts.get(day)
        return None if count is None else (date.fromordinal(day), count)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        # The tooltip follows the cell under the pointer; Qt shows it. (Overriding event()
        # instead would route every event, deferred deletion included, through Python.)
        found = self.cell_at(event.position().toPoint())
        if found is None:
            self.setToolTip("")
        else:
            day, count = found
            self.setToolTip(self.tooltip_format.format(
                day=QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy"),
                count=count,
            ))
        super().mouseMoveEvent(event)


class ChartPanel(QFrame):
    """A titled chart with a "Save PNG" button; shows a message instead when there is no data."""

    save_requested = Signal(str)

    def __init__(
        self,
        name: str,
        title: str,
        chart: QWidget,
        save_text: str,
        save_accessible: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.chart = chart
        self.setObjectName(f"chart_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        chart.setAccessibleName(title)

        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.save_button = QPushButton(save_text)
        self.save_button.setObjectName(f"save_{name}")
        self.save_button.setAccessibleName(save_accessible)
        self.save_button.setToolTip(save_accessible)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.name))

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.save_button)

        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setObjectName(f"message_{name}")
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._stack = QStackedLayout()
        self._stack.addWidget(chart)
        self._stack.addWidget(self.message)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(self._stack, 1)

    @property
    def has_chart(self) -> bool:
        return self._stack.currentWidget() is self.chart

    def show_chart(self) -> None:
        self._stack.setCurrentWidget(self.chart)
        self.save_button.setEnabled(True)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self._stack.setCurrentWidget(self.message)
        self.save_button.setEnabled(False)
