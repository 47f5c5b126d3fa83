"""The History view over a real SQLite file: charts fed, ranges, PNGs, empty state, refresh."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QPushButton

from gluteapp.core.assets import builtin_library
from gluteapp.core.records import CompletedSet, SessionStatus, Side
from gluteapp.core.stats import HistoryRange, range_start
from gluteapp.gui.history.sessions_model import SessionTreeModel
from gluteapp.gui.history.view import CHART_NAMES, HistoryView
from gluteapp.gui.history_service import HistoryService
from gluteapp.storage import HistoryStore, open_history
from gluteapp.storage.export import fill_demo_history

TODAY = date(2025, 9, 17)  # a Wednesday

MakeView = Callable[[HistoryStore], HistoryView]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six months of synthetic history, made once; tests open copies of it."""
    data_dir = tmp_path_factory.mktemp("history") / "data"
    fill_demo_history(data_dir, 0.5, seed=3, until=TODAY)
    return data_dir


@pytest.fixture
def demo_store(demo_dir: Path, tmp_path: Path) -> Iterator[HistoryStore]:
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(demo_dir, copy)
    store = open_history(copy, daily_backup=False)
    yield store
    store.close(backup=False)


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[HistoryStore]:
    store = open_history(tmp_path / "empty", daily_backup=False)
    yield store
    store.close(backup=False)


@pytest.fixture
def make_view(qtbot) -> MakeView:  # type: ignore[no-untyped-def]
    def make(store: HistoryStore) -> HistoryView:
        view = HistoryView(HistoryService(store), builtin_library(), 2, today=lambda: TODAY, tz=UTC)
        qtbot.addWidget(view)
        view.resize(1280, 800)
        return view

    return make


def shown(qtbot, view: HistoryView) -> HistoryView:  # type: ignore[no-untyped-def]
    view.show()
    qtbot.waitExposed(view)
    return view


def data_length(item) -> int:  # type: ignore[no-untyped-def]
    x, y = item.getData()
    assert x is not None and y is not None
    assert len(x) == len(y)
    return len(x)


def test_every_chart_gets_data_from_the_demo_history(make_view: MakeView, demo_store) -> None:
    view = make_view(demo_store)
    assert not view.showing_empty_state
    assert view.history_range is HistoryRange.THREE_MONTHS
    sessions = view.sessions
    rated = [s for s in sessions if any(st.pain is not None for st in s.sets)]
    assert len(sessions) > 15

    assert data_length(view.weekly_chart.bars) == 13
    assert sum(view.weekly_chart.bars.getData()[1]) == len(sessions)
    assert view.weekly_chart.goal_line.value() == 2
    assert data_length(view.pain_chart.points) == len(rated)
    assert data_length(view.pain_chart.trend) == len(rated)
    assert data_length(view.felt_chart.points) > 10
    # Side plank has the most sets in the demo routines and is done one side at a time.
    assert view.exercise_picker.currentData() == "side-plank"
    plank_sessions = sum(
        1 for s in sessions if any(st.exercise_id == "side-plank" for st in s.sets)
    )
    assert data_length(view.progress_chart.result) == plank_sessions
    assert data_length(view.progress_chart.target) == plank_sessions
    plank_sides = [{st.side for st in s.sets if st.exercise_id == "side-plank"} for s in sessions]
    lefts = sum(1 for sides in plank_sides if Side.LEFT in sides)
    rights = sum(1 for sides in plank_sides if Side.RIGHT in sides)
    both = sum(1 for sides in plank_sides if {Side.LEFT, Side.RIGHT} <= sides)
    assert data_length(view.sides_chart.left) == lefts
    assert data_length(view.sides_chart.right) == rights
    assert data_length(view.ratio_chart.ratio) == both
    assert both > 10
    # One point per session in which a side plank set was rated for where it was felt.
    plank_felt = sum(
        1 for s in sessions
        if any(st.exercise_id == "side-plank" and st.felt_in is not None for st in s.sets)
    )
    assert plank_felt > 5
    assert data_length(view.exercise_felt_chart.points) == plank_felt
    days = (TODAY - range_start(HistoryRange.THREE_MONTHS, TODAY)).days + 1
    assert len(view.calendar.days()) == days
    assert sum(count for _day, count in view.calendar.days()) == len(sessions)
    for name in CHART_NAMES:
        assert view.chart(name).has_chart, name


