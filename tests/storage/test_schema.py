"""Migrations build the schema from nothing, record its version, and refuse newer files."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from gluteapp.storage import SCHEMA_VERSION, NewerDatabaseError, open_history
from gluteapp.storage.schema import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE
from tests.storage.storage_helpers import FakeClock, a_set, file_hash


def _read(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute(sql).fetchall()


def test_migrations_build_schema_from_empty_folder(data_dir: Path, clock: FakeClock) -> None:
    store = open_history(data_dir, clock=clock)
    store.close(backup=False)
    db_path = data_dir / "history.db"

    tables = {
        row[0] for row in _read(db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    assert {"sessions", "sets", MIGRATIONS_TABLE} <= tables
    set_columns = {row[1] for row in _read(db_path, "PRAGMA table_info(sets)")}
    assert set_columns >= {
        "id", "session_id", "exercise_id", "set_number", "side", "target_reps", "target_hold_s",
        "achieved_reps", "achieved_hold_s", "started_at", "ended_at", "pain", "felt_in",
    }  # fmt: skip
    index_rows = _read(db_path, "SELECT name FROM sqlite_master WHERE type = 'index'")
    indexes = {row[0] for row in index_rows}
    assert {"sessions_started_at", "sets_session_id", "sets_exercise_started_at"} <= indexes
    assert _read(db_path, "PRAGMA journal_mode") == [("wal",)]
    assert store.startup_report.outcome == "created"


def test_schema_version_is_recorded_twice(data_dir: Path, clock: FakeClock) -> None:
    with open_history(data_dir, clock=clock) as store:
        assert store.schema_version == SCHEMA_VERSION >= 1
    db_path = data_dir / "history.db"
    assert _read(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    applied = _read(db_path, f"SELECT migration_set, name FROM {MIGRATIONS_TABLE} ORDER BY rowid")
    assert applied == [(MIGRATION_SET, name) for name in MIGRATION_NAMES]


def test_reopening_is_idempotent_and_keeps_data(data_dir: Path, clock: FakeClock) -> None:
    with open_history(data_dir, clock=clock) as store:
        session_id = store.start_session("basics", "Basics", clock())
        store.record_set(session_id, a_set())
    for _ in range(2):
        with open_history(data_dir, clock=clock) as store:
            assert store.startup_report.outcome == "opened"
            assert [len(s.sets) for s in store.list_sessions()] == [1]
    db_path = data_dir / "history.db"
    assert _read(db_path, f"SELECT count(*) FROM {MIGRATIONS_TABLE}") == [(len(MIGRATION_NAMES),)]


def test_foreign_keys_are_on(data_dir: Path, clock: FakeClock) -> None:
    from gluteapp.storage import RecordNotFoundError

    with open_history(data_dir, clock=clock) as store:
        with pytest.raises(RecordNotFoundError):
            store.record_set(999, a_set())
        assert list(store.all_sets()) == []


def _make_newer(db_path: Path, *, user_version: int | None, migration: str | None) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        if user_version is not None:
            conn.execute(f"PRAGMA user_version = {user_version}")
        if migration is not None:
            conn.execute(
                f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at)"
                " VALUES (?, ?, '2031-01-01')",
                (MIGRATION_SET, migration),
            )
        conn.commit()


@pytest.mark.parametrize(
    ("user_version", "migration"),
    [(SCHEMA_VERSION + 1, "0099_from_the_future"), (SCHEMA_VERSION + 5, None), (None, "0099_x")],
)
def test_newer_database_is_refused_and_left_untouched(
    data_dir: Path, clock: FakeClock, user_version: int | None, migration: str | None
) -> None:
    with open_history(data_dir, clock=clock) as store:
        store.start_session("basics", "Basics", clock())
    db_path = data_dir / "history.db"
    _make_newer(db_path, user_version=user_version, migration=migration)
    before = file_hash(db_path)
    files_before = sorted(p.name for p in data_dir.iterdir())

    with pytest.raises(NewerDatabaseError) as refused:
        open_history(data_dir, clock=clock)

    assert file_hash(db_path) == before
    message = str(refused.value)
    assert "newer version of Gluteapp" in message
    assert str(db_path) in message
    assert "left exactly as it was" in message
    if migration is not None:
        assert migration in message
    # Nothing moved aside, nothing restored, no backup taken of a file we do not understand.
    assert sorted(p.name for p in data_dir.iterdir()) == files_before
