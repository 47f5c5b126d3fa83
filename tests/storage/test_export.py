"""CSV export of every set, and demo history written through the store in one transaction."""

from __future__ import annotations

import csv
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from gluteapp.core.demo import DemoSession, generate_history
from gluteapp.core.records import CompletedSet, FeltIn, SessionStatus, SetRating, Side
from gluteapp.core.stats import HistoryRange, sessions_per_week, summarize, week_streaks
from gluteapp.storage import HistoryStore, StorageError, open_history
from gluteapp.storage.export import CSV_COLUMNS, export_csv, fill_demo_history, insert_sessions
from tests.storage.storage_helpers import T0, a_set

UNTIL = date(2025, 9, 17)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_round_trip_gives_back_every_set_as_stored(store: HistoryStore, tmp_path: Path) -> None:
    first = store.start_session("basics", 'Basics, "quoted"', T0)
    store.record_set(first, a_set("side-plank", 1, Side.LEFT, T0, hold_s=21.5))
    store.record_set(
        first,
        a_set(
            "frog-pump",
            1,
            Side.BOTH,
            T0 + timedelta(minutes=2),
            hold_s=None,
            target_reps=15,
            achieved_reps=12,
            pain=None,
            felt_in=None,
        ),
    )
    store.finish_session(first, SessionStatus.ENDED_EARLY, T0 + timedelta(minutes=5), "knee")
    second = store.start_session("desk-break", "Desk break", T0 + timedelta(days=1))
    set_id = store.record_set(second, a_set("wall-lean", 1, Side.RIGHT, T0 + timedelta(days=1)))
    store.rate_set(set_id, SetRating(pain=3, felt_in=FeltIn.LOWER_BACK))

    path = tmp_path / "history.csv"
    assert export_csv(store, path) == 3

    rows = read_csv(path)
    assert list(rows[0]) == list(CSV_COLUMNS)
    stored = list(store.all_sets())
    assert [int(r["id"]) for r in rows] == [s.id for s in stored]
    for row, expected in zip(rows, stored, strict=True):
        assert int(row["session_id"]) == expected.session_id
        assert row["exercise_id"] == expected.exercise_id
        assert int(row["set_number"]) == expected.set_number
        assert Side(row["side"]) is expected.side
        assert datetime.fromisoformat(row["started_at"]) == expected.started_at
        assert datetime.fromisoformat(row["ended_at"]) == expected.ended_at
        assert row["started_at"].endswith("+00:00")  # UTC, said so
        for column in ("target_reps", "achieved_reps", "pain"):
            value = getattr(expected, column)
            assert row[column] == ("" if value is None else str(value))
        for column in ("target_hold_s", "achieved_hold_s"):
            value = getattr(expected, column)
            assert (float(row[column]) if row[column] else None) == value
        assert (FeltIn(row["felt_in"]) if row["felt_in"] else None) == expected.felt_in
    assert [(r["routine_id"], r["routine_name"], r["session_status"]) for r in rows] == [
        ("basics", 'Basics, "quoted"', "ended_early"),
        ("basics", 'Basics, "quoted"', "ended_early"),
        ("desk-break", "Desk break", "running"),
    ]
    assert rows[2]["pain"] == "3"
    assert rows[2]["felt_in"] == "lower_back"
    assert rows[0]["achieved_hold_s"] == "21.5"


def test_csv_of_an_empty_history_is_just_the_header(store: HistoryStore, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    assert export_csv(store, path) == 0
    assert path.read_text(encoding="utf-8").splitlines() == [",".join(CSV_COLUMNS)]


def test_a_failed_export_leaves_no_file(store: HistoryStore, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "history.csv"
    with pytest.raises(StorageError, match="Could not write the export"):
        export_csv(store, target)
    assert not target.parent.exists()


def test_fill_demo_history_then_the_stats_make_sense(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    written = fill_demo_history(data_dir, 1.0, seed=2, until=UNTIL)
    expected = generate_history(UNTIL, 1.0, seed=2)
    assert written == len(expected)

    with open_history(data_dir, daily_backup=False) as store:
        sessions = store.list_sessions()
        assert len(sessions) == written
        assert sum(len(s.sets) for s in sessions) == sum(len(s.sets) for s in expected)
        assert store.resumable_sessions() == []  # the interrupted one is closed
        assert store.mark_interrupted() == []
        first, last = sessions[0], sessions[-1]
        assert (first.routine_id, first.started_at) == (
            expected[0].routine_id,
            expected[0].started_at,
        )
        assert last.sets[-1].as_completed_set() == expected[-1].sets[-1]

        weeks = sessions_per_week(sessions, UNTIL, HistoryRange.YEAR, 2, UTC)
        summary = summarize(weeks, sessions, UTC)
        assert len(weeks) == 52
        assert 1.7 < summary.sessions_per_week < 2.7
        assert summary.interrupted == 1
        assert summary.ended_early >= 1
        assert summary.weeks_met > 35
        assert week_streaks(weeks).longest_weeks >= 4


def test_demo_history_goes_only_into_an_empty_history(tmp_path: Path) -> None:
    data_dir = tmp_path / "real"
    with open_history(data_dir) as store:
        session_id = store.start_session("basics", "Basics", T0)
        store.record_set(session_id, a_set())
    with pytest.raises(StorageError, match="already holds 1 sessions"):
        fill_demo_history(data_dir, 0.2, until=UNTIL)
    with open_history(data_dir, daily_backup=False) as store:
        assert len(store.list_sessions()) == 1


def test_bulk_insert_is_all_or_nothing(store: HistoryStore) -> None:
    good = generate_history(UNTIL, 0.1, seed=1)
    began = datetime(2025, 9, 1, 18, tzinfo=UTC)
    bad = DemoSession(
        "basics",
        "Basics",
        began,
        began + timedelta(minutes=5),
        SessionStatus.COMPLETED,
        (CompletedSet("glute-bridge", 1, Side.BOTH, began, began, pain=11),),  # pain is 0-10
    )
    with pytest.raises(StorageError, match="demo history"):
        insert_sessions(store, [*good, bad])
    assert store.list_sessions() == []
    assert insert_sessions(store, good) == len(good)
    assert len(store.list_sessions()) == len(good)


def test_bulk_insert_is_one_commit_visible_to_another_connection(
    store: HistoryStore,
) -> None:
    sessions = generate_history(UNTIL, 0.1, seed=1)
    insert_sessions(store, sessions)
    with closing(sqlite3.connect(store.path)) as other:
        count = other.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert count == len(sessions)


def test_the_daily_flag_fills_one_session_a_day(tmp_path: Path) -> None:
    written = fill_demo_history(tmp_path / "big", 2, daily=True, until=UNTIL)
    assert written == 730
    with open_history(tmp_path / "big", daily_backup=False) as store:
        assert len(store.list_sessions(since=datetime(2025, 9, 1, tzinfo=UTC))) == 16
