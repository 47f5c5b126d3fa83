"""Recording, rating, finishing and reading sessions and sets through the repository."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn, SessionStatus, SetRating, Side
from gluteapp.storage import (
    HistoryStore,
    InvalidRecordError,
    RecordNotFoundError,
    open_history,
)
from tests.storage.storage_helpers import T0, FakeClock, a_set, fill_history


def test_recorded_set_is_visible_to_another_connection_at_once(store: HistoryStore) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    set_id = store.record_set(session_id, a_set("side_plank", 2, Side.LEFT, hold_s=21.5))

    # A separate connection, as a second process would have: no commit call, no close.
    with closing(sqlite3.connect(store.path)) as other:
        row = other.execute(
            "SELECT session_id, exercise_id, set_number, side, achieved_hold_s, started_at"
            " FROM sets WHERE id = ?",
            (set_id,),
        ).fetchone()
        status = other.execute("SELECT status FROM sessions").fetchone()
    assert row == (session_id, "side_plank", 2, "left", 21.5, "2025-03-03T18:00:00.000000+00:00")
    assert status == ("running",)


def test_store_connection_is_wal_full_sync_with_foreign_keys(store: HistoryStore) -> None:
    pragmas = {
        name: store._db.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "foreign_keys")
    }
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}  # 2 = FULL


_KILLED_WRITER = """
import os, signal, sys
from datetime import UTC, datetime
from gluteapp.core.records import CompletedSet, Side
from gluteapp.storage import open_history
store = open_history(sys.argv[1])
t = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)
session_id = store.start_session("basics", "Basics", t)
store.record_set(session_id, CompletedSet("bridge", 1, Side.BOTH, t, t, achieved_reps=12))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_set_survives_sigkill_right_after_record_set(data_dir: Path, clock: FakeClock) -> None:
    import signal
    import subprocess
    import sys

    ran = subprocess.run(
        [sys.executable, "-c", _KILLED_WRITER, str(data_dir)], capture_output=True, timeout=30
    )
    assert ran.returncode == -signal.SIGKILL, ran.stderr.decode()
    assert (data_dir / "history.db-wal").exists()  # it really died without closing

    with open_history(data_dir, clock=clock) as store:
        [session] = store.mark_interrupted()
        assert [(s.exercise_id, s.achieved_reps) for s in session.sets] == [("bridge", 12)]


def test_round_trip_returns_dataclasses_with_aware_utc_times(store: HistoryStore) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    completed = a_set("bridge", 1, Side.BOTH, T0, hold_s=None, target_reps=12, achieved_reps=10)
    set_id = store.record_set(session_id, completed)

    stored = store.get_set(set_id)
    assert isinstance(stored, StoredSet)
    assert stored.as_completed_set() == completed
    assert stored.started_at.utcoffset() == timedelta(0)
    session = store.get_session(session_id)
    assert isinstance(session, SessionRecord)
    assert session.status is SessionStatus.RUNNING
    assert session.sets == (stored,)


def test_naive_datetimes_are_refused(store: HistoryStore) -> None:
    with pytest.raises(ValueError, match="naive"):
        store.start_session("basics", "Basics", T0.replace(tzinfo=None))


def test_finish_session_sets_status_end_and_notes(store: HistoryStore) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    store.finish_session(
        session_id, SessionStatus.ENDED_EARLY, T0 + timedelta(minutes=7), notes="knee"
    )
    session = store.get_session(session_id)
    assert (session.status, session.ended_at, session.notes) == (
        SessionStatus.ENDED_EARLY,
        T0 + timedelta(minutes=7),
        "knee",
    )
    with pytest.raises(ValueError, match="completed or ended_early"):
        store.finish_session(session_id, SessionStatus.RUNNING, T0)
    with pytest.raises(RecordNotFoundError):
        store.finish_session(404, SessionStatus.COMPLETED, T0)


def test_rate_set_changes_only_what_was_said(store: HistoryStore) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    set_id = store.record_set(session_id, a_set(pain=None, felt_in=None, achieved_hold_s=30.0))

    rated = store.rate_set(set_id, SetRating(pain=3, felt_in=FeltIn.HAMSTRINGS))
    assert (rated.pain, rated.felt_in, rated.achieved_hold_s) == (3, FeltIn.HAMSTRINGS, 30.0)
    rated = store.rate_set(set_id, SetRating(achieved_hold_s=25.0))
    assert (rated.pain, rated.felt_in, rated.achieved_hold_s) == (3, FeltIn.HAMSTRINGS, 25.0)
    assert store.get_set(set_id) == rated
    with pytest.raises(RecordNotFoundError):
        store.rate_set(999, SetRating(pain=1))


@pytest.mark.parametrize(
    "bad",
    [
        {"pain": 11},
        {"pain": -1},
        {"set_number": 0},
        {"achieved_reps": -2},
        {"achieved_hold_s": -0.5},
    ],
)
def test_constraints_reject_impossible_values(store: HistoryStore, bad: dict[str, int]) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    with pytest.raises(InvalidRecordError, match="CHECK constraint"):
        store.record_set(session_id, a_set(**bad))  # type: ignore[arg-type]
    assert list(store.all_sets()) == []