def test_the_range_selector_changes_the_weeks_shown(qtbot, make_view: MakeView, demo_store) -> None:
    view = shown(qtbot, make_view(demo_store))
    expected = {"4w": 4, "3m": 13, "1y": 52}
    for key, weeks in expected.items():
        view.findChild(QPushButton, f"range_{key}").click()
        assert view.history_range is HistoryRange(key)
        assert len(view.weeks) == weeks
        assert data_length(view.weekly_chart.bars) == weeks
    view.findChild(QPushButton, "range_all").click()
    first = min(s.started_at for s in demo_store.list_sessions()).date()
    assert view.weeks[0].start == first - timedelta(days=first.weekday())
    assert 25 <= len(view.weeks) <= 28
    assert len(view.sessions) == len(demo_store.list_sessions())
    # Fewer sessions in four weeks than in all of them, and the list follows the range.
    view.set_range(HistoryRange.FOUR_WEEKS)
    assert 0 < len(view.sessions) < 14
    assert view.sessions_model.rowCount() == len(view.sessions)


def test_picking_a_two_sided_exercise_explains_there_is_no_left_and_right(
    make_view: MakeView, demo_store
) -> None:
    view = make_view(demo_store)
    assert view.select_exercise("glute-bridge")
    assert view.chart("progress").has_chart
    assert not view.chart("sides").has_chart
    assert "both sides at once" in view.chart("sides").message.text()
    assert view.progress_chart.getAxis("left").labelText == "Seconds held"
    assert view.select_exercise("wall-clamshell")
    assert view.chart("sides").has_chart
    assert view.progress_chart.getAxis("left").labelText == "Reps"
    best = view.progress_chart.result.getData()[1].copy()
    view.aggregate_picker.setCurrentIndex(1)  # average of the sets
    mean = view.progress_chart.result.getData()[1]
    assert (mean <= best).all() and (mean < best).any()


def test_save_chart_writes_a_png_the_size_of_the_chart(
    qtbot, make_view: MakeView, demo_store, tmp_path: Path
) -> None:
    view = shown(qtbot, make_view(demo_store))
    for name in ("sessions_per_week", "activity", "pain"):
        panel = view.chart(name)
        path = view.save_chart(name, tmp_path / f"{name}.png")
        image = QImage(str(path))
        assert not image.isNull()
        ratio = panel.chart.devicePixelRatioF()
        assert (image.width(), image.height()) == (
            round(panel.chart.width() * ratio),
            round(panel.chart.height() * ratio),
        )
        assert image.width() > 300 and image.height() > 150
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_empty_history_shows_a_friendly_empty_state(
    qtbot, make_view: MakeView, empty_store
) -> None:
    view = shown(qtbot, make_view(empty_store))
    assert view.showing_empty_state
    assert view.empty_title.isVisible()
    assert view.empty_title.text() == "No sessions yet — your first session will show up here"
    assert view.sessions_model.rowCount() == 0


