"""Backups of the history through SQLite's online backup API: naming, writing, checking, pruning.

Backups are ordered by what they hold (their newest session), not by the clock's date in their
name: a backup made while the clock was set years ahead must not pass for the newest one and
hide the sessions recorded after it from a restore, nor stop the daily backups.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from msgspec import Struct

from gluteapp.storage.integrity import check_database, read_only_uri
from gluteapp.storage.rows import started_at as checked_started_at

BACKUPS_DIRNAME = "backups"
DEFAULT_KEEP_BACKUPS = 10

# history-2024-05-01T10-15-00.123456Z.db: UTC, no colons (Windows), fixed width so that the
# name order is the time order.
_STAMP_FORMAT = "%Y-%m-%dT%H-%M-%S.%f"
_NAME = re.compile(r"^history-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{6})Z\.db$")
_PARTIAL_SUFFIX = ".partial"
#: More files than this named like backups is not our doing; only the newest named are read.
_MAX_LISTED = 200
_NOTHING = datetime.min.replace(tzinfo=UTC)


class Backup(Struct, frozen=True):
    """One backup file, when it was taken (UTC, from its name) and what it holds."""

    path: Path
    taken_at: datetime
    #: When its newest session started (None: no sessions, or unreadable).
    newest_session: datetime | None = None
    #: The highest session id in it: ids only grow, whatever the clock said.
    last_session_id: int = 0

    @property
    def order(self) -> tuple[datetime, int, datetime]:
        """Newer content first, then the later name; the sort key of `list_backups`."""
        return (self.newest_session or _NOTHING, self.last_session_id, self.taken_at)


def backup_name(taken_at: datetime) -> str:
    return f"history-{taken_at.astimezone(UTC).strftime(_STAMP_FORMAT)}Z.db"


def list_backups(backups_dir: Path) -> list[Backup]:
    """Backups in `backups_dir`, the one with the newest sessions first.

    Files not named like ours, and anything that is not a regular file, are ignored.
    """
    try:
        if not backups_dir.is_dir():
            return []
        named = []
        for path in backups_dir.iterdir():
            match = _NAME.match(path.name)
            if match and path.is_file():
                taken_at = datetime.strptime(match.group(1), _STAMP_FORMAT).replace(tzinfo=UTC)
                named.append((taken_at, path))
    except (OSError, ValueError):
        return []
    named.sort(reverse=True)
    found = [_with_contents(path, taken_at) for taken_at, path in named[:_MAX_LISTED]]
    return sorted(found, key=lambda backup: backup.order, reverse=True)


def _with_contents(path: Path, taken_at: datetime) -> Backup:
    """The backup with its newest session read from it (read-only; a bad file holds none)."""
    try:
        with closing(sqlite3.connect(read_only_uri(path, immutable=True), uri=True)) as conn:
            last_id = conn.execute("SELECT max(id) FROM sessions").fetchone()[0]
            starts = conn.execute(
                "SELECT started_at FROM sessions ORDER BY started_at DESC LIMIT 20"
            ).fetchall()
    except sqlite3.Error:
        return Backup(path, taken_at)
    newest = next(
        (moment for (value,) in starts if (moment := checked_started_at(value)) is not None),
        None,
    )
    return Backup(path, taken_at, newest, last_id if isinstance(last_id, int) else 0)


def is_good_backup(path: Path) -> bool:
    """quick_check passes and this version of Gluteapp can open it."""
    try:
        check = check_database(path)
    except sqlite3.Error:
        return False
    return (check.damage is None and not check.is_newer and not check.is_foreign
            and check.has_sessions_table)


def latest_good_backup(backups_dir: Path) -> Backup | None:
    return next((b for b in list_backups(backups_dir) if is_good_backup(b.path)), None)


def write_backup(source: sqlite3.Connection, backups_dir: Path, taken_at: datetime) -> Backup:
    """Copy the live database with the online backup API, verify the copy, then publish it.

    The copy is written under a temporary name and renamed only once it passes quick_check, so
    a backup file with a final name is always complete. Raises OSError or sqlite3.Error.
    """
    backups_dir.mkdir(parents=True, exist_ok=True)
    for leftover in backups_dir.glob(f"history-*{_PARTIAL_SUFFIX}"):
        # Only ever an unfinished copy of ours, from a backup that was cut short.
        leftover.unlink(missing_ok=True)
    while (backups_dir / backup_name(taken_at)).exists():
        taken_at += timedelta(microseconds=1)
    final = backups_dir / backup_name(taken_at)
    partial = final.with_name(final.name + _PARTIAL_SUFFIX)
    try:
        with closing(sqlite3.connect(partial)) as target:
            source.backup(target)
            # A rollback-journal file is self-contained: no -wal/-shm beside it to lose.
            target.execute("PRAGMA journal_mode = DELETE")
        if not is_good_backup(partial):
            raise sqlite3.DatabaseError(f"the new backup {partial} failed its integrity check")
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    return _with_contents(final, taken_at)


def prune_backups(backups_dir: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` backups with the newest contents; returns what was deleted."""
    removed = []
    for backup in list_backups(backups_dir)[max(keep, 0) :]:
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def copy_database(source: Path, target: Path) -> None:
    """Copy a (verified, closed) database file to `target` through the backup API, atomically."""
    partial = target.with_name(target.name + _PARTIAL_SUFFIX)
    partial.unlink(missing_ok=True)
    try:
        with (
            closing(sqlite3.connect(read_only_uri(source), uri=True)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