def test_rating_pain_11_is_rejected_and_the_old_value_kept(store: HistoryStore) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    set_id = store.record_set(session_id, a_set(pain=2))
    with pytest.raises(InvalidRecordError):
        store.rate_set(set_id, SetRating(pain=11))
    assert store.get_set(set_id).pain == 2


@pytest.mark.parametrize(
    ("column", "value"),
    [("side", "middle"), ("felt_in", "elbows"), ("pain", 11), ("set_number", 0)],
)
def test_database_checks_hold_even_without_the_repository(
    store: HistoryStore, column: str, value: object
) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    row = {"session_id": session_id, "exercise_id": "x", "set_number": 1, "side": "left"}
    row |= {"started_at": "t", "ended_at": "t", column: value}
    with closing(sqlite3.connect(store.path)) as other:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            other.execute(
                f"INSERT INTO sets ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            other.execute("UPDATE sessions SET status = 'paused'")


def test_interrupted_session_is_offered_for_resume_after_a_crash(
    data_dir: Path, clock: FakeClock
) -> None:
    store = open_history(data_dir, clock=clock)
    done = store.start_session("basics", "Basics", T0 - timedelta(days=1))
    store.finish_session(done, SessionStatus.COMPLETED, T0 - timedelta(days=1, minutes=-20))
    running = store.start_session("basics", "Basics", T0)
    store.record_set(running, a_set("clamshell", 1, Side.LEFT, T0))
    store.record_set(running, a_set("clamshell", 1, Side.RIGHT, T0 + timedelta(minutes=1)))
    store._db.conn.close()  # the app dies: no finish, no backup, no orderly close

    store = open_history(data_dir, clock=clock)
    assert store.resumable_sessions() == []  # nothing is interrupted until start-up says so
    interrupted = store.mark_interrupted()
    assert [s.id for s in interrupted] == [running]
    assert store.mark_interrupted() == []

    [offer] = store.resumable_sessions()
    assert offer.id == running
    assert offer.status is SessionStatus.INTERRUPTED
    assert offer.awaiting_resume
    last = offer.last_set
    assert last is not None
    assert (last.exercise_id, last.set_number, last.side) == ("clamshell", 1, Side.RIGHT)
    assert [s.side for s in offer.sets] == [Side.LEFT, Side.RIGHT]

    resumed = store.resume_session(running)
    assert resumed.status is SessionStatus.RUNNING
    assert store.resumable_sessions() == []
    store.record_set(running, a_set("clamshell", 2, Side.LEFT, T0 + timedelta(minutes=9)))
    store.finish_session(running, SessionStatus.COMPLETED, T0 + timedelta(minutes=20))
    assert len(store.get_session(running).sets) == 3
    with pytest.raises(InvalidRecordError):
        store.resume_session(done)
    store.close(backup=False)


def test_close_session_ends_it_at_its_last_set(store: HistoryStore) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    last = store.record_set(session_id, a_set("bridge", 1, Side.BOTH, T0, hold_s=30))
    store.mark_interrupted()

    closed = store.close_session(session_id)
    assert closed.status is SessionStatus.INTERRUPTED
    assert closed.ended_at == store.get_set(last).ended_at == T0 + timedelta(seconds=30)
    assert store.resumable_sessions() == []
    with pytest.raises(InvalidRecordError):
        store.close_session(session_id)
    empty = store.start_session("basics", "Basics", T0 + timedelta(hours=1))
    assert store.close_session(empty).ended_at == T0 + timedelta(hours=1)


def test_list_sessions_by_time_range_with_their_sets(store: HistoryStore) -> None:
    ids = fill_history(store, 5)  # T0, +2d, +4d, +6d, +8d
    window = store.list_sessions(since=T0 + timedelta(days=2), until=T0 + timedelta(days=6))
    assert [s.id for s in window] == ids[1:3]
    assert all(len(s.sets) == 2 for s in window)
    assert all(st.session_id == s.id for s in window for st in s.sets)
    assert [s.id for s in store.list_sessions()] == ids
    assert store.list_sessions(since=T0 + timedelta(days=30)) == []


def test_sets_for_exercise_and_all_sets(store: HistoryStore) -> None:
    fill_history(store, 3)
    session_id = store.start_session("other", "Other", T0 + timedelta(days=1))
    store.record_set(session_id, a_set("bridge", 1, Side.BOTH, T0 + timedelta(days=1)))

    clamshells = store.sets_for_exercise("clamshell")
    assert len(clamshells) == 6
    assert {s.exercise_id for s in clamshells} == {"clamshell"}
    assert [s.started_at for s in clamshells] == sorted(s.started_at for s in clamshells)
    recent = store.sets_for_exercise("clamshell", since=T0 + timedelta(days=2))
    assert len(recent) == 4
    assert [s.id for s in store.sets_for_exercise("bridge")] == [7]

    every = store.all_sets()
    assert next(every).id == 1  # lazy: an iterator, not a list
    assert [s.id for s in every] == [2, 3, 4, 5, 6, 7]
