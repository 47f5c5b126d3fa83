"""One count everywhere: the History area, the Plan and the session summary, one real history."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.coaching import plan_picture
from gluteapp.core.engine import Event, PhaseKind, Session, SessionFinished
from gluteapp.core.exercises import Library
from gluteapp.core.records import CompletedSet, SessionStatus, Side
from gluteapp.core.routines import builtin_routines, parse_routine
from gluteapp.core.vocabulary import Equipment
from gluteapp.gui.history.sessions_model import SessionTreeModel
from gluteapp.gui.history.view import HistoryView
from gluteapp.gui.history_service import HistoryService
from gluteapp.gui.plan.view import PlanView
from gluteapp.gui.player.recorder import SessionRecorder
from gluteapp.gui.player.summary import SessionSummary
from gluteapp.storage import open_history

TODAY = date(2025, 9, 17)  # a Wednesday
MONDAY = date(2025, 9, 15)


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


@pytest.fixture
def service(tmp_path: Path) -> Iterator[HistoryService]:
    history = HistoryService(open_history(tmp_path / "data", daily_backup=False))
    yield history
    history.close(backup=False)


def local_noon(day: date, hour: int = 12) -> datetime:
    """A time in the machine's own zone, as the app reads days (tz None)."""
    return datetime.combine(day, time(hour)).astimezone()


def a_set(exercise_id: str, began: datetime, held: float, target: float = 30.0,
          number: int = 1) -> CompletedSet:
    return CompletedSet(exercise_id, number, Side.BOTH, began, began + timedelta(seconds=held),
                        target_hold_s=target, achieved_hold_s=held)


def seed_week(service: HistoryService) -> None:
    """Monday: medius A. Tuesday: the standing break. Wednesday: medius B ended early, its
    second set cut short, and a session abandoned before its first set."""
    plan = [
        ("gluteus-medius-a", MONDAY, [30.0, 30.0], SessionStatus.COMPLETED),
        ("standing-break", MONDAY + timedelta(days=1), [30.0], SessionStatus.COMPLETED),
        ("gluteus-medius-b", TODAY, [30.0, 12.0], SessionStatus.ENDED_EARLY),
        ("gluteus-medius-a", TODAY, [], SessionStatus.ENDED_EARLY),
    ]
    for hour, (routine_id, day, holds, status) in enumerate(plan, start=8):
        began = local_noon(day, hour)
        session_id = service.start_session(routine_id, routine_id, began)
        assert session_id is not None
        for number, held in enumerate(holds, start=1):
            service.record_set(session_id, a_set("glute-bridge", began, held, number=number))
        service.finish_session(session_id, status, began + timedelta(minutes=20))


def test_the_plan_and_the_history_say_the_same_about_this_week(
        qtbot: QtBot, service: HistoryService, library: Library) -> None:
    seed_week(service)
    history = HistoryView(service, library, 3, today=lambda: TODAY)
    qtbot.addWidget(history)
    now = local_noon(TODAY, 20).astimezone(UTC)

    def load(today: date):  # type: ignore[no-untyped-def]
        return plan_picture(service, library, set(Equipment), 3, today, now)

    names = {r.id: r.name for r in builtin_routines(library)}
    plan = PlanView(library, names.__getitem__, load, today=lambda: TODAY)
    qtbot.addWidget(plan)
    plan.show()
    qtbot.waitExposed(plan)

    # The standing break and the abandoned session are not sessions of the week; medius B
    # ended early after one full set still is.
    assert plan.plan is not None
    assert plan.week_text.text().startswith("2 of 3 done; 1 to go")
    assert history.cards["this_week"].value.text() == "2 of 3"
    assert history.cards["this_week"].detail.text() == "sessions so far"
    assert history.weekly_chart.bars.getData()[1][-1] == plan.plan.done == 2
    this_week = {day for day, count in history.calendar.days() if day >= MONDAY and count}
    assert this_week == set(plan.plan.days_done) == {MONDAY, TODAY}


