"""Text on the history charts: month names in the UI language, legends that fit the plot."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from pyqtgraph.graphicsItems.DateAxisItem import MONTH_SPACING, YEAR_MONTH_ZOOM_LEVEL
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from gluteapp.gui.history.charts import DateAxis, TimeChart, TrendChart, short_month


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def month_ticks(qtbot: QtBot) -> list[str]:
    """The labels of three month ticks on a real chart's date axis."""
    chart = TimeChart("Sessions")
    qtbot.addWidget(chart)
    axis = chart.getAxis("bottom")
    assert isinstance(axis, DateAxis)
    axis.zoomLevel = YEAR_MONTH_ZOOM_LEVEL  # years and months
    starts = [datetime(2026, month, 1, 12).timestamp() for month in (9, 10, 12)]
    return list(axis.tickStrings(starts, 1.0, MONTH_SPACING))


def test_in_german_the_axis_and_calendar_say_okt_and_dez(german: None, qtbot: QtBot) -> None:
    assert [short_month(m) for m in (3, 9, 10, 12)] == ["Mär", "Sep", "Okt", "Dez"]
    assert month_ticks(qtbot) == ["Sep", "Okt", "Dez"]


def test_in_english_they_stay_as_they_were(qtbot: QtBot) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert short_month(10) == "Oct"
        assert month_ticks(qtbot) == ["Sep", "Oct", "Dec"]
    finally:
        QLocale.setDefault(before)


@pytest.mark.parametrize(("width", "columns"), [(250, 1), (370, 2), (660, 3)])
def test_the_legend_takes_more_rows_rather_than_run_off_the_plot(
    qtbot: QtBot, width: int, columns: int
) -> None:
    chart = TrendChart("Pain", (0, 10), "Session average", "Trend", "Session worst")
    qtbot.addWidget(chart)
    chart.resize(width, 220)
    chart.show()
    qtbot.waitExposed(chart)
    legend = chart.legend
    assert legend is not None
    assert legend.columnCount == columns
    assert legend.boundingRect().width() <= chart.getPlotItem().vb.width()


