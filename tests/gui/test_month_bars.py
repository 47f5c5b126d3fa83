"""Over more than two years the sessions-per-week chart draws a bar a month, and says so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, timedelta
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.stats import HistoryRange
from gluteapp.gui.history.charts import (
    MONTHLY_AFTER_WEEKS,
    ChartPanel,
    WeeklyChart,
    fold_months,
)
from gluteapp.gui.history.view import HistoryView
from gluteapp.gui.history_service import HistoryService
from gluteapp.storage import HistoryStore, open_history
from gluteapp.storage.export import fill_demo_history
from tests.gui.test_history_report import needs_poppler, pdf_text

TODAY = date(2025, 9, 17)


def mondays(first: date, weeks: int) -> list[date]:
    return [first + timedelta(weeks=n) for n in range(weeks)]


def test_a_week_counts_in_the_month_of_its_thursday() -> None:
    # 27 Jan 2025 is a Monday; its Thursday is 30 Jan; the week of 3 Feb is February's.
    # 24 Feb's Thursday is 27 Feb; 31 Mar's Thursday is 3 April.
    starts = mondays(date(2025, 1, 27), 10)  # 27 Jan .. 31 Mar
    counts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    bars = fold_months(starts, counts)
    assert [b.first for b in bars] == [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1),
                                       date(2025, 4, 1)]
    assert [b.weeks for b in bars] == [1, 4, 4, 1]
    assert [b.per_week for b in bars] == [1.0, 3.5, 7.5, 10.0]
    assert [b.days for b in bars] == [31, 28, 31, 30]
    leap = fold_months([date(2024, 2, 5)], [3])
    assert (leap[0].first, leap[0].days) == (date(2024, 2, 1), 29)
    assert fold_months([], []) == []


def test_the_chart_turns_to_months_above_two_years(qtbot: QtBot) -> None:
    chart = WeeklyChart("Sessions", "Goal: {0} a week", "Each bar is a month")
    qtbot.addWidget(chart)
    weekly = mondays(date(2023, 1, 2), MONTHLY_AFTER_WEEKS)
    chart.show_weeks(weekly, [2] * len(weekly), 2)
    assert not chart.per_month
    assert chart.bars.getData()[1].size == MONTHLY_AFTER_WEEKS
    assert chart.toolTip() == ""

    longer = mondays(date(2023, 1, 2), MONTHLY_AFTER_WEEKS + 1)
    counts = [n % 5 for n in range(len(longer))]
    chart.show_weeks(longer, counts, 3)
    assert chart.per_month
    assert chart.toolTip() == "Each bar is a month"
    months = fold_months(longer, counts)
    x, heights = chart.bars.getData()
    assert heights.size == len(months) == 25  # Jan 2023 .. Jan 2025
    assert np.allclose(heights, [m.per_week for m in months])
    # Every session is in some month's bar once: the means times their weeks add up.
    assert sum(m.per_week * m.weeks for m in months) == pytest.approx(sum(counts))
    assert np.all(np.diff(x) > 27 * 86_400)  # a month apart, oldest first
    # The bars at the goal are the accent ones, the others drawn by the item itself.
    met = chart.bars._met.opts["height"]
    assert sorted(met) == sorted(h for h in heights if h >= 3)
    # Back to a short range: a bar a week again.
    chart.show_weeks(weekly[:13], [1] * 13, 2)
    assert not chart.per_month
    assert chart.bars.getData()[1].size == 13
    assert chart.toolTip() == ""


@pytest.fixture(scope="module")
def three_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("three-years") / "data"
    fill_demo_history(data_dir, 3, seed=8, until=TODAY)
    return data_dir


@pytest.fixture
def store(three_years: Path) -> Iterator[HistoryStore]:
    opened = open_history(three_years, daily_backup=False)
    yield opened
    opened.close(backup=False)


def all_of(qtbot: QtBot, store: HistoryStore) -> HistoryView:
    """History open at "All" of the store, as the person sees it."""
    view = HistoryView(HistoryService(store), builtin_library(), 2, today=lambda: TODAY, tz=UTC,
                       history_range=HistoryRange.ALL)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_history_shows_all_of_three_years_a_month_a_bar(qtbot: QtBot, store: HistoryStore) -> None:
    view = all_of(qtbot, store)
    weeks = view.stats.weeks
    assert len(weeks) > MONTHLY_AFTER_WEEKS
    assert view.weekly_chart.per_month
    assert "month" in view.weekly_chart.toolTip()
    panel = view.findChild(ChartPanel, "chart_sessions_per_week")
    assert panel is not None
    title = panel.title
    assert title.text() == "Sessions per week, a bar a month"
    heights = view.weekly_chart.bars.getData()[1]
    months = fold_months([w.start for w in weeks], [w.sessions for w in weeks])
    assert heights.size == len(months)
    assert sum(m.per_week * m.weeks for m in months) == pytest.approx(
        view.stats.summary.sessions)
    # The weeks themselves are still what the cards count.
    assert view.stats.summary.weeks == len(weeks)
    view.set_range(HistoryRange.YEAR)
    assert not view.weekly_chart.per_month
    assert view.weekly_chart.bars.getData()[1].size == 52
    assert title.text() == "Sessions per week"


@needs_poppler
def test_the_report_says_its_bars_are_months(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path
) -> None:
    view = all_of(qtbot, store)
    written = view.write_report_to(tmp_path / "all.pdf")
    assert "Each bar is a month: the mean sessions a week of its weeks." in pdf_text(written)
    view.set_range(HistoryRange.YEAR)
    assert "Each bar is a month" not in pdf_text(view.write_report_to(tmp_path / "year.pdf"))

