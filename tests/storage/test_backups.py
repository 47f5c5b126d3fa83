"""Backups through SQLite's backup API: on demand, daily, on close, verified, the last N kept."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from gluteapp.storage import StorageError, open_history
from gluteapp.storage.backups import is_good_backup, list_backups
from tests.storage.storage_helpers import FakeClock, fill_history


def _sessions_in(path: Path) -> int:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])


def test_backup_now_writes_a_verified_self_contained_copy(data_dir: Path, clock: FakeClock) -> None:
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        fill_history(store, 3)
        clock.advance(minutes=5)
        backup = store.backup_now()
        store.close(backup=False)

    assert backup.path == data_dir / "backups" / "history-2025-03-03T18-05-00.000000Z.db"
    assert backup.taken_at == clock()
    assert _sessions_in(backup.path) == 3
    assert is_good_backup(backup.path)
    assert sorted(p.name for p in backup.path.parent.iterdir()) == [backup.path.name]


def test_close_takes_a_backup(data_dir: Path, clock: FakeClock) -> None:
    store = open_history(data_dir, clock=clock, daily_backup=False)
    fill_history(store, 2)
    clock.advance(minutes=30)
    store.close()
    [backup] = list_backups(data_dir / "backups")
    assert backup.taken_at == clock()
    assert _sessions_in(backup.path) == 2
    assert store.closed


def test_daily_backup_happens_at_most_once_a_day(data_dir: Path, clock: FakeClock) -> None:
    store = open_history(data_dir, clock=clock)  # first start: no backup yet, so one now
    assert len(store.backups()) == 1
    clock.advance(hours=23)
    assert store.maybe_daily_backup() is None
    store.close(backup=False)
    with open_history(data_dir, clock=clock) as again:
        assert len(again.backups()) == 1
        clock.advance(hours=1)
        made = again.maybe_daily_backup()
        assert made is not None
        assert made.taken_at == clock()
        assert len(again.backups()) == 2
        again.close(backup=False)


def test_backups_are_pruned_to_the_newest_n(data_dir: Path, clock: FakeClock) -> None:
    store = open_history(data_dir, clock=clock, keep_backups=3, daily_backup=False)
    stray = data_dir / "backups" / "my-own-copy.db"
    made = []
    for _ in range(6):
        clock.advance(hours=1)
        made.append(store.backup_now().path)
        stray.write_bytes(b"not ours")
    store.close(backup=False)

    assert [b.path for b in list_backups(data_dir / "backups")] == made[:-4:-1]
    assert not any(p.exists() for p in made[:3])
    assert stray.read_bytes() == b"not ours"  # files we did not name are never pruned


def test_backups_in_the_same_instant_do_not_overwrite(data_dir: Path, clock: FakeClock) -> None:
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        first = store.backup_now()
        second = store.backup_now()
        store.close(backup=False)
    assert first.path != second.path
    assert first.path.exists()
    assert second.path.exists()


def test_a_damaged_backup_is_not_trusted(data_dir: Path, clock: FakeClock) -> None:
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        fill_history(store, 1)
        backup = store.backup_now()
        store.close(backup=False)
    assert is_good_backup(backup.path)
    with open(backup.path, "r+b") as f:
        f.truncate(1000)
    assert not is_good_backup(backup.path)


def test_backup_failure_is_a_clear_storage_error(data_dir: Path, clock: FakeClock) -> None:
    store = open_history(data_dir, clock=clock, daily_backup=False)
    (data_dir / "backups").write_bytes(b"a file where the folder should be")
    with pytest.raises(StorageError, match="could not back up your history into"):
        store.backup_now()
    with pytest.raises(StorageError):
        store.close()  # the backup on close fails, yet the connection is closed
    assert store.closed
