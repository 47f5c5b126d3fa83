"""Damaged history files are moved aside intact, and the store continues from a backup or empty."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from gluteapp.storage import StartupOutcome, open_history
from tests.storage.storage_helpers import FakeClock, fill_history


def _truncate(path: Path) -> None:
    with open(path, "r+b") as f:
        f.truncate(path.stat().st_size // 2)


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(5).randbytes(path.stat().st_size))


def _damaged_header(path: Path) -> None:
    with open(path, "r+b") as f:
        f.write(b"\xff" * 16)


def _damaged_index_page(path: Path) -> None:
    # Header, schema and migrations table stay readable: only quick_check can notice this.
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        [root] = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'sets_exercise_started_at'"
        ).fetchone()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size + 8  # keep the page type byte and cell count, scramble cells
    data[start : start + page_size - 8] = (bytes(range(256)) * page_size)[: page_size - 8]
    path.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "random bytes": _random_bytes,
    "damaged header": _damaged_header,
    "damaged index page": _damaged_index_page,
}


def _history_with_sessions(data_dir: Path, clock: FakeClock, sessions: int) -> Path:
    """A checkpointed history.db (no -wal) big enough to span many pages."""
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        fill_history(store, sessions)
        store.close(backup=False)
    db_path = data_dir / "history.db"
    assert not (data_dir / "history.db-wal").exists()
    assert db_path.stat().st_size >= 4 * 4096
    return db_path


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_file_is_kept_aside_and_an_empty_history_starts(
    data_dir: Path, clock: FakeClock, damage: str
) -> None:
    db_path = _history_with_sessions(data_dir, clock, sessions=60)
    DAMAGE[damage](db_path)
    damaged_bytes = db_path.read_bytes()

    with open_history(data_dir, clock=clock) as store:
        report = store.startup_report
        assert store.list_sessions() == []
        store.start_session("basics", "Basics", clock())  # the new history works

    moved = data_dir / "history.corrupt-20250303T180000Z.db"
    assert report.outcome is StartupOutcome.RECREATED_EMPTY
    assert report.damaged_file_moved_to == moved
    assert moved.read_bytes() == damaged_bytes
    assert report.needs_attention
    assert str(moved) in report.message
    assert "Nothing was deleted" in report.message
    assert "No usable backup" in report.message


def test_damaged_file_moves_with_its_wal(data_dir: Path, clock: FakeClock) -> None:
    db_path = _history_with_sessions(data_dir, clock, sessions=20)
    wal = data_dir / "history.db-wal"
    wal.write_bytes(b"pretend wal frames")
    _damaged_header(db_path)

    with open_history(data_dir, clock=clock) as store:
        moved = store.startup_report.damaged_file_moved_to
    assert moved is not None
    assert Path(f"{moved}-wal").read_bytes() == b"pretend wal frames"


def test_two_damaged_files_in_the_same_second_both_kept(data_dir: Path, clock: FakeClock) -> None:
    kept = []
    for _ in range(2):
        _history_with_sessions(data_dir, clock, sessions=20)
        _damaged_header(data_dir / "history.db")
        with open_history(data_dir, clock=clock, daily_backup=False) as store:
            kept.append(store.startup_report.damaged_file_moved_to)
            store.close(backup=False)
    assert kept[0] != kept[1]
    assert all(p is not None and p.exists() for p in kept)


def test_restores_the_latest_good_backup(data_dir: Path, clock: FakeClock) -> None:
    store = open_history(data_dir, clock=clock)  # backup 1: empty
    fill_history(store, 3)
    clock.advance(hours=1)
    older = store.backup_now()  # 3 sessions
    fill_history(store, 2, start=clock.advance(days=10))
    clock.advance(hours=1)
    latest = store.backup_now()  # 5 sessions
    clock.advance(hours=1)
    fill_history(store, 1, start=clock.advance(days=10))  # only in history.db
    store.close(backup=False)
    assert [b.path for b in store.backups()[:2]] == [latest.path, older.path]

    _truncate(data_dir / "history.db")
    with open_history(data_dir, clock=clock) as store:
        report = store.startup_report
        assert len(store.list_sessions()) == 5
        assert store.list_sessions()[-1].sets[-1].exercise_id == "clamshell"

    assert report.outcome is StartupOutcome.RESTORED_FROM_BACKUP
    assert report.restored_from == latest.path
    assert str(latest.path) in report.message
    assert "restored" in report.message
    assert report.damaged_file_moved_to is not None
    assert report.damaged_file_moved_to.exists()


def test_a_damaged_latest_backup_is_skipped(data_dir: Path, clock: FakeClock) -> None:
    store = open_history(data_dir, clock=clock)
    fill_history(store, 2)
    clock.advance(hours=1)
    good = store.backup_now()
    clock.advance(hours=1)
    bad = store.backup_now()
    store.close(backup=False)
    _damaged_header(bad.path)
    bad_bytes = bad.path.read_bytes()

    _damaged_header(data_dir / "history.db")
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        assert store.startup_report.restored_from == good.path
        assert len(store.list_sessions()) == 2
        store.close(backup=False)
    assert bad.path.read_bytes() == bad_bytes


def test_an_empty_file_is_not_damage(data_dir: Path, clock: FakeClock) -> None:
    data_dir.mkdir()
    (data_dir / "history.db").write_bytes(b"")
    with open_history(data_dir, clock=clock) as store:
        assert store.startup_report.outcome is StartupOutcome.CREATED
    assert not list(data_dir.glob("history.corrupt-*"))


def test_a_healthy_history_after_a_crash_is_not_damage(data_dir: Path, clock: FakeClock) -> None:
    store = open_history(data_dir, clock=clock, daily_backup=False)
    fill_history(store, 4)
    # Leave the WAL in place the way a crash does: copy the files while the store is open.
    crashed = data_dir.parent / "crashed"
    crashed.mkdir()
    for name in ("history.db", "history.db-wal"):
        (crashed / name).write_bytes((data_dir / name).read_bytes())
    store.close(backup=False)

    with open_history(crashed, clock=clock) as reopened:
        assert reopened.startup_report.outcome is StartupOutcome.OPENED
        assert len(reopened.list_sessions()) == 4
    assert not list(crashed.glob("history.corrupt-*"))
