"""An exercise ended during its second side, on the real player: History's left:right stays put."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import PhaseKind
from gluteapp.core.exercises import Library
from gluteapp.core.records import Side
from gluteapp.gui.history.sessions_model import SessionTreeModel
from gluteapp.gui.history.view import HistoryView
from gluteapp.gui.history_service import HistoryService
from gluteapp.gui.player.recorder import SessionRecorder
from gluteapp.gui.player.view import PlayerView
from gluteapp.storage import open_history
from tests.builders import MonoClock
from tests.gui.test_player import make_player

DAY = date(2025, 9, 17)


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


@pytest.fixture
def service(tmp_path: Path) -> Iterator[HistoryService]:
    history = HistoryService(open_history(tmp_path / "data", daily_backup=False))
    yield history
    history.close(backup=False)


def at_hour(hour: int) -> datetime:
    """A time of DAY in the machine's own zone, as History reads days."""
    return datetime.combine(DAY, time(hour)).astimezone().astimezone(UTC)


def record_with(view: PlayerView, clock: MonoClock, service: HistoryService,
                hour: int) -> SessionRecorder:
    recorder = SessionRecorder(service, "plank", "Plank practice", clock.now,
                               wall=lambda: at_hour(hour))
    view.events_emitted.connect(recorder.on_events)
    return recorder


def run_until(view: PlayerView, clock: MonoClock, kind: PhaseKind,
              side: Side | None = None) -> None:
    session = view.runner.session
    for _ in range(400):
        if session.phase.kind is kind and (side is None or session.phase.side is side):
            return
        clock.now += 0.5
        view.runner.evaluate()
    raise AssertionError(f"never reached {kind} {side}")


def ratio_points(history: HistoryView) -> list[float]:
    _, ratio = history.ratio_chart.ratio.getData()
    return [] if ratio is None else [round(float(r), 3) for r in ratio]


def test_ending_the_exercise_during_the_right_side_keeps_left_right_as_it_was(
        qtbot: QtBot, library: Library, service: HistoryService) -> None:
    # Session 1, on the player: both sides of set 1 held in full (20 s each), then ended in
    # the rest: left against right is even.
    first, clock = make_player(qtbot, library)
    recorders = [record_with(first, clock, service, 9)]  # kept: a recorder gone records nothing
    first.runner.start()
    run_until(first, clock, PhaseKind.HOLD, Side.RIGHT)
    run_until(first, clock, PhaseKind.REST_SET)
    first.runner.end_early()

    history = HistoryView(service, library, 2, today=lambda: DAY)
    qtbot.addWidget(history)
    history.resize(1280, 800)
    history.show()
    qtbot.waitExposed(history)
    assert history.select_exercise("side-plank")
    assert ratio_points(history) == [1.0]

    # Session 2: the left side held, then 15 s into the right side it hurts and the person
    # skips the rest of the exercise, then ends the session.
    second, clock = make_player(qtbot, library)
    recorders.append(record_with(second, clock, service, 11))
    second.runner.start()
    run_until(second, clock, PhaseKind.HOLD, Side.RIGHT)
    clock.now += 15.0
    second.runner.evaluate()
    second.hurts_button.click()
    assert second.stop_panel.isVisible()
    second.stop_panel.skip_button.click()
    assert second.runner.session.phase.exercise_id == "frog-pump"
    second.runner.end_early()

    sets = service.list_sessions()[-1].sets
    assert [(s.side, s.achieved_hold_s, s.cut_short) for s in sets] == [
        (Side.LEFT, 20.0, False), (Side.RIGHT, pytest.approx(15.0), True)]

    history.refresh()
    history.select_exercise("side-plank")
    # Still the one even session: the cut side made no 20 / 15 = 1.33 point.
    assert ratio_points(history) == [1.0]
    _, left = history.sides_chart.left.getData()
    _, right = history.sides_chart.right.getData()
    assert list(left) == [20.0, 20.0]
    assert [float(r) for r in right if np.isfinite(r)] == [20.0]

    # The session list shows the right side as cut short, the left as nothing of the kind.
    history._tabs.setCurrentIndex(2)
    model = history.sessions_model
    newest = model.index(0, 0)
    rows = [(model.index(row, SessionTreeModel.WHAT, newest).data(),
             model.index(row, SessionTreeModel.STATUS, newest).data())
            for row in range(model.rowCount(newest))]
    assert rows == [("Side plank, set 1, left", ""), ("Side plank, set 1, right", "Cut short")]


def test_the_recorder_stores_each_flag_and_a_redo_replaces_it(
        library: Library, service: HistoryService) -> None:
    """Bridge 1 held in full, then redone after Back and cut short: its one row says partial;
    plank 2's right side cut short, its left not."""
    from tests.gui.test_one_count import run_session

    recorder = SessionRecorder(service, "count-test", "Count test", 100.0,
                               wall=lambda: at_hour(8))
    run_session(library, recorder.on_events)
    stored = service.list_sessions()[-1].sets
    assert [(s.exercise_id, s.set_number, s.side, s.cut_short) for s in stored] == [
        ("glute-bridge", 1, Side.BOTH, True),
        ("glute-bridge", 2, Side.BOTH, False),
        ("side-plank", 1, Side.LEFT, False),
        ("side-plank", 1, Side.RIGHT, False),
        ("side-plank", 2, Side.LEFT, False),
        ("side-plank", 2, Side.RIGHT, True),
    ]
    assert stored[0].achieved_hold_s == pytest.approx(3.0)
