"""Another program's database is refused untouched; backups are ordered by what they hold."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from gluteapp.core.records import SessionStatus
from gluteapp.storage import StartupOutcome, StorageError, open_history
from gluteapp.storage.backups import list_backups
from tests.storage.storage_helpers import FakeClock, file_hash, fill_history


def another_apps_database(path: Path, user_version: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("CREATE TABLE tags (note INTEGER, tag TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('my shopping list')")
        conn.execute(f"PRAGMA user_version = {user_version:d}")
        conn.commit()


@pytest.mark.parametrize("user_version", [0, 7])
def test_another_programs_database_is_refused_and_left_byte_for_byte(
    data_dir: Path, clock: FakeClock, user_version: int
) -> None:
    db_path = data_dir / "history.db"
    another_apps_database(db_path, user_version)
    before = file_hash(db_path)
    files_before = sorted(p.name for p in data_dir.iterdir())

    with pytest.raises(StorageError, match="is not a Gluteapp history") as refused:
        open_history(data_dir, clock=clock)

    assert file_hash(db_path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == files_before  # no -wal, no backup
    message = str(refused.value)
    assert message.startswith(f"{db_path} is not a Gluteapp history: it holds the tables ")
    assert "'notes', 'tags'" in message
    assert "left exactly as it was" in message
    assert "newer version" not in message
    assert type(refused.value).__name__ == "ForeignDatabaseError"


def test_an_empty_sqlite_file_still_becomes_the_history(data_dir: Path, clock: FakeClock) -> None:
    data_dir.mkdir(parents=True)
    with closing(sqlite3.connect(data_dir / "history.db")) as conn:
        conn.execute("PRAGMA user_version = 0")
        conn.execute("CREATE TABLE t (x)")
        conn.execute("DROP TABLE t")  # a valid SQLite file with no tables left
        conn.commit()
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        assert store.startup_report.outcome is StartupOutcome.OPENED
        store.start_session("r", "R", clock())
        store.close(backup=False)


def test_a_backup_from_a_clock_set_ahead_does_not_stop_daily_backups_or_win_a_restore(
    data_dir: Path, clock: FakeClock
) -> None:
    with open_history(data_dir, clock=clock) as store:  # today: a first backup
        fill_history(store, 2, start=clock() - timedelta(days=10))
        store.close(backup=False)
    real_now = clock()
    clock.advance(days=3650)  # one start with the clock ten years ahead
    with open_history(data_dir, clock=clock) as store:
        store.close(backup=False)
    future = max(b.taken_at for b in list_backups(data_dir / "backups"))
    clock.now = real_now
    for day in range(1, 4):  # three more days of sessions, each day a start and a session
        clock.now = real_now + timedelta(days=day)
        with open_history(data_dir, clock=clock) as store:
            fill_history(store, 1, start=clock())
            store.close(backup=False)

    backups = list_backups(data_dir / "backups")
    # A backup every day again, though one is named ten years ahead.
    taken = sorted(b.taken_at for b in backups)
    assert taken[:-1] == [real_now + timedelta(days=d) for d in range(4)]
    assert taken[-1] == future
    # Ordered by what they hold: the newest sessions first, the future-dated copy far down.
    assert backups[0].taken_at == real_now + timedelta(days=3)
    assert backups[-1].taken_at == real_now

    # The history is damaged: the restore takes the backup with the most recent sessions.
    db_path = data_dir / "history.db"
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        fill_history(store, 1, start=clock() + timedelta(hours=1))  # after the last backup
        store.close(backup=False)
    with open(db_path, "r+b") as handle:
        handle.seek(100)
        handle.write(b"\xff" * 4000)
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        outcome = store.startup_report.outcome
        restored_from = store.startup_report.restored_from
        sessions = len(store.list_sessions())
        store.close(backup=False)
    assert outcome is StartupOutcome.RESTORED_FROM_BACKUP
    assert restored_from == backups[0].path
    # The two first sessions and those of days 1 and 2 (day 3 was backed up as it started);
    # the copy named ten years ahead holds only the first two.
    assert sessions == 2 + 2


def test_pruning_keeps_the_backups_with_the_newest_sessions(
    data_dir: Path, clock: FakeClock
) -> None:
    store = open_history(data_dir, clock=clock, keep_backups=2, daily_backup=False)
    real_now = clock()
    clock.advance(days=3650)
    ahead = store.backup_now()  # no sessions yet, named ten years ahead
    clock.now = real_now
    fill_history(store, 1, start=real_now)
    first = store.backup_now()
    clock.advance(hours=1)
    fill_history(store, 1, start=clock())
    second = store.backup_now()
    store.close(backup=False)
    assert [b.path for b in list_backups(data_dir / "backups")] == [second.path, first.path]
    assert not ahead.path.exists()


def test_a_daily_backup_that_cannot_be_written_does_not_stop_the_history(
    data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "backups").write_bytes(b"a file where the folder should be")
    with open_history(data_dir, clock=clock) as store:  # the daily backup fails
        assert store.backup_problem is not None
        assert "could not back up your history" in store.backup_problem
        session = store.start_session("r", "R", clock())
        store.finish_session(session, SessionStatus.COMPLETED, clock())
        store.close(backup=False)
    with open_history(data_dir, clock=clock, daily_backup=False) as again:
        assert len(again.list_sessions()) == 1
        again.close(backup=False)
