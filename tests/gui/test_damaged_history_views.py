"""Random values written into history rows never stop History, Plan, Sessions or the export.

Whatever another program or a bad sector leaves in a column (text where a time belongs, a
number where a side belongs, a blob, a far-off date), every area opens and reads again, the
export writes the sets it can read, and the person is told once that rows were left out.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from gluteapp.app import Gluteapp
from gluteapp.core.records import DoseChoice, FeltIn, SessionStatus, Side
from gluteapp.core.stats import HistoryRange
from gluteapp.gui.history.view import HistoryView
from gluteapp.gui.plan.view import PlanView
from gluteapp.storage import open_history
from tests.gui.conftest import StartApp, settle
from tests.storage.storage_helpers import a_set

SET_COLUMNS = ("session_id", "exercise_id", "set_number", "side", "started_at", "ended_at",
               "target_reps", "target_hold_s", "achieved_reps", "achieved_hold_s", "pain",
               "felt_in")
SESSION_COLUMNS = ("routine_id", "routine_name", "started_at", "ended_at", "status", "notes")
CHOICE_COLUMNS = ("session_id", "step_index", "exercise_id", "unit", "previous", "suggested",
                  "chosen", "change", "reason", "suggested_variation", "chosen_variation",
                  "suggested_extra_side", "chosen_extra_side")
COLUMNS = {"sets": SET_COLUMNS, "sessions": SESSION_COLUMNS, "dose_choices": CHOICE_COLUMNS}
TABLES = ("sessions", "sets", "dose_choices")

times = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2300, 1, 1),
                     timezones=st.sampled_from([UTC, None])).map(lambda d: d.isoformat())
values = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.binary(max_size=8),
    times,
    st.sampled_from(["left", "right", "both", "up", "glutes", "completed", "running",
                     "interrupted", "frog-pump", "side-plank", "", "x", "NaN", "-1", "s"]),
)
change = st.tuples(st.sampled_from(TABLES), st.integers(1, 16), st.data())


def fill(data: Path) -> None:
    """Eight sessions over the last four weeks, two sets each, and their dose choices."""
    now = datetime.now(UTC).replace(microsecond=0)
    with open_history(data, daily_backup=False) as store:
        for day in range(8):
            began = now - timedelta(days=3 * day + 1)
            session = store.start_session("gluteus-medius-a", "Gluteus medius A", began)
            for side in (Side.LEFT, Side.RIGHT):
                store.record_set(session, a_set("side-plank", 1, side, began, hold_s=25.0,
                                                felt_in=FeltIn.GLUTES))
            store.record_dose_choices(session, [DoseChoice(
                step_index=0, exercise_id="side-plank", unit="s", previous=20, suggested=25,
                chosen=25, change="up", reason="easy")])
            store.finish_session(session, SessionStatus.COMPLETED, began + timedelta(minutes=15))
        store.close(backup=False)


@pytest.fixture
def history_app(start_app: StartApp, tmp_path: Path) -> tuple[Gluteapp, Path]:
    """The app on a healthy history, and a copy of that history to start each example from.

    One app for every example: each writes its damage into the live file through a second
    connection, as another program would, and the areas read it again.
    """
    fill(tmp_path / "healthy")
    fill(tmp_path / "data")
    return start_app(skip_first_run=True, view="history"), tmp_path / "healthy" / "history.db"


def reset_and_damage(db: Path, healthy: Path, changes: list[tuple[str, int, str, Any]]) -> None:
    with closing(sqlite3.connect(db, timeout=10)) as conn:
        conn.execute("PRAGMA ignore_check_constraints = 1")
        conn.execute("ATTACH DATABASE ? AS healthy", (f"{healthy}",))
        with conn:
            for table in reversed(TABLES):
                conn.execute(f"DELETE FROM main.{table}")
            for table in TABLES:
                conn.execute(f"INSERT INTO main.{table} SELECT * FROM healthy.{table}")
        for table, row_id, column, value in changes:
            try:
                with conn:
                    conn.execute(f"UPDATE main.{table} SET {column} = ? WHERE id = ?",
                                 (value, row_id))
            except sqlite3.IntegrityError:
                pass  # NOT NULL and UNIQUE hold even so: SQLite itself never stores that
        conn.execute("DETACH DATABASE healthy")


def history_view(app: Gluteapp) -> HistoryView:
    page = app.window.page("history")
    view = page if isinstance(page, HistoryView) else page.findChild(HistoryView)
    assert isinstance(view, HistoryView)
    return view


def plan_view(app: Gluteapp) -> PlanView:
    page = app.window.page("plan")
    view = page if isinstance(page, PlanView) else page.findChild(PlanView)
    assert isinstance(view, PlanView)
    return view


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes=st.lists(change, min_size=1, max_size=8))
def test_random_values_in_history_rows_never_stop_a_view_or_the_export(
    history_app: tuple[Gluteapp, Path], tmp_path: Path, changes: list[tuple[str, int, Any]],
) -> None:
    app, healthy = history_app
    written = [(table, row, draw.draw(st.sampled_from(COLUMNS[table])), draw.draw(values))
               for table, row, draw in changes]
    reset_and_damage(app.history.path, healthy, written)

    history = history_view(app)
    for history_range in HistoryRange:
        history.set_range(history_range)
        history.refresh()
        for tab in (0, 2):  # the overview, then the session list (read when shown)
            history._tabs.setCurrentIndex(tab)
            assert not history.grab().isNull()
    plan = plan_view(app)
    plan.refresh()
    assert not plan.grab().isNull()
    app.window.show_area("sessions")
    app.reload_routines()
    app.controller.offer_resume()
    settle()
    assert app.sessions is not None
    assert not app.sessions.grab().isNull()
    exported = app.history.export_csv(tmp_path / "sets.csv")
    assert exported == len(list(app.history._store.all_sets()))
    assert exported <= 16


def test_a_damaged_row_is_told_once_however_often_the_areas_read_it(
    history_app: tuple[Gluteapp, Path], qtbot: QtBot
) -> None:
    app, healthy = history_app
    told: list[str] = []
    app.history.rows_damaged.connect(told.append)
    reset_and_damage(app.history.path, healthy, [("sets", 3, "started_at", "banana")])
    for _ in range(3):
        for area in ("history", "plan", "sessions"):
            app.window.show_area(area)
            settle()
        history_view(app).refresh()
        plan_view(app).refresh()
        app.reload_routines()
    assert told == [
        "1 damaged value in the history (1 row left out): sets row 3: started_at 'banana' is "
        "not a time (left out). Everything else is shown as usual; the file itself was not "
        "changed."]
    assert app.problems.text.text() == told[0]
    assert app.problems.isVisibleTo(app.window)
