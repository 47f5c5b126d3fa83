"""A bad value in one row is reported and read around: every read and the export still work."""

from __future__ import annotations

import csv
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from gluteapp.core.records import DoseChoice, SessionStatus, Side
from gluteapp.storage import HistoryStore, open_history
from gluteapp.storage.export import export_csv
from tests.storage.storage_helpers import T0, FakeClock, a_set, file_hash, fill_history


def damage(db_path: Path, table: str, row_id: int, column: str, value: object) -> None:
    """Write a value the schema forbids, as another program or a bad sector could."""
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA ignore_check_constraints = 1")
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (value, row_id))
        conn.commit()


@pytest.fixture
def history(data_dir: Path, clock: FakeClock) -> Path:
    """Three finished sessions of two sets each (set ids 1-6), closed cleanly."""
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        fill_history(store, 3)
        store.close(backup=False)
    return data_dir / "history.db"


def reopen(data_dir: Path, clock: FakeClock) -> HistoryStore:
    return open_history(data_dir, clock=clock, daily_backup=False)


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("started_at", "banana", "started_at 'banana' is not a time"),
        ("started_at", 12345, "started_at '12345' is not a time"),  # TEXT affinity
        ("ended_at", "2025-13-45T99:00:00+00:00", "is not a time"),
        ("started_at", "0001-01-01T00:00:00+05:00", "is not a time"),
        ("started_at", "9999-12-31T23:59:59+00:00", "is outside 1970-2199"),
        ("side", "up", "side 'up' is not one of the known values"),
        ("set_number", 0, "set_number 0 is not a set number"),
        ("exercise_id", b"\x00\x01", "exercise_id is not text"),
    ],
)
def test_a_set_that_cannot_be_read_is_left_out_and_reported(
    history: Path, data_dir: Path, clock: FakeClock, tmp_path: Path,
    column: str, value: object, reason: str,
) -> None:
    damage(history, "sets", 3, column, value)
    before = file_hash(history)
    with reopen(data_dir, clock) as store:
        sessions = store.list_sessions()
        assert [[s.id for s in session.sets] for session in sessions] == [[1, 2], [4], [5, 6]]
        assert [s.id for s in store.all_sets()] == [1, 2, 4, 5, 6]
        assert [s.id for s in store.sets_for_exercise("clamshell")] == [1, 2, 4, 5, 6]
        assert len(store.latest_sessions(5)) == 3
        assert export_csv(store, tmp_path / "out.csv") == 5
        (row,) = store.row_report.rows
        assert (row.table, row.row_id, row.skipped) == ("sets", 3, True)
        assert reason in row.problem
        message = store.row_report.message()
        store.close(backup=False)
    assert message.startswith("1 damaged value in the history (1 row left out): sets row 3: ")
    assert "the file itself was not changed" in message
    assert file_hash(history) == before


@pytest.mark.parametrize(
    ("column", "value"),
    [("pain", "x"), ("pain", 11), ("felt_in", "elbow"), ("achieved_reps", -3),
     ("achieved_hold_s", float("inf")), ("target_reps", 2.5), ("target_hold_s", "long")],
)
def test_a_nonsense_optional_value_is_dropped_and_the_set_kept(
    history: Path, data_dir: Path, clock: FakeClock, tmp_path: Path, column: str, value: object,
) -> None:
    damage(history, "sets", 3, column, value)
    with reopen(data_dir, clock) as store:
        (kept,) = [s for s in store.all_sets() if s.id == 3]
        assert getattr(kept, column) is None
        assert export_csv(store, tmp_path / "out.csv") == 6
        (row,) = store.row_report.rows
        store.close(backup=False)
    assert (row.table, row.row_id, row.skipped) == ("sets", 3, False)
    assert row.problem.startswith(column)
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as handle:
        cells = {r["id"]: r[column] for r in csv.DictReader(handle)}
    assert cells["3"] == ""


@pytest.mark.parametrize(
    ("column", "value"),
    [("started_at", "yesterday"), ("status", "paused"), ("routine_id", None)],
)
def test_a_session_that_cannot_be_read_is_left_out_with_its_sets(
    history: Path, data_dir: Path, clock: FakeClock, tmp_path: Path, column: str, value: object,
) -> None:
    with closing(sqlite3.connect(history)) as conn:  # NOT NULL is not a CHECK: drop it first
        conn.execute("PRAGMA writable_schema = 1")
        conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'routine_id TEXT NOT NULL',"
                     " 'routine_id TEXT') WHERE name = 'sessions'")
        conn.commit()
    damage(history, "sessions", 2, column, value)
    with reopen(data_dir, clock) as store:
        assert [s.id for s in store.list_sessions()] == [1, 3]
        assert [s.id for s in store.latest_sessions(10)] == [1, 3]
        # Its sets are still exported, with the session's cells left empty.
        assert export_csv(store, tmp_path / "out.csv") == 6
        assert store.first_started_at() == T0
        (row,) = store.row_report.rows
        store.close(backup=False)
    assert (row.table, row.row_id, row.skipped) == ("sessions", 2, True)