def test_the_calendar_tooltip_names_the_day_under_the_pointer(qtbot: QtBot) -> None:
    from datetime import date, timedelta

    from PySide6.QtCore import QDate, QPoint
    from PySide6.QtTest import QTest

    from gluteapp.gui.history.charts import ActivityCalendar

    calendar = ActivityCalendar(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    qtbot.addWidget(calendar)
    today = date(2026, 11, 19)
    calendar.set_days([(today - timedelta(days=n), n % 3) for n in range(30)], today)
    calendar.tooltip_format = "{day}: {count}"
    calendar.resize(520, 200)
    calendar.show()
    qtbot.waitExposed(calendar)
    calendar.grab()  # lays out the cells
    rect, day, count = calendar._cells[-1]
    QTest.mouseMove(calendar, rect.center())
    expected_day = QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")
    assert calendar.toolTip() == f"{expected_day}: {count}"
    QTest.mouseMove(calendar, QPoint(1, 1))
    assert calendar.toolTip() == ""


def test_the_calendar_finds_the_cell_under_the_pointer_from_its_grid(qtbot: QtBot) -> None:
    from datetime import date, timedelta

    from PySide6.QtCore import QPoint

    from gluteapp.gui.history.charts import ActivityCalendar

    calendar = ActivityCalendar(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    qtbot.addWidget(calendar)
    today = date(2026, 11, 19)
    days = [(today - timedelta(days=n), n % 3) for n in range(2000)]
    calendar.set_days(days, today)
    assert calendar.cell_at(QPoint(300, 100)) is None  # nothing drawn yet
    calendar.resize(700, 220)
    calendar.grab()
    cells = calendar._cells
    assert 150 < len(cells) < 2000  # the latest weeks that fit
    shown = dict(days)
    for rect, day, count in cells:
        assert shown[day] == count
        for corner in (rect.topLeft(), rect.bottomRight(), rect.center()):
            assert calendar.cell_at(corner) == (day, count)
        # The gap to the right of a cell and below it belongs to no day.
        assert calendar.cell_at(QPoint(rect.right() + 1, rect.center().y())) is None
        assert calendar.cell_at(QPoint(rect.center().x(), rect.bottom() + 1)) is None
    first, last = cells[0][0], cells[-1][0]
    assert calendar.cell_at(QPoint(first.left() - 1, first.center().y())) is None
    assert calendar.cell_at(QPoint(last.right() + 40, last.center().y())) is None
    assert calendar.cell_at(QPoint(first.center().x(), first.top() - 3)) is None
    # Days after today have no cell, though their place is on the grid.
    assert cells[-1][1] == today
    assert calendar.cell_at(QPoint(last.center().x(), last.center().y() + 14)) is None


@pytest.mark.parametrize(("years", "months_shown"), [(1, True), (10, False)])
def test_years_of_history_are_marked_by_year_a_year_by_month(
    qtbot: QtBot, years: int, months_shown: bool
) -> None:
    from datetime import date, timedelta

    chart = TimeChart("Sessions")
    qtbot.addWidget(chart)
    chart.resize(640, 240)
    chart.show()
    qtbot.waitExposed(chart)
    end = date(2026, 11, 30)
    chart.set_time_span(end - timedelta(days=365 * years), end)
    chart.grab()  # laid out and painted once: the axis measures its labels then
    axis = chart.getAxis("bottom")
    low, high = chart.getPlotItem().vb.viewRange()[0]
    levels = axis.tickValues(low, high, axis.width())
    spacings = [spacing for spacing, ticks in levels if ticks]
    assert (MONTH_SPACING in spacings) is months_shown
    assert spacings[0] == YEAR_MONTH_ZOOM_LEVEL.tickSpecs[0].spacing  # years, always


def drawn_labels(qtbot: QtBot, width: int, last: date, days: int) -> list[tuple[int, int, str]]:
    """The date axis's labels as it draws them, (left, right, text) left to right, on a
    chart `width` px wide showing the `days` before `last`."""
    chart = TimeChart("Sets felt in the glutes")
    qtbot.addWidget(chart)
    chart.resize(width, 240)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_time_span(last - timedelta(days=days), last)
    chart.grab()  # laid out and painted once: the axis measures its labels then
    axis = chart.getAxis("bottom")
    image = QImage(max(axis.width(), 1), max(axis.height(), 1), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return sorted((round(rect.left()), round(rect.right()), text) for rect, _, text in texts)


@pytest.mark.parametrize("width", [360, 640])
def test_a_year_on_a_narrow_chart_still_names_some_of_its_months(
    qtbot: QtBot, width: int
) -> None:
    """The felt-in chart beside the calendar is some 360 px wide: a year there had a tick a
    month and no month named at all under "2026", as a month's name did not fit a month's
    pixels. It names every second or third month instead; a wide chart names them all."""
    drawn = [text for *_, text in drawn_labels(qtbot, width, date(2026, 12, 6), 365)]
    months = [text for text in drawn if not text.isdigit()]
    assert "2026" in drawn
    assert len(months) >= (4 if width < 500 else 10), drawn
    assert len(set(months)) == len(months)


@pytest.mark.parametrize("width", [350, 400, 450])
@pytest.mark.parametrize("end", ["2026-12-13", "2026-11-01"])
def test_no_two_labels_of_a_date_axis_run_into_each_other(
    qtbot: QtBot, width: int, end: str
) -> None:
    """A year whose months are named every second one: where February (or December) was one
    of them, its name was written over the year's ("2026" and "Feb" 3 px into each other)."""
    spans = drawn_labels(qtbot, width, date.fromisoformat(end), 364)
    assert any(text == "2026" for *_, text in spans)
    assert sum(not text.isdigit() for *_, text in spans) >= 4  # months are still named
    gaps = [(later[0] - earlier[1], earlier[2], later[2])
            for earlier, later in itertools.pairwise(spans)]
    assert min(gaps)[0] >= 8, gaps


@pytest.mark.parametrize("ratio", [1.0, 2.0, 1.5])
def test_the_calendar_stamped_is_the_calendar_painted_cell_by_cell(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, ratio: float
) -> None:
    """Cells are stamped from one drawing per fill and size: the calendar must come out pixel
    for pixel as painting each cell gives it, every fill and today's outline included, on a
    screen of one, two and one and a half device pixels a pixel."""
    from datetime import date, timedelta

    from PySide6.QtGui import QImage

    from gluteapp.gui.history import charts

    calendar = charts.ActivityCalendar(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    qtbot.addWidget(calendar)
    today = date(2026, 11, 19)
    calendar.set_days([(today - timedelta(days=n), n % 3) for n in range(400)][::-1], today)
    calendar.resize(700, 220)

    def painted() -> QImage:
        image = QImage(round(700 * ratio), round(220 * ratio), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.magenta)
        calendar.render(image)
        return image

    stamped = painted()
    assert len(calendar._cells) > 150
    assert {count for _, _, count in calendar._cells} == {0, 1, 2}
    monkeypatch.setattr(charts, "stamped", lambda ratio: False)
    calendar.set_days(calendar.days(), today)  # drops the drawing kept from the first render
    assert painted() == stamped


def test_the_calendar_is_drawn_again_only_when_what_it_shows_changes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repaint with nothing changed (a grab, the window uncovered) copies the last drawing,
    pixel for pixel what drawing it gives; new days, a new size, a new palette of its own and
    the app's new palette (its theme) are drawn again."""
    from datetime import date, timedelta

    from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
    from PySide6.QtWidgets import QApplication

    from gluteapp.gui.history import charts

    draws: list[float] = []
    draw = charts.ActivityCalendar.draw

    def counted(self: charts.ActivityCalendar, painter: QPainter, ratio: float) -> None:
        draws.append(ratio)
        draw(self, painter, ratio)

    monkeypatch.setattr(charts.ActivityCalendar, "draw", counted)
    calendar = charts.ActivityCalendar(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    qtbot.addWidget(calendar)
    today = date(2026, 11, 19)
    calendar.set_days([(today - timedelta(days=n), 1) for n in range(400)][::-1], today)
    calendar.resize(520, 200)
    first = calendar.grab().toImage()
    assert len(draws) == 1
    assert calendar.grab().toImage() == first
    assert len(draws) == 1  # copied
    direct = QPixmap(calendar.size())
    painter = QPainter(direct)
    draw(calendar, painter, 1.0)
    painter.end()
    assert direct.toImage() == first

    rect, day, count = calendar._cells[-1]
    assert (day, count) == (today, 1)
    calendar.set_days([*calendar.days()[:-1], (today, 0)], today)
    changed = calendar.grab().toImage()
    assert len(draws) == 2
    assert changed.pixelColor(rect.center()) != first.pixelColor(rect.center())

    calendar.resize(700, 220)
    assert calendar.grab().size().width() == 700
    assert len(draws) == 3

    palette = calendar.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor(20, 22, 24))
    calendar.setPalette(palette)
    dark = calendar.grab().toImage()
    assert len(draws) == 4
    assert dark.pixelColor(1, 1) == charts.ChartColors.from_palette(palette).background

    # The app's theme switched (its palette, as gluteapp.gui.theme sets it).
    calendar.setPalette(QPalette())
    calendar.grab()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    themed = QPalette(before)
    themed.setColor(QPalette.ColorRole.Base, QColor(200, 30, 30))
    app.setPalette(themed)
    try:
        QApplication.processEvents()  # the change reaches each widget as an event
        drawn = len(draws)
        assert calendar.grab().toImage().pixelColor(1, 1) == QColor(200, 30, 30)
        assert len(draws) == drawn + 1
    finally:
        app.setPalette(before)
