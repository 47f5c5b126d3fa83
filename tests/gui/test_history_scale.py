"""History over years reads digests, not sets: the list a page at a time, the report on demand.

Not timed (benchmarks/history_scale.py measures the speed): these tests check what is read,
which is what makes ten years cost about what four weeks cost.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.stats import HistoryRange, Measure, measure_for, range_stats
from gluteapp.gui.history.charts import TimeChart
from gluteapp.gui.history.sessions_model import SessionTreeModel
from gluteapp.gui.history.view import HistoryView
from gluteapp.gui.history_service import HistoryService
from gluteapp.storage import HistoryStore, open_history
from gluteapp.storage.export import fill_demo_history

TODAY = date(2025, 9, 17)


@pytest.fixture(scope="module")
def years_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two years of daily sessions: 730 sessions, far more than a page of the list."""
    data_dir = tmp_path_factory.mktemp("years") / "data"
    fill_demo_history(data_dir, 2, seed=5, daily=True, until=TODAY)
    return data_dir


@pytest.fixture
def store(years_dir: Path) -> Iterator[HistoryStore]:
    opened = open_history(years_dir, daily_backup=False)
    yield opened
    opened.close(backup=False)


class CountingService(HistoryService):
    """The real service, counting the sessions it reads with their sets."""

    def __init__(self, store: HistoryStore) -> None:
        super().__init__(store)
        self.full_reads = 0
        self.paged: list[tuple[int, int]] = []
        self.reads: list[str] = []  # of digests: "sessions", "weeks", "exercise weeks"

    def list_sessions(self, since: Any = None, until: Any = None) -> Any:
        self.full_reads += 1
        return super().list_sessions(since, until)

    def session_digests(self, since: Any = None, until: Any = None) -> Any:
        self.reads.append("sessions")
        return super().session_digests(since, until)

    def week_digests(self, since: Any = None, until: Any = None, tz: Any = None) -> Any:
        self.reads.append("weeks")
        return super().week_digests(since, until, tz)

    def exercise_digests(self, exercise_id: Any = None, since: Any = None,
                         until: Any = None) -> Any:
        self.reads.append("exercise sessions")
        return super().exercise_digests(exercise_id, since, until)

    def exercise_weeks(self, exercise_id: Any, since: Any = None, until: Any = None,
                       tz: Any = None) -> Any:
        self.reads.append("exercise weeks")
        return super().exercise_weeks(exercise_id, since, until, tz)

    def sessions_page(self, offset: int, limit: int, since: Any = None,
                      until: Any = None) -> Any:
        self.paged.append((offset, limit))
        return super().sessions_page(offset, limit, since, until)


def make_view(qtbot: QtBot, service: HistoryService) -> HistoryView:
    view = HistoryView(service, builtin_library(), 2, today=lambda: TODAY, tz=UTC,
                       history_range=HistoryRange.ALL)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_all_of_the_history_is_shown_without_reading_a_set_of_it(
    qtbot: QtBot, store: HistoryStore
) -> None:
    service = CountingService(store)
    view = make_view(qtbot, service)
    view._tabs.setCurrentIndex(2)  # the session list, on screen
    qtbot.wait(50)
    assert service.full_reads == 0
    model = view.sessions_model
    assert model.total == view.stats.summary.sessions == 730
    # Only what is on screen was read, a page at a time.
    assert 0 < model.rowCount() < model.total
    assert all(limit <= SessionTreeModel.PAGE for _, limit in service.paged)
    # The numbers are those of every set read the usual way.
    expected = range_stats(store.list_sessions(), builtin_library(), HistoryRange.ALL, TODAY,
                           2, UTC)
    assert view.stats.summary == expected.summary
    assert view.stats.weeks == expected.weeks
    assert view.stats.pain_trend == expected.pain_trend


def test_the_list_reads_the_next_page_as_it_is_scrolled_to_the_end(
    qtbot: QtBot, store: HistoryStore
) -> None:
    service = CountingService(store)
    view = make_view(qtbot, service)
    view._tabs.setCurrentIndex(2)
    model, tree = view.sessions_model, view.sessions_tree
    before = model.rowCount()
    tree.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > before)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total == 730
    newest_first = [model.session_at(row).started_at for row in range(model.rowCount())]
    assert newest_first == sorted(newest_first, reverse=True)
    assert len({model.session_at(row).id for row in range(model.rowCount())}) == 730
    assert service.full_reads == 0