def test_a_damaged_end_time_keeps_the_session(
    history: Path, data_dir: Path, clock: FakeClock,
) -> None:
    damage(history, "sessions", 1, "ended_at", "soon")
    with reopen(data_dir, clock) as store:
        first = store.list_sessions()[0]
        store.close(backup=False)
    assert (first.id, first.ended_at, first.status) == (1, None, SessionStatus.COMPLETED)


def test_the_first_start_passes_over_a_damaged_one(
    history: Path, data_dir: Path, clock: FakeClock,
) -> None:
    damage(history, "sessions", 1, "started_at", "")  # sorts first, reads as nothing
    with reopen(data_dir, clock) as store:
        first = store.first_started_at()
        store.close(backup=False)
    assert first == T0 + timedelta(days=2)


def test_text_that_is_not_utf8_is_read_with_replacement_characters(
    history: Path, data_dir: Path, clock: FakeClock, tmp_path: Path,
) -> None:
    with closing(sqlite3.connect(history)) as conn:
        conn.execute("UPDATE sessions SET routine_name = CAST(X'4261736963ff73' AS TEXT)"
                     " WHERE id = 1")
        conn.commit()
    with reopen(data_dir, clock) as store:
        names = [s.routine_name for s in store.list_sessions()]
        assert export_csv(store, tmp_path / "out.csv") == 6
        store.close(backup=False)
    assert names[0] == "Basic\ufffds"


def test_a_damaged_dose_choice_is_left_out(data_dir: Path, clock: FakeClock) -> None:
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        session = store.start_session("r", "R", T0)
        store.record_dose_choices(session, [
            DoseChoice(step_index=i, exercise_id="side-plank", unit="s", previous=20,
                       suggested=25, chosen=25, change="up", reason="easy",
                       chosen_extra_side=Side.LEFT)
            for i in range(2)
        ])
        store.close(backup=False)
    damage(data_dir / "history.db", "dose_choices", 2, "chosen_extra_side", "middle")
    with reopen(data_dir, clock) as store:
        choices = store.dose_choices(1)
        reported = len(store.row_report)
        store.close(backup=False)
    assert [c.step_index for c in choices] == [0]
    assert reported == 1


def test_the_same_damaged_row_is_reported_once_however_often_it_is_read(
    history: Path, data_dir: Path, clock: FakeClock,
) -> None:
    damage(history, "sets", 1, "side", "up")
    damage(history, "sets", 2, "pain", "x")
    with reopen(data_dir, clock) as store:
        for _ in range(3):
            store.list_sessions()
            list(store.all_sets())
        rows = store.row_report.rows
        store.close(backup=False)
    assert [(r.row_id, r.skipped) for r in rows] == [(1, True), (2, False)]


def test_a_damaged_set_is_refused_by_get_set_with_a_storage_error(
    history: Path, data_dir: Path, clock: FakeClock,
) -> None:
    from gluteapp.storage import InvalidRecordError

    damage(history, "sets", 1, "started_at", "banana")
    with reopen(data_dir, clock) as store, pytest.raises(InvalidRecordError, match="damaged"):
        store.get_set(1)


def test_a_value_sqlite_cannot_store_is_a_storage_error_not_a_crash(store: HistoryStore) -> None:
    from gluteapp.storage import InvalidRecordError

    session = store.start_session("r", "R", T0)
    with pytest.raises(InvalidRecordError, match="cannot store a value"):
        store.record_set(session, a_set(exercise_id="bad-\udcff-name"))
    with pytest.raises(InvalidRecordError, match="cannot store a value"):
        store.record_set(session, a_set(target_reps=2**70))
    store.record_set(session, a_set())  # and the store goes on
    assert len(list(store.all_sets())) == 1


@pytest.mark.parametrize(
    ("column", "value"),
    [("pain", "x"), ("pain", 11), ("achieved_hold_s", "long"), ("side", "up"),
     ("started_at", "banana"), ("set_number", "one")],
)
def test_the_digests_count_a_damaged_set_as_the_full_read_does(
    history: Path, data_dir: Path, clock: FakeClock, column: str, value: object
) -> None:
    damage(history, "sets", 3, column, value)
    with reopen(data_dir, clock) as store:
        # Written after the damage: the session's digest is made again with it in.
        store.record_set(2, a_set("clamshell", 2, Side.LEFT, T0 + timedelta(days=2, minutes=5)))
        full = {s.id: s for s in store.list_sessions()}
        digests = {d.id: d for d in store.session_digests()}
        exercises = store.exercise_digests("clamshell")
        store.close(backup=False)
    second = digests[2]
    assert second.recorded == len(full[2].sets)
    pains = [s.pain for s in full[2].sets if s.pain is not None]
    assert (second.pain_n, second.pain_sum) == (len(pains), sum(pains))
    assert all(isinstance(v, int | float) or v is None for e in exercises for v in e.measures)
