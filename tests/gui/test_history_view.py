"""The History view over a real SQLite file: charts fed, ranges, PNGs, empty state, refresh."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

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


def click(view: HistoryView, name: str) -> None:
    button = view.findChild(QPushButton, name)
    assert button is not None, name
    button.click()


def data_length(item) -> int:  # type: ignore[no-untyped-def]
    x, y = item.getData()
    assert x is not None
    assert y is not None
    assert len(x) == len(y)
    return len(x)


def test_every_chart_gets_data_from_the_demo_history(
    make_view: MakeView, demo_store: HistoryStore
) -> None:
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
    # The picker starts on the exercise with the most sets done.
    assert view.exercise_picker.currentData() == view.stats.exercises[0][0]
    # Side plank is done one side at a time.
    assert view.select_exercise("side-plank")
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


def test_the_range_selector_changes_the_weeks_shown(
    qtbot: QtBot, make_view: MakeView, demo_store: HistoryStore
) -> None:
    view = shown(qtbot, make_view(demo_store))
    expected = {"4w": 4, "3m": 13, "1y": 52}
    for key, weeks in expected.items():
        click(view, f"range_{key}")
        assert view.history_range is HistoryRange(key)
        assert len(view.weeks) == weeks
        assert data_length(view.weekly_chart.bars) == weeks
    click(view, "range_all")
    first = min(s.started_at for s in demo_store.list_sessions()).date()
    assert view.weeks[0].start == first - timedelta(days=first.weekday())
    assert 25 <= len(view.weeks) <= 28
    assert len(view.sessions) == len(demo_store.list_sessions())
    # Fewer sessions in four weeks than in all of them, and the list follows the range.
    view.set_range(HistoryRange.FOUR_WEEKS)
    assert 0 < len(view.sessions) < 14
    view._tabs.setCurrentIndex(2)  # the session list, read when its tab is shown
    assert view.sessions_model.rowCount() == len(view.sessions)
    view.set_range(HistoryRange.ALL)  # with the list on screen, it follows the range at once
    assert view.sessions_model.total == len(demo_store.list_sessions())
    assert view.sessions_model.rowCount() == min(SessionTreeModel.PAGE, view.sessions_model.total)


def test_the_range_shown_is_in_bold_and_the_row_does_not_move(
    qtbot: QtBot, make_view: MakeView, demo_store: HistoryStore
) -> None:
    """Pressed alone, the range shown was hardly darker than the others in the dark theme: it
    is in bold too, by a click or by set_range, and the buttons keep their widths."""
    view = shown(qtbot, make_view(demo_store))
    keys = ("4w", "3m", "1y", "all")
    buttons = {key: view.findChild(QPushButton, f"range_{key}") for key in keys}
    widths = {key: button.width() for key, button in buttons.items() if button is not None}
    for key in ("all", "4w", "1y"):
        click(view, f"range_{key}")
        qtbot.wait(1)
        assert {k: b.font().bold() for k, b in buttons.items() if b is not None} == {
            k: k == key for k in buttons}
        assert {k: b.width() for k, b in buttons.items() if b is not None} == widths
    view.set_range(HistoryRange.THREE_MONTHS)
    assert [k for k, b in buttons.items() if b is not None and b.font().bold()] == ["3m"]


def test_picking_a_two_sided_exercise_explains_there_is_no_left_and_right(
    make_view: MakeView, demo_store: HistoryStore
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
    assert (mean <= best).all()
    assert (mean < best).any()


def test_save_chart_writes_a_png_the_size_of_the_chart(
    qtbot: QtBot, make_view: MakeView, demo_store: HistoryStore, tmp_path: Path
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
        assert image.width() > 300
        assert image.height() > 150
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_empty_history_shows_a_friendly_empty_state(
    qtbot: QtBot, make_view: MakeView, empty_store: HistoryStore
) -> None:
    view = shown(qtbot, make_view(empty_store))
    assert view.showing_empty_state
    assert view.empty_title.isVisible()
    assert view.empty_title.text() == "No sessions yet — your first session will show up here"
    assert view.sessions_model.rowCount() == 0


def test_a_set_recorded_while_visible_shows_at_once(
    qtbot: QtBot, make_view: MakeView, empty_store: HistoryStore
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


def test_a_hidden_view_waits_for_show_to_refresh(
    qtbot: QtBot, make_view: MakeView, empty_store: HistoryStore
) -> None:
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
    view._tabs.setCurrentIndex(2)
    assert view.sessions_model.rowCount() == 1


def test_the_session_list_is_a_valid_tree_with_statuses(
    make_view: MakeView, demo_store: HistoryStore, qtmodeltester: ModelTester
) -> None:
    view = make_view(demo_store)
    view.set_range(HistoryRange.ALL)
    view._tabs.setCurrentIndex(2)
    model = view.sessions_model
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]  # pytest-qt is untyped
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


def test_charts_follow_a_dark_palette(make_view: MakeView, demo_store: HistoryStore) -> None:
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
    make_view: MakeView, demo_store: HistoryStore, tmp_path: Path
) -> None:
    view = make_view(demo_store)
    view.set_range(HistoryRange.FOUR_WEEKS)  # the export is of everything, not the range
    count = view.export_csv_to(tmp_path / "all.csv")
    assert count == sum(len(s.sets) for s in demo_store.list_sessions())
    assert len((tmp_path / "all.csv").read_text(encoding="utf-8").splitlines()) == count + 1
    assert str(count) in view.status.text()


def test_the_history_package_is_not_imported_at_start_up() -> None:
    code = (
        "import sys, gluteapp.app, gluteapp.cli, gluteapp.gui.main_window;"
        "print(sorted(m for m in sys.modules"
        " if m.startswith(('gluteapp.gui.history.', 'pyqtgraph'))))"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "[]"


def test_a_new_weekly_goal_in_settings_reaches_the_chart_the_cards_and_the_report(
    qtbot: QtBot, make_view: MakeView, demo_store: HistoryStore, tmp_path: Path
) -> None:
    from gluteapp.gui.history.report import report_html
    from gluteapp.gui.settings import GOAL_PER_WEEK, Settings

    settings = Settings(tmp_path / "settings.ini")
    view = shown(qtbot, make_view(demo_store))
    view.follow_goal(settings)
    assert view.weekly_chart.goal_line.value() == 2
    met_at_two = view.stats.summary.weeks_met

    with qtbot.waitSignal(settings.changed):
        settings.set(GOAL_PER_WEEK, 4)
    assert view.goal == 4
    assert view.weekly_chart.goal_line.value() == 4
    assert view.weekly_chart.goal_line.label.format == "Goal: 4 a week"
    assert {w.goal for w in view.weeks} == {4}
    assert view.cards["this_week"].value.text().endswith(" of 4")
    assert view.stats.summary.weeks_met < met_at_two
    assert view.cards["weeks_met"].value.text().startswith(f"{view.stats.summary.weeks_met} of")
    html = report_html(view.stats, builtin_library())
    assert "against a goal of 4 a week" in html
    assert "against a goal of 2 a week" not in html
    if shutil.which("pdftotext"):
        path = view.write_report_to(tmp_path / "report.pdf")
        ran = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                             check=True)
        assert "against a goal of 4 a week" in " ".join(ran.stdout.split())


def test_the_empty_state_names_the_goal_from_settings(
    qtbot: QtBot, make_view: MakeView, empty_store: HistoryStore, tmp_path: Path
) -> None:
    from gluteapp.gui.settings import GOAL_PER_WEEK, Settings

    settings = Settings(tmp_path / "settings.ini")
    settings.set(GOAL_PER_WEEK, 3)
    view = shown(qtbot, make_view(empty_store))
    view.follow_goal(settings)
    assert "your goal of 3" in view.empty_hint.text()
    settings.set(GOAL_PER_WEEK, 5)
    assert "your goal of 5" in view.empty_hint.text()


def test_reads_go_through_the_history_service_only() -> None:
    import ast
    import inspect

    import gluteapp.gui.history.view as module

    tree = ast.parse(inspect.getsource(module))
    imported = {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "sqlite3" not in imported
    assert not {name for name in imported if name and name.startswith("gluteapp.storage")}
    store_reads = [
        node for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("store", "_store")
    ]
    assert store_reads == []


def test_the_session_list_on_screen_follows_a_session_recorded_while_hidden(
    qtbot: QtBot, make_view: MakeView, demo_store: HistoryStore
) -> None:
    """History left on its session list, a session recorded elsewhere: shown again, the list
    holds it (the list is read when on screen, and the tab did not change)."""
    view = shown(qtbot, make_view(demo_store))
    view._tabs.setCurrentIndex(2)
    model = view.sessions_model
    before = model.total
    view.hide()
    service = view._service
    began = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC) + timedelta(hours=7)
    session_id = service.start_session("basics", "Basics", began)
    assert session_id is not None
    service.record_set(session_id, CompletedSet("glute-bridge", 1, Side.BOTH, began, began))
    service.finish_session(session_id, SessionStatus.COMPLETED, began + timedelta(minutes=1))
    assert view.dirty
    shown(qtbot, view)
    assert model.total == before + 1
    assert model.session_at(0).id == session_id