def test_a_set_recorded_while_visible_shows_at_once(
    qtbot, make_view: MakeView, empty_store
) -> None:
    view = shown(qtbot, make_view(empty_store))
    service = view._service
    began = datetime(2025, 9, 16, 18, tzinfo=UTC)
    session_id = service.start_session("basics", "Basics", began)
    assert session_id is not None
    assert view.showing_empty_state  # a session with no set yet is nothing to chart
    with qtbot.waitSignal(service.history_changed):
        service.record_set(
            session_id,
            CompletedSet(
                "side-plank",
                1,
                Side.LEFT,
                began,
                began + timedelta(seconds=20),
                target_hold_s=20,
                achieved_hold_s=18,
                pain=2,
            ),
        )
    assert not view.showing_empty_state
    assert view.weeks[-1].sessions == 1
    assert view.weekly_chart.bars.getData()[1][-1] == 1
    assert data_length(view.pain_chart.points) == 1
    assert view.cards["this_week"].value.text() == "1 of 2"


def test_a_hidden_view_waits_for_show_to_refresh(qtbot, make_view: MakeView, empty_store) -> None:
    view = make_view(empty_store)
    assert not view.isVisible()
    service = view._service
    began = datetime(2025, 9, 16, 18, tzinfo=UTC)
    session_id = service.start_session("basics", "Basics", began)
    assert session_id is not None
    service.record_set(session_id, CompletedSet("glute-bridge", 1, Side.BOTH, began, began))
    service.finish_session(session_id, SessionStatus.COMPLETED, began + timedelta(minutes=1))
    assert view.dirty
    assert view.showing_empty_state  # not refreshed behind the person's back
    shown(qtbot, view)
    assert not view.dirty
    assert not view.showing_empty_state
    assert view.sessions_model.rowCount() == 1


def test_the_session_list_is_a_valid_tree_with_statuses(
    make_view: MakeView, demo_store, qtmodeltester
) -> None:
    view = make_view(demo_store)
    view.set_range(HistoryRange.ALL)
    model = view.sessions_model
    qtmodeltester.check(model)
    statuses = {model.index(row, SessionTreeModel.STATUS).data() for row in range(model.rowCount())}
    assert {"Completed", "Ended early", "Interrupted"} <= statuses
    newest = model.index(0, 0)
    assert model.data(newest, SessionTreeModel.SessionRole).started_at == max(
        s.started_at for s in view.sessions
    )
    assert model.rowCount(newest) == len(view.sessions[-1].sets)
    first_set = model.index(0, SessionTreeModel.WHAT, newest)
    assert first_set.parent() == newest
    assert ", set 1, " in first_set.data()
    result = model.index(0, SessionTreeModel.RESULT, newest).data()
    assert " of " in result
    assert model.rowCount(first_set) == 0
    assert model.parent(QModelIndex()) == QModelIndex()


def test_charts_follow_a_dark_palette(make_view: MakeView, demo_store) -> None:
    view = make_view(demo_store)
    assert not view.weekly_chart.colors.dark
    dark = QPalette(view.palette())
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(color))
    view.setPalette(dark)
    for chart in (view.weekly_chart, view.pain_chart, view.progress_chart, view.ratio_chart):
        assert chart.colors.dark
        assert chart.backgroundBrush().color().lightness() < 60
        assert chart.getAxis("left").textPen().color().lightness() > 180
    assert view.weekly_chart.goal_line.pen.color().lightness() > 180


def test_export_csv_from_the_view_writes_every_set(
    make_view: MakeView, demo_store, tmp_path: Path
) -> None:
    view = make_view(demo_store)
    view.set_range(HistoryRange.FOUR_WEEKS)  # the export is of everything, not the range
    count = view.export_csv_to(tmp_path / "all.csv")
    assert count == sum(len(s.sets) for s in demo_store.list_sessions())
    assert len((tmp_path / "all.csv").read_text(encoding="utf-8").splitlines()) == count + 1
    assert str(count) in view.status.text()


def test_the_history_package_is_not_imported_at_start_up() -> None:
    import subprocess

    code = (
        "import sys, gluteapp.app, gluteapp.cli, gluteapp.gui.main_window;"
        "print(sorted(m for m in sys.modules"
        " if m.startswith(('gluteapp.gui.history.', 'pyqtgraph'))))"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "[]"