# -- one session, counted by the summary, the session list and the Exercises tab ----------------

ROUTINE = """
name = "Count test"
prepare_s = 3

[[steps]]
exercise = "glute-bridge"
sets = 2
hold_s = 6
rest_s = 4

[[steps]]
exercise = "side-plank"
sets = 2
hold_s = 5
rest_s = 4
"""


def run_session(library: Library, record: Callable[[list[Event]], None]) -> tuple[
        Session, SessionFinished]:
    """Bridge 1 held, then redone after Back and cut short; bridge 2 held; plank 1 held on both
    sides; plank 2 held on the left and cut short on the right."""
    session = Session(parse_routine(ROUTINE, "count-test.toml", library), library)
    now = 100.0
    events: list[Event] = session.start(now)

    def until(kind: PhaseKind, side: Side | None = None) -> None:
        nonlocal now, events
        while not (session.phase.kind is kind and (side is None or session.phase.side is side)):
            now += 0.5
            events += session.tick(now)

    now += 9.5
    events += session.tick(now)  # bridge 1 held in full at 109; resting since
    events += session.back(now)  # within the grace: bridge 1 again
    now += 3
    events += session.skip(now)  # ... cut short after 3 s
    until(PhaseKind.HOLD)  # bridge 2
    until(PhaseKind.HOLD, Side.LEFT)  # plank 1, after the rest before it
    until(PhaseKind.HOLD, Side.RIGHT)
    until(PhaseKind.HOLD, Side.LEFT)  # plank 2
    until(PhaseKind.HOLD, Side.RIGHT)
    now += 2
    events += session.skip(now)  # plank 2 right cut short
    while not session.is_finished:
        now += 0.5
        events += session.tick(now)
    record(events)
    finished = events[-1]
    assert isinstance(finished, SessionFinished)
    return session, finished


def test_the_summary_the_session_list_and_the_exercises_tab_count_the_same_sets(
        qtbot: QtBot, service: HistoryService, library: Library) -> None:
    began = local_noon(TODAY)
    recorder = SessionRecorder(service, "count-test", "Count test", 100.0, wall=lambda: began)
    session, finished = run_session(library, recorder.on_events)
    recorded = [(s.exercise_id, s.set_number, s.side, s.cut_short)
                for s in session.completed_sets]
    assert recorded == [
        ("glute-bridge", 1, Side.BOTH, False),
        ("glute-bridge", 1, Side.BOTH, True),
        ("glute-bridge", 2, Side.BOTH, False),
        ("side-plank", 1, Side.LEFT, False),
        ("side-plank", 1, Side.RIGHT, False),
        ("side-plank", 2, Side.LEFT, False),
        ("side-plank", 2, Side.RIGHT, True),
    ]
    # Sets done: bridge 2 (bridge 1 stands as its cut-short redo), plank 1 and plank 2 (its
    # left side reached the target).
    done = 3

    summary = SessionSummary(library)
    qtbot.addWidget(summary)
    summary.show_result(finished, session)
    assert summary.totals.text().startswith(f"{done} of 4 sets")
    table = summary.table
    rows = [[cell.text() if (cell := table.item(row, column)) else "" for column in (0, 1)]
            for row in range(table.rowCount())]
    assert rows == [["Glute bridge", "1 / 2"], ["Side plank", "2 / 2"]]

    history = HistoryView(service, library, 2, today=lambda: TODAY)
    qtbot.addWidget(history)
    history._tabs.setCurrentIndex(2)  # the session list, read when its tab is shown
    model = history.sessions_model
    assert model.rowCount() == 1
    assert model.index(0, SessionTreeModel.RESULT).data().startswith(f"{done} sets")
    assert history.cards["active_days"].detail.text() == f"{done} sets in all"
    picker = history.exercise_picker
    assert [picker.itemText(i) for i in range(picker.count())] == [
        "Side plank (2 sets)", "Glute bridge (1 set)",
    ]