def test_the_paged_model_is_a_sound_item_model(
    qtmodeltester: ModelTester, store: HistoryStore
) -> None:
    library = builtin_library()

    def measure_of(exercise_id: str) -> Measure:
        return measure_for(library.get(exercise_id))

    model = SessionTreeModel(library.name_of, measure_of)
    service = HistoryService(store)
    # The newest hundred of them: three pages (the tester walks every set of every row).
    model.show_pages(lambda offset, limit: service.sessions_page(offset, limit), 100)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 100
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]


def test_the_report_still_gets_every_session_with_its_sets(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path
) -> None:
    service = CountingService(store)
    view = make_view(qtbot, service)
    assert service.full_reads == 0
    view.write_report_to(tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").stat().st_size > 1000
    assert service.full_reads == 1  # read once, when the report asked for the sessions
    assert len(view.stats.sessions) == 730
    assert sum(len(s.sets) for s in view.stats.sessions) > 5000


def test_years_are_read_and_drawn_a_week_at_a_time_and_say_so(
    qtbot: QtBot, store: HistoryStore
) -> None:
    service = CountingService(store)
    view = make_view(qtbot, service)
    # Two years of daily sessions: 105 weekly rows, not 730 sessions; the exercise's weeks
    # when its tab is shown.
    assert service.reads == ["weeks"]
    assert service.paged == []  # the list is not on screen: read when its tab is shown
    pain = view.stats.pain_trend
    assert pain is not None
    assert pain.per_week
    assert len(pain.values) == 105
    assert view.pain_chart.points.xData.size == 105
    legend = [label.text for _, label in view.pain_chart.legend.items]
    assert legend == ["Weekly average", "Worst of the week", "Trend"]
    assert view.aggregate_label.text() == "Per week, show:"
    view._tabs.setCurrentIndex(1)
    assert service.reads == ["weeks", "exercise weeks"]
    progress = view.progress_chart.result.xData
    assert 50 < progress.size <= 105  # a point a week the exercise was done
    # Four weeks: a point a session again, each read from its digest.
    service.reads.clear()
    view.set_range(HistoryRange.FOUR_WEEKS)
    assert service.reads == ["sessions", "exercise sessions"]
    pain = view.stats.pain_trend
    assert pain is not None
    assert not pain.per_week
    assert len(pain.values) == len(view.stats.pain)
    legend = [label.text for _, label in view.pain_chart.legend.items]
    assert legend == ["Session average", "Session worst", "Trend"]
    assert view.aggregate_label.text() == "Per session, show:"
    assert view.stats.summary == range_stats(
        store.list_sessions(), builtin_library(), HistoryRange.FOUR_WEEKS, TODAY, 2, UTC).summary


def test_the_worst_is_in_the_legend_only_while_it_is_drawn(qtbot: QtBot) -> None:
    import numpy as np

    from gluteapp.gui.history.charts import MAX_MARKERS, TrendChart

    chart = TrendChart("Pain", (0, 10), "Weekly average", "Trend", "Worst of the week")
    qtbot.addWidget(chart)

    def legend() -> list[str]:
        assert chart.legend is not None
        return [label.text for _, label in chart.legend.items]

    for count, listed in ((MAX_MARKERS + 1, False), (10, True), (MAX_MARKERS * 3, False)):
        x = np.arange(count, dtype=float) * 604800.0
        values = np.full(count, 2.0)
        chart.show_trend(x, values, values, values + 3)
        assert chart.extra is not None
        drawn = chart.extra.xData  # as given (getData is what is in view, thinned)
        assert (0 if drawn is None else drawn.size) == (count if listed else 0)
        assert ("Worst of the week" in legend()) is listed
    chart.set_names("Session average", "Session worst")
    assert legend() == ["Session average", "Trend"]
    chart.show_trend(np.arange(3.0), np.ones(3), np.ones(3), np.ones(3))
    assert legend() == ["Session average", "Trend", "Session worst"]


@pytest.mark.parametrize(("history_range", "names"), [
    (HistoryRange.ALL, (["Weekly average", "Worst of the week", "Trend"], ["Week", "Trend"])),
    (HistoryRange.FOUR_WEEKS, (["Session average", "Session worst", "Trend"],
                               ["Session", "Trend"])),
])
def test_the_reports_legends_say_what_a_point_is(
    qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch,
    history_range: HistoryRange, names: tuple[list[str], list[str]],
) -> None:
    from PySide6.QtGui import QImage

    from gluteapp.gui.history import report

    legends: list[list[str]] = []
    render = report.render_chart

    def keep_legend(chart: TimeChart, *args: Any) -> QImage:
        image = render(chart, *args)
        if isinstance(chart, report.TrendChart) and chart.legend is not None:
            legends.append([label.text for _, label in chart.legend.items])
        return image

    monkeypatch.setattr(report, "render_chart", keep_legend)
    stats = range_stats(store.list_sessions(), builtin_library(), history_range, TODAY, 2, UTC)
    report._ReportBuilder(stats, builtin_library()).charts()
    assert legends == list(names)


def test_ten_years_of_weekly_trend_is_drawn_thinned_to_the_pixels(qtbot: QtBot) -> None:
    """The trend (a rolling mean) is averaged down to at most a point every two pixel columns
    (whole steps of thinning: between that and one every four), its first and last points as
    they are, where the markers keep a point a week; it follows the plot's width; a short range
    keeps every point."""
    import numpy as np

    from gluteapp.gui.history.charts import TREND_POINTS_PER_PIXEL, TrendChart

    chart = TrendChart("Pain", (0, 10), "Weekly average", "Trend", "Worst of the week")
    qtbot.addWidget(chart)
    chart.resize(480, 240)  # a chart of the History area at 1280 x 800
    chart.show()
    qtbot.waitExposed(chart)
    weeks = 522
    x = np.arange(weeks, dtype=float) * 604800.0
    trend = 5 + 3 * np.sin(np.arange(weeks) / 40)
    chart.show_trend(x, trend + 1, trend)
    chart.setXRange(x[0], x[-1], padding=0)
    width = chart.getPlotItem().vb.width()
    drawn_x, drawn = chart.trend.getData()
    assert width < weeks
    room = width * TREND_POINTS_PER_PIXEL  # a point every four pixels
    assert room - 2 <= drawn.size - 2 <= 2 * room
    # The line starts and ends where the trend does.
    assert (drawn_x[0], drawn[0], drawn_x[-1], drawn[-1]) == (x[0], trend[0], x[-1], trend[-1])
    # Averaged, not picked: each point between is the mean of the weeks it stands for.
    inner = drawn.size - 2
    step = (weeks - 2) // inner
    assert step >= 2
    assert np.allclose(drawn[1:-1], trend[1 : 1 + inner * step].reshape(inner, step).mean(axis=1))
    assert np.array_equal(drawn_x[1:-1], x[1 + step // 2 : 1 + inner * step : step])
    assert chart.points.getData()[0].size == weeks  # a marker a week: not thinned so

    chart.resize(960, 240)  # twice as wide: twice the points
    qtbot.waitUntil(lambda: chart.getPlotItem().vb.width() > 1.8 * width)
    wider = chart.trend.getData()[1].size - 2
    assert chart.getPlotItem().vb.width() * TREND_POINTS_PER_PIXEL - 2 <= wider
    assert wider > 1.5 * inner

    chart.show_trend(x[:100], trend[:100] + 1, trend[:100])
    chart.setXRange(x[0], x[99], padding=0)
    assert np.array_equal(chart.trend.getData()[1], trend[:100])


def test_markers_of_one_look_are_found_in_the_atlas_once_and_drawn_as_pyqtgraph_draws_them(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten years of weekly markers: one look to find (not 522), the same atlas place for each
    marker and the same picture as pyqtgraph's own markers; markers of looks of their own are
    left to pyqtgraph."""
    import numpy as np
    import pyqtgraph as pg
    from pyqtgraph.graphicsItems.ScatterPlotItem import SymbolAtlas

    from gluteapp.gui.history.charts import SameStyleSpots, TrendChart

    looked_up: list[int] = []
    keys = SymbolAtlas._keys
    monkeypatch.setattr(SymbolAtlas, "_keys",
                        lambda atlas, styles: looked_up.append(len(styles)) or keys(atlas, styles))
    weeks = 522
    x = np.arange(weeks, dtype=float) * 604800.0
    values = 5 + 3 * np.sin(np.arange(weeks) / 7)

    def drawn(own_markers: bool) -> tuple[Any, Any]:
        if not own_markers:
            monkeypatch.setattr(SameStyleSpots, "take_over", classmethod(lambda cls, item: None))
        chart = TrendChart("Pain", (0, 10), "Weekly average", "Trend", "Worst of the week")
        qtbot.addWidget(chart)
        chart.resize(480, 240)
        looked_up.clear()
        chart.show_trend(x, values, values)
        chart.setXRange(x[0], x[-1], padding=0)
        spots = chart.points.scatter
        assert isinstance(spots, SameStyleSpots) is own_markers
        return spots.data["sourceRect"].copy(), chart.grab().toImage()

    rects, picture = drawn(own_markers=True)
    assert looked_up
    assert max(looked_up) == 1
    stock_rects, stock_picture = drawn(own_markers=False)
    assert max(looked_up) == weeks
    assert rects.size == weeks
    assert np.array_equal(rects, stock_rects)
    assert picture == stock_picture

    # A look per marker: pyqtgraph's own way, every marker looked up.
    spots = SameStyleSpots()
    red, blue = pg.mkBrush("r"), pg.mkBrush("b")
    brushes = [red if n % 2 else blue for n in range(10)]
    looked_up.clear()
    spots.setData(x=x[:10], y=values[:10], brush=brushes)
    assert not spots.same_style(spots.data)
    assert max(looked_up) == 10
    assert len({tuple(rect) for rect in spots.data["sourceRect"].tolist()}) == 2


class PaintCounter(QObject):
    """Counts the paints of each chart's viewport."""

    def __init__(self, charts: dict[str, TimeChart]) -> None:
        super().__init__()
        self.counts = dict.fromkeys(charts, 0)
        self._names = {chart.viewport(): name for name, chart in charts.items()}
        for viewport in self._names:
            viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and watched in self._names:
            self.counts[self._names[watched]] += 1
        return False

    def take(self) -> dict[str, int]:
        counts, self.counts = self.counts, dict.fromkeys(self.counts, 0)
        return counts

    def drain(self, qtbot: QtBot) -> dict[str, int]:
        """The paints until 50 ms pass with none (a loaded machine can deliver a tab's first
        paints after the next change has begun)."""
        total = dict.fromkeys(self.counts, 0)
        for _ in range(40):
            qtbot.wait(50)
            counts = self.take()
            if not any(counts.values()):
                return total
            total = {name: total[name] + counts[name] for name in total}
        raise AssertionError(f"the charts kept painting: {total}")


def test_a_range_or_an_exercise_picked_paints_each_chart_once(
    qtbot: QtBot, store: HistoryStore
) -> None:
    """pyqtgraph brings a plot's transform up to date at the start of its paint, and the
    curves then move their bounds inside the paint: Qt painted each chart twice, stroking two
    years of trend lines twice. The view settles its charts after feeding them."""
    view = make_view(qtbot, HistoryService(store))
    overview = {"weekly": view.weekly_chart, "pain": view.pain_chart, "felt": view.felt_chart}
    counter = PaintCounter(overview)
    counter.drain(qtbot)
    for button in ("range_3m", "range_all", "range_4w", "range_1y"):  # sessions and weeks
        pushed = view.findChild(QPushButton, button)
        assert pushed is not None
        pushed.click()
        qtbot.wait(50)
        assert counter.take() == dict.fromkeys(overview, 1), button
    exercise = {"progress": view.progress_chart, "felt": view.exercise_felt_chart}
    counter = PaintCounter(exercise)
    view._tabs.setCurrentIndex(1)
    counter.drain(qtbot)  # the tab's own first paints are not counted
    picker = view.exercise_picker
    first = picker.currentIndex()
    for index in (first + 1, first):
        picker.setCurrentIndex(index)
        qtbot.wait(50)
        assert counter.take() == dict.fromkeys(exercise, 1), picker.currentText()


def test_a_tab_or_the_view_shown_again_paints_each_chart_once(
    qtbot: QtBot, store: HistoryStore
) -> None:
    """A chart shown in an active window told its scene so, and the plot, its axes and its
    view box each asked for another paint: three paints per chart for each tab switched to."""
    view = make_view(qtbot, HistoryService(store))
    tabs = {
        0: {"weekly": view.weekly_chart, "pain": view.pain_chart, "felt": view.felt_chart},
        1: {"progress": view.progress_chart, "felt": view.exercise_felt_chart,
            "sides": view.sides_chart, "ratio": view.ratio_chart},
    }
    counters = {index: PaintCounter(charts) for index, charts in tabs.items()}
    for counter in counters.values():
        counter.drain(qtbot)
    view.activateWindow()
    for index in (1, 0, 1, 0):
        view._tabs.setCurrentIndex(index)
        assert counters[index].drain(qtbot) == dict.fromkeys(tabs[index], 1), index
    # Another area picked and History picked again: the view hidden and shown.
    view.hide()
    counters[0].drain(qtbot)
    view.show()
    qtbot.waitExposed(view)
    assert counters[0].drain(qtbot) == dict.fromkeys(tabs[0], 1)


def test_a_range_or_an_exercise_picked_sets_no_axis_label_again(
    qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pyqtgraph set each axis's label anew (HTML laid out) at every range it was given, for an
    SI prefix no chart wants: four labels a chart a range; and the exercise's charts set their
    unit at every feed."""
    import pyqtgraph as pg

    labelled: list[str] = []
    set_label = pg.AxisItem._updateLabel

    def counted(axis: pg.AxisItem) -> None:
        labelled.append(axis.orientation)
        set_label(axis)

    monkeypatch.setattr(pg.AxisItem, "_updateLabel", counted)
    view = make_view(qtbot, HistoryService(store))
    view._tabs.setCurrentIndex(1)
    labelled.clear()
    for button in ("range_3m", "range_all", "range_4w", "range_1y"):
        pushed = view.findChild(QPushButton, button)
        assert pushed is not None
        pushed.click()
    assert labelled == []
    picker = view.exercise_picker
    units = [view.progress_chart.getAxis("left").labelText]
    for index in range(picker.count()):
        picker.setCurrentIndex(index)
        units.append(view.progress_chart.getAxis("left").labelText)
    changes = sum(1 for before, after in itertools.pairwise(units) if before != after)
    assert changes > 0  # seconds and repetitions: the label does follow the exercise
    # Only the progress and sides charts' units, and only when they change.
    assert 0 < len(labelled) <= 2 * changes
    pain_label = view.pain_chart.getAxis("left").labelString()
    assert "Pain (0" in pain_label
    assert "(x" not in pain_label  # no SI scale on any axis


def test_a_repaint_copies_the_lines_kept_and_draws_the_same_picture(
    qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each line is stroked once per change and copied on a repaint; kept or drawn again, the
    picture is the same pixel for pixel."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsItem

    strokes: list[int] = []
    stroke = pg.PlotCurveItem.paint

    def stroked(lines: int) -> None:
        """Wait for the paint (a loaded machine may be slow to it), then for any second one."""
        qtbot.waitUntil(lambda: len(strokes) >= lines)
        qtbot.wait(50)
        assert len(strokes) == lines

    def counted(item: pg.PlotCurveItem, *args: Any) -> None:
        strokes.append(len(item.getData()[0]))
        stroke(item, *args)

    # Patched before the view is made: Qt's calls into Python find the method once per item.
    monkeypatch.setattr(pg.PlotCurveItem, "paint", counted)
    view = make_view(qtbot, HistoryService(store))
    stroked(2)
    strokes.clear()
    kept = view.grab().toImage()
    assert strokes == []  # every line shown was copied
    view.set_range(HistoryRange.YEAR)  # new data: stroked again, once
    stroked(2)  # the pain and felt-in trends
    strokes.clear()
    view.set_range(HistoryRange.ALL)
    stroked(2)
    assert max(strokes) > 100  # two years of weeks
    strokes.clear()
    assert view.grab().toImage() == kept
    assert strokes == []
    for chart in view._time_charts():
        for item in chart.getPlotItem().listDataItems():
            if isinstance(item, pg.PlotDataItem):
                item.curve.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    drawn = view.grab().toImage()
    assert len(strokes) == 2
    assert drawn == kept


def test_the_session_list_is_read_when_its_tab_is_shown_for_the_range_picked(
    qtbot: QtBot, store: HistoryStore
) -> None:
    """A page of the list is some 500 sets: read when the list is on screen, never for the
    overview, and always for the range picked meanwhile."""
    service = CountingService(store)
    view = make_view(qtbot, service)
    view.set_range(HistoryRange.YEAR)
    assert service.paged == []
    model = view.sessions_model
    view._tabs.setCurrentIndex(2)
    year = len(view.stats.sessions)
    assert 300 < year < 730
    assert service.paged == [(0, SessionTreeModel.PAGE)]
    assert model.total == year
    assert model.session_at(0).started_at == max(s.started_at for s in store.list_sessions())
    service.paged.clear()
    view.set_range(HistoryRange.FOUR_WEEKS)  # on screen: read at once
    weeks = len(view.stats.sessions)
    assert service.paged == [(0, weeks)]
    assert model.rowCount() == model.total == weeks
    view._tabs.setCurrentIndex(0)
    view.set_range(HistoryRange.ALL)
    assert service.paged == [(0, weeks)]
    view._tabs.setCurrentIndex(2)
    assert model.total == 730
    assert service.paged[-1] == (0, SessionTreeModel.PAGE)
