"""Start-up checks of the data folder and history file, and the plain-words report of them."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from msgspec import Struct

from gluteapp.core.safe_files import shown_value
from gluteapp.storage.errors import ForeignDatabaseError, NewerDatabaseError, StorageError
from gluteapp.storage.integrity import DatabaseCheck
from gluteapp.storage.schema import SCHEMA_VERSION

# A rollback journal is listed too: it belongs to the file as much as the WAL does.
_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


class StartupOutcome(StrEnum):
    OPENED = "opened"
    CREATED = "created"
    RESTORED_FROM_BACKUP = "restored_from_backup"
    RECREATED_EMPTY = "recreated_empty"


class StartupReport(Struct, frozen=True):
    """What opening the history did; `message` is written for the person, not for a log."""

    outcome: StartupOutcome
    message: str
    database: Path
    damaged_file_moved_to: Path | None = None
    restored_from: Path | None = None
    damage: str | None = None

    @property
    def needs_attention(self) -> bool:
        """True when the person should be shown `message` (their history was damaged)."""
        return self.damaged_file_moved_to is not None


def folder_error(folder: Path, reason: str) -> StorageError:
    return StorageError(
        f"Gluteapp cannot save your history in the folder {folder}: {reason}. "
        "Make that folder writable (check its permissions, and that the disk is neither "
        "read-only nor full), or start Gluteapp with a different data folder."
    )


def ensure_writable_folder(folder: Path) -> None:
    """Create `folder` if needed and prove a file can be written there (works for root too)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise folder_error(folder, "a file with that name is in the way") from None
    except OSError as error:
        raise folder_error(folder, _reason(error)) from error
    if not folder.is_dir():
        raise folder_error(folder, "it is a file, not a folder")
    try:
        handle, probe = tempfile.mkstemp(prefix=".gluteapp-write-test-", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise folder_error(folder, _reason(error)) from error


def ensure_writable_file(path: Path) -> None:
    if not path.exists():
        return
    if not path.is_file():
        raise StorageError(
            f"Gluteapp cannot use {path} as its history because it is not a regular file. "
            "Move it out of the way, then start Gluteapp again."
        )
    try:
        with open(path, "r+b"):
            pass
    except OSError as error:
        raise StorageError(
            f"Gluteapp cannot write to its history file {path}: {_reason(error)}. "
            "Make the file writable (check its permissions and owner), then start Gluteapp again."
        ) from error


def disk_is_full(folder: Path) -> bool:
    """Whether the disk holding `folder` has (next to) no room left; False if that is unknown."""
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def _reason(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is read-only or not yours"
    if error.errno == errno.ENOTDIR:
        return "part of that path is a file, not a folder"
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    return error.strerror or str(error)


def newer_database_error(path: Path, check: DatabaseCheck) -> NewerDatabaseError:
    unknown = ", ".join(check.unknown_migrations)
    detail = f"schema version {check.user_version}" + (
        f", with changes this version does not know: {unknown}" if unknown else ""
    )
    return NewerDatabaseError(
        f"Your history {path} was written by a newer version of Gluteapp ({detail}; this "
        f"version understands up to schema version {SCHEMA_VERSION}). It has been left exactly "
        "as it was. Please start the newer Gluteapp again; or, to use this version anyway, "
        "move that file somewhere else first and Gluteapp will start a new history."
    )


def foreign_database_error(path: Path, check: DatabaseCheck) -> ForeignDatabaseError:
    tables = ", ".join(shown_value(name, 30) for name in check.tables[:5])
    tables += ", …" if len(check.tables) > 5 else ""
    holds = (f"it holds the tables {tables}" if tables
             else f"it is marked as version {check.user_version}")
    return ForeignDatabaseError(
        f"{path} is not a Gluteapp history: {holds}, which another program made. It has been "
        "left exactly as it was. Move it somewhere else (or start Gluteapp with a different "
        "--data-dir), and Gluteapp will start a new history."
    )


def move_aside(db_path: Path, now: datetime) -> Path:
    """Rename a damaged file (and its -wal/-shm) to history.corrupt-<UTC time>.db; never delete."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = db_path.with_name(f"{db_path.stem}.corrupt-{stamp}{db_path.suffix}")
    counter = 1
    while target.exists() or any(_companion(target, s).exists() for s in _COMPANION_SUFFIXES):
        counter += 1
        target = db_path.with_name(f"{db_path.stem}.corrupt-{stamp}-{counter}{db_path.suffix}")
    try:
        os.rename(db_path, target)
        for suffix in _COMPANION_SUFFIXES:
            companion = _companion(db_path, suffix)
            if companion.exists():
                os.rename(companion, _companion(target, suffix))
    except OSError as error:
        raise StorageError(
            f"Your history file {db_path} is damaged, and Gluteapp could not move it aside to "
            f"{target} ({_reason(error)}). Nothing was deleted. Move the file somewhere else "
            "yourself, then start Gluteapp again."
        ) from error
    return target


def _companion(db_path: Path, suffix: str) -> Path:
    return db_path.with_name(db_path.name + suffix)


def opened_report(db_path: Path, created: bool) -> StartupReport:
    if created:
        return StartupReport(
            StartupOutcome.CREATED, f"A new, empty history was started in {db_path}.", db_path
        )
    return StartupReport(StartupOutcome.OPENED, f"Your history was opened from {db_path}.", db_path)


def damaged_report(
    db_path: Path,
    damage: str,
    moved_to: Path,
    restored_from: Path | None,
    restored_taken_at: datetime | None,
    backups_dir: Path,
) -> StartupReport:
    opening = (
        f"Your history file could not be read because it is damaged (SQLite said: {damage}). "
        f"Nothing was deleted: the damaged file was moved to {moved_to}."
    )
    if restored_from is not None and restored_taken_at is not None:
        when = restored_taken_at.astimezone(UTC).strftime("%d %B %Y at %H:%M UTC")
        return StartupReport(
            StartupOutcome.RESTORED_FROM_BACKUP,
            f"{opening} Your history was restored from the backup made on {when} "
            f"({restored_from}). Sessions done after that backup are not in it; they may "
            "still be recoverable from the damaged file, so keep it.",
            db_path,
            damaged_file_moved_to=moved_to,
            restored_from=restored_from,
            damage=damage,
        )
    return StartupReport(
        StartupOutcome.RECREATED_EMPTY,
        f"{opening} No usable backup was found in {backups_dir}, so Gluteapp started a new, "
        "empty history. Keep the damaged file if you want someone to try to recover it.",
        db_path,
        damaged_file_moved_to=moved_to,
        damage=damage,
    )
