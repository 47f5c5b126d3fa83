"""The history repository: sessions and their sets in `<data-dir>/history.db`, crash-safe.

Durability: WAL with `synchronous = FULL`. Every write is its own transaction, committed before
the method returns, and FULL syncs the WAL on each commit, so a recorded set survives not only a
crash or SIGKILL of the app (NORMAL would be enough for that) but also a power cut or OS crash
right after. One fsync per completed set is cheap next to the seconds a set takes.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, Self, TypeVar

import msgspec.structs
from sqlite_utils import Database

from gluteapp.core.history_digest import (
    ExerciseDigest,
    ExerciseTotal,
    SessionDigest,
    WeekDigest,
    zone_offsets,
)
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import (
    CompletedSet,
    DoseChoice,
    FeltIn,
    Hurt,
    HurtChoice,
    SessionStatus,
    SetRating,
    Side,
)
from gluteapp.core.stats import week_start
from gluteapp.storage import backups as backup_files
from gluteapp.storage import digests, week_sums
from gluteapp.storage import hurts as hurt_rows
from gluteapp.storage import rows as checked
from gluteapp.storage.backups import BACKUPS_DIRNAME, DEFAULT_KEEP_BACKUPS, Backup
from gluteapp.storage.errors import (
    InvalidRecordError,
    RecordNotFoundError,
    StorageError,
    write_failed_message,
)
from gluteapp.storage.integrity import check_database
from gluteapp.storage.rows import EARLIEST, LATEST, RowReport
from gluteapp.storage.schema import SCHEMA_VERSION, apply_migrations
from gluteapp.storage.startup import (
    StartupReport,
    damaged_report,
    disk_is_full,
    ensure_writable_file,
    ensure_writable_folder,
    foreign_database_error,
    move_aside,
    newer_database_error,
    opened_report,
)
from gluteapp.storage.timestamps import from_db_time, to_db_time, utc_now

log = logging.getLogger(__name__)

HISTORY_FILENAME = "history.db"
DAILY_BACKUP_INTERVAL = timedelta(days=1)
_BUSY_TIMEOUT_S = 5.0

_SET_COLUMNS = (
    "id, session_id, exercise_id, set_number, side, started_at, ended_at, target_reps, "
    "target_hold_s, achieved_reps, achieved_hold_s, pain, felt_in, cut_short"
)
_SESSION_COLUMNS = "id, routine_id, routine_name, started_at, ended_at, status, notes"
_CHOICE_COLUMNS = (
    "step_index, exercise_id, unit, previous, suggested, chosen, change, reason,"
    " suggested_variation, chosen_variation, suggested_extra_side, chosen_extra_side"
)
_FINISHED = (SessionStatus.COMPLETED, SessionStatus.ENDED_EARLY)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _reading(
    action: str,
) -> Callable[[Callable[Concatenate[HistoryStore, _P], _R]],
              Callable[Concatenate[HistoryStore, _P], _R]]:
    """Turn a database error during a read into a StorageError that says what was being read.

    Callers above storage then handle one kind of exception and never see sqlite3.
    """

    def wrap(
        method: Callable[Concatenate[HistoryStore, _P], _R],
    ) -> Callable[Concatenate[HistoryStore, _P], _R]:
        def wrapper(self: HistoryStore, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as error:
                raise StorageError(
                    f"Could not read {action} from {self.path} ({error})."
                ) from error
            except UnicodeDecodeError as error:  # text another program wrote as raw bytes
                raise StorageError(
                    f"Could not read {action} from {self.path}: a text in it is not UTF-8 "
                    f"({error.reason} at byte {error.start})."
                ) from error

        wrapper.__name__, wrapper.__doc__ = method.__name__, method.__doc__
        return wrapper

    return wrap


def open_history(
    data_dir: Path | str,
    *,
    keep_backups: int = DEFAULT_KEEP_BACKUPS,
    clock: Callable[[], datetime] = utc_now,
    daily_backup: bool = True,
) -> HistoryStore:
    """Open (or create) `<data_dir>/history.db`, recovering from damage; see `startup_report`.

    Raises NewerDatabaseError for a file from a newer Gluteapp and ForeignDatabaseError for
    another program's database (both left untouched), and StorageError when the folder or
    file cannot be written. A daily backup that fails does not stop the opening: see
    `backup_problem`.
    """
    data_dir = Path(data_dir)
    ensure_writable_folder(data_dir)
    db_path = data_dir / HISTORY_FILENAME
    backups_dir = data_dir / BACKUPS_DIRNAME
    ensure_writable_file(db_path)
    created = not db_path.exists() or db_path.stat().st_size == 0

    moved_to: Path | None = None
    restored: Backup | None = None
    damage: str | None = None
    if not created:
        try:
            check = check_database(db_path)
        except sqlite3.Error as error:
            if disk_is_full(data_dir):
                raise StorageError(
                    f"Gluteapp cannot open its history file {db_path}: the disk holding it is "
                    f"full ({error}). Make room on it, then start Gluteapp again. Nothing was "
                    "changed."
                ) from error
            raise StorageError(
                f"Gluteapp cannot read its history file {db_path} ({error}). Make sure no other "
                "program is holding it and that the disk is working, then start Gluteapp again."
            ) from error
        if check.is_foreign:
            raise foreign_database_error(db_path, check)
        if check.is_newer:
            raise newer_database_error(db_path, check)
        damage = check.damage
    if damage is not None:
        moved_to = move_aside(db_path, clock())
        restored = backup_files.latest_good_backup(backups_dir)
        if restored is not None:
            try:
                backup_files.copy_database(restored.path, db_path)
            except (OSError, sqlite3.Error) as error:
                raise StorageError(
                    f"Your history file was damaged and moved to {moved_to}, but restoring the "
                    f"backup {restored.path} failed ({error}). Nothing was deleted."
                ) from error

    store = HistoryStore._connect(db_path, backups_dir, keep_backups, clock)
    if damage is not None and moved_to is not None:
        report = damaged_report(
            db_path,
            damage,
            moved_to,
            restored.path if restored else None,
            restored.taken_at if restored else None,
            backups_dir,
        )
    else:
        report = opened_report(db_path, created)
    store.startup_report = report
    if daily_backup:
        try:
            store.maybe_daily_backup()
        except StorageError as error:
            # The history itself is fine: a backup that cannot be written (a full disk) must
            # not keep the person from a session whose sets can still be saved, or wait.
            store.backup_problem = str(error)
    return store


class HistoryStore:
    """Sessions and completed sets; every write is committed before the method returns."""

    startup_report: StartupReport

    def __init__(
        self,
        db: Database,
        path: Path,
        backups_dir: Path,
        keep_backups: int,
        clock: Callable[[], datetime],
    ) -> None:
        """Use open_history(); this only wires an already-migrated database."""
        self._db = db
        self.path = path
        self.backups_dir = backups_dir
        self.keep_backups = keep_backups
        self._clock = clock
        self._closed = False
        # The zone's offsets last found, with what they were found for (see _zone_offsets).
        self._offsets: tuple[tuple[datetime, datetime, tzinfo | None],
                             list[tuple[int, int]]] | None = None
        self.startup_report = opened_report(path, created=False)
        #: Rows met with damaged values: read around, never changed; the person is told.
        self.row_report = RowReport()
        #: Why the backup at opening could not be written, if it could not.
        self.backup_problem: str | None = None

    @classmethod
    def _connect(
        cls,
        path: Path,
        backups_dir: Path,
        keep_backups: int,
        clock: Callable[[], datetime],
    ) -> HistoryStore:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S)
            # Text that is not valid UTF-8 (written by another program) would make the whole
            # query fail; it is read with U+FFFD in place of the bad bytes instead.
            conn.text_factory = _lenient_text
            db = Database(conn, execute_plugins=False)
            db.execute("PRAGMA foreign_keys = ON")
            db.enable_wal()
            db.execute("PRAGMA synchronous = FULL")
            _migrate(db)
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version != SCHEMA_VERSION:
                raise StorageError(
                    f"The history {path} is at schema version {version} after migrating, "
                    f"expected {SCHEMA_VERSION}."
                )
        except sqlite3.Error as error:
            if conn is not None:
                conn.close()
            if disk_is_full(path.parent):
                raise StorageError(
                    f"Gluteapp cannot open its history file {path}: the disk holding it is "
                    f"full ({error}). Make room on it, then start Gluteapp again. Nothing was "
                    "changed."
                ) from error
            raise StorageError(
                f"Gluteapp cannot open its history file {path} ({error}). Make sure the folder "
                f"{path.parent} is writable and the disk is not full, then start Gluteapp again."
            ) from error
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        return cls(db, path, backups_dir, keep_backups, clock)

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self, *, backup: bool = True) -> None:
        """Back up (unless told not to), then close; the connection is closed even if that fails.

        Raises StorageError only: a close that cannot checkpoint (a full disk) leaves the WAL
        beside the file, which SQLite reads back at the next open.
        """
        if self._closed:
            return
        try:
            if backup:
                self.backup_now()
        finally:
            self._closed = True
            try:
                self._db.close()
            except sqlite3.Error as error:
                raise StorageError(
                    f"Could not close the history {self.path} cleanly ({error}); it is read back "
                    "as it was at the next start."
                ) from error

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(backup=exc is None)

    # -- writes ----------------------------------------------------------------------------

    def start_session(self, routine_id: str, routine_name: str, started_at: datetime) -> int:
        with self._writing("start the session"):
            cursor = self._db.execute(
                "INSERT INTO sessions (routine_id, routine_name, started_at, status)"
                " VALUES (?, ?, ?, ?)",
                (routine_id, routine_name, to_db_time(started_at), SessionStatus.RUNNING.value),
            )
        return _rowid(cursor)

    def record_set(self, session_id: int, completed: CompletedSet) -> int:
        """Store one completed set; durable (committed and synced) when this returns."""
        with self._writing("save the set"):
            return self._insert_set(session_id, completed)

    def start_session_once(self, routine_id: str, routine_name: str, started_at: datetime) -> int:
        """`start_session`, unless this very session (same routine and start) is stored already.

        For writes that waited (a full disk): replaying them again after a crash must not store
        anything twice.
        """
        with self._writing("start the session"), self._db.atomic():
            row = self._db.execute(
                "SELECT id FROM sessions WHERE routine_id = ? AND started_at = ?",
                (routine_id, to_db_time(started_at)),
            ).fetchone()
            if row is not None:
                return int(row[0])
            cursor = self._db.execute(
                "INSERT INTO sessions (routine_id, routine_name, started_at, status)"
                " VALUES (?, ?, ?, ?)",
                (routine_id, routine_name, to_db_time(started_at), SessionStatus.RUNNING.value),
            )
            return _rowid(cursor)

    def record_set_once(self, session_id: int, completed: CompletedSet) -> int:
        """`record_set`, unless the same set (session, exercise, number, side, start) is stored."""
        with self._writing("save the set"), self._db.atomic():
            row = self._db.execute(
                "SELECT id FROM sets WHERE session_id = ? AND exercise_id = ? AND set_number = ?"
                " AND side = ? AND started_at = ?",
                (session_id, completed.exercise_id, completed.set_number,
                 Side(completed.side).value, to_db_time(completed.started_at)),
            ).fetchone()
            if row is not None:
                return int(row[0])
            return self._insert_set(session_id, completed)

    def _insert_set(self, session_id: int, completed: CompletedSet) -> int:
        cursor = self._db.execute(
            "INSERT INTO sets (session_id, exercise_id, set_number, side, started_at,"
            " ended_at, target_reps, target_hold_s, achieved_reps, achieved_hold_s, pain,"
            " felt_in, cut_short) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                completed.exercise_id,
                completed.set_number,
                Side(completed.side).value,
                to_db_time(completed.started_at),
                to_db_time(completed.ended_at),
                completed.target_reps,
                completed.target_hold_s,
                completed.achieved_reps,
                completed.achieved_hold_s,
                completed.pain,
                FeltIn(completed.felt_in).value if completed.felt_in is not None else None,
                _flag(completed.cut_short),
            ),
        )
        return _rowid(cursor)

    def rate_set(self, set_id: int, rating: SetRating) -> StoredSet:
        """Apply what the person said about a set; fields left None are not changed."""
        changes: dict[str, Any] = {
            "achieved_reps": rating.achieved_reps,
            "achieved_hold_s": rating.achieved_hold_s,
            "pain": rating.pain,
            "felt_in": FeltIn(rating.felt_in).value if rating.felt_in is not None else None,
            "cut_short": _flag(rating.cut_short),
        }
        changes = {column: value for column, value in changes.items() if value is not None}
        if changes:
            assignments = ", ".join(f"{column} = ?" for column in changes)
            with self._writing("save the rating"):
                cursor = self._db.execute(
                    f"UPDATE sets SET {assignments} WHERE id = ?", (*changes.values(), set_id)
                )
            if cursor.rowcount == 0:
                raise RecordNotFoundError(f"There is no set with id {set_id}.")
        return self.get_set(set_id)

    def finish_session(
        self,
        session_id: int,
        status: SessionStatus,
        ended_at: datetime,
        notes: str | None = None,
    ) -> None:
        """End a session as completed or ended early (optionally saving the person's notes)."""
        status = SessionStatus(status)
        if status not in _FINISHED:
            raise ValueError(f"a session is finished as completed or ended_early, not {status}")
        with self._writing("finish the session"):
            cursor = self._db.execute(
                "UPDATE sessions SET status = ?, ended_at = ?, notes = coalesce(?, notes)"
                " WHERE id = ?",
                (status.value, to_db_time(ended_at), notes, session_id),
            )
        if cursor.rowcount == 0:
            raise RecordNotFoundError(f"There is no session with id {session_id}.")

    def record_dose_choices(self, session_id: int, choices: Sequence[DoseChoice]) -> None:
        """Store what was suggested and chosen for a session's exercises, in one transaction."""
        rows = [
            (
                session_id,
                choice.step_index,
                choice.exercise_id,
                choice.unit,
                choice.previous,
                choice.suggested,
                choice.chosen,
                choice.change,
                choice.reason,
                choice.suggested_variation,
                choice.chosen_variation,
                _side_or_none(choice.suggested_extra_side),
                _side_or_none(choice.chosen_extra_side),
            )
            for choice in choices
        ]
        placeholders = ", ".join("?" * 13)
        with self._writing("save the chosen doses"), self._db.atomic():
            self._db.conn.executemany(
                f"INSERT OR REPLACE INTO dose_choices (session_id, {_CHOICE_COLUMNS})"
                f" VALUES ({placeholders})",
                rows,
            )

    def set_notes(self, session_id: int, notes: str) -> None:
        with self._writing("save the notes"):
            cursor = self._db.execute(
                "UPDATE sessions SET notes = ? WHERE id = ?", (notes, session_id)
            )
        if cursor.rowcount == 0:
            raise RecordNotFoundError(f"There is no session with id {session_id}.")

    def set_routine_toml(self, session_id: int, text: str) -> None:
        """Keep the routine as played with its session, to resume it whatever became of it."""
        with self._writing("save the session's routine"):
            changed = hurt_rows.set_routine_toml(self._db, session_id, text)
        if changed == 0:
            raise RecordNotFoundError(f"There is no session with id {session_id}.")

    def record_hurt(self, session_id: int, hurt: Hurt) -> int:
        """Store an "It hurts" the moment it is pressed; durable when this returns."""
        with self._writing("save what hurt"):
            return hurt_rows.insert(self._db, session_id, hurt)

    def set_hurt_choice(self, hurt_id: int, choice: HurtChoice) -> None:
        """What the person chose after "It hurts": skip, end or carry on."""
        with self._writing("save what was chosen after it hurt"):
            changed = hurt_rows.set_choice(self._db, hurt_id, choice)
        if changed == 0:
            raise RecordNotFoundError(f"There is no 'It hurts' with id {hurt_id}.")

    def mark_interrupted(self) -> list[SessionRecord]:
        """At start: sessions left 'running' by a crash or kill become 'interrupted'.

        Returns them with their sets. Call once, before any session starts, in one running app.
        """
        with self._writing("mark interrupted sessions"), self._db.atomic():
            ids = [
                int(row[0])
                for row in self._db.execute(
                    "SELECT id FROM sessions WHERE status = ? ORDER BY started_at, id",
                    (SessionStatus.RUNNING.value,),
                ).fetchall()
            ]
            self._db.execute(
                "UPDATE sessions SET status = ? WHERE status = ?",
                (SessionStatus.INTERRUPTED.value, SessionStatus.RUNNING.value),
            )
        return self._sessions_where(f"id IN ({', '.join('?' * len(ids))})" if ids else "0", ids)

    @_reading("the interrupted sessions")
    def resumable_sessions(self) -> list[SessionRecord]:
        """Interrupted sessions not yet resumed or closed, oldest first, with their sets."""
        return self._sessions_where(
            "status = ? AND ended_at IS NULL", (SessionStatus.INTERRUPTED.value,)
        )

    def resume_session(self, session_id: int) -> SessionRecord:
        """Make an interrupted session running again; new sets continue after its last set."""
        with self._writing("resume the session"):
            cursor = self._db.execute(
                "UPDATE sessions SET status = ? WHERE id = ? AND status = ? AND ended_at IS NULL",
                (SessionStatus.RUNNING.value, session_id, SessionStatus.INTERRUPTED.value),
            )
        if cursor.rowcount == 0:
            self.get_session(session_id)  # raises RecordNotFoundError if it does not exist
            raise InvalidRecordError(f"Session {session_id} is not waiting to be resumed.")
        return self.get_session(session_id)

    def close_session(self, session_id: int, ended_at: datetime | None = None) -> SessionRecord:
        """Close an interrupted (or orphaned running) session without resuming it.

        It stays 'interrupted', with `ended_at` the given time, else the end of its last set,
        else its start; it is no longer offered for resume.
        """
        session = self.get_session(session_id)
        if not (session.ended_at is None and session.status not in _FINISHED):
            raise InvalidRecordError(f"Session {session_id} is already closed.")
        if ended_at is None:
            last = session.last_set
            ended_at = last.ended_at if last is not None else session.started_at
        with self._writing("close the session"):
            self._db.execute(
                "UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
                (SessionStatus.INTERRUPTED.value, to_db_time(ended_at), session_id),
            )
        return self.get_session(session_id)

    # -- reads -----------------------------------------------------------------------------

    @_reading("a session")
    def get_session(self, session_id: int) -> SessionRecord:
        found = self._sessions_where("id = ?", (session_id,))
        if not found:
            raise RecordNotFoundError(f"There is no session with id {session_id}.")
        return found[0]

    @_reading("a set")
    def get_set(self, set_id: int) -> StoredSet:
        rows = list(self._db.query(f"SELECT {_SET_COLUMNS} FROM sets WHERE id = ?", (set_id,)))
        if not rows:
            raise RecordNotFoundError(f"There is no set with id {set_id}.")
        stored = checked.stored_set(rows[0], self.row_report)
        if stored is None:
            raise InvalidRecordError(f"The set with id {set_id} in {self.path} is damaged.")
        return stored

    @_reading("the sessions")
    def list_sessions(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[SessionRecord]:
        """Sessions started in [since, until), oldest first, each with its sets."""
        where, params = _time_range("started_at", since, until)
        return self._sessions_where(where, params)

    @_reading("an exercise's sets")
    def sets_for_exercise(
        self, exercise_id: str, since: datetime | None = None, until: datetime | None = None
    ) -> list[StoredSet]:
        """One exercise's sets started in [since, until), in time order."""
        where, params = _time_range("started_at", since, until)
        rows = self._db.query(
            f"SELECT {_SET_COLUMNS} FROM sets WHERE exercise_id = ? AND {where}"
            " ORDER BY started_at, id",
            (exercise_id, *params),
        )
        return self._sets(rows)

    @_reading("the latest sessions")
    def latest_sessions(self, limit: int) -> list[SessionRecord]:
        """The newest `limit` sessions that have at least one set, oldest first, with their sets.

        Enough for dose suggestions without reading years of history.
        """
        return self._sessions_where(
            "id IN (SELECT id FROM sessions WHERE EXISTS"
            " (SELECT 1 FROM sets WHERE sets.session_id = sessions.id)"
            " ORDER BY started_at DESC, id DESC LIMIT ?)",
            (limit,),
        )

    @_reading("the first session")
    def first_started_at(self) -> datetime | None:
        """When the first session ever started, or None with no history.

        Damaged start times are passed over (the first readable one is almost always the first
        row, so this stays one step on a healthy history).
        """
        for (value,) in self._db.execute("SELECT started_at FROM sessions ORDER BY started_at"):
            started = checked.started_at(value)
            if started is not None:
                return started
        return None

    @_reading("the chosen doses")
    def dose_choices(self, session_id: int) -> list[DoseChoice]:
        """What was suggested and chosen before a session, in routine order."""
        rows = self._db.query(
            f"SELECT {_CHOICE_COLUMNS} FROM dose_choices WHERE session_id = ? ORDER BY step_index",
            (session_id,),
        )
        return [
            choice for row in rows
            if (choice := checked.dose_choice(row, self.row_report)) is not None
        ]

    @_reading("the last variations")
    def last_variations(self) -> dict[str, str]:
        """Per exercise, the variation chosen the last time it was offered, if it was one."""
        rows = self._db.query(
            "SELECT c.exercise_id, c.chosen_variation FROM dose_choices c"
            " JOIN sessions s ON s.id = c.session_id"
            " ORDER BY s.started_at, s.id, c.step_index"
        )
        latest: dict[str, str | None] = {}
        for row in rows:
            latest[str(row["exercise_id"])] = row["chosen_variation"]
        return {exercise: str(name) for exercise, name in latest.items() if name is not None}

    def all_sets(self) -> Iterator[StoredSet]:
        """Every set ever recorded, in the order recorded, read lazily (for export)."""
        try:
            for row in self._db.query(f"SELECT {_SET_COLUMNS} FROM sets ORDER BY id"):
                stored = checked.stored_set(row, self.row_report)
                if stored is not None:
                    yield stored
        except sqlite3.Error as error:
            raise StorageError(f"Could not read the sets from {self.path} ({error}).") from error

    @_reading("the sessions' digests")
    def session_digests(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[SessionDigest]:
        """Sessions started in [since, until), oldest first, each as its digest (no sets)."""
        where, params = _time_range("s.started_at", since, until)
        return digests.session_digests(self._db.conn, where, params)

    @_reading("the exercises' digests")
    def exercise_digests(
        self,
        exercise_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[ExerciseDigest]:
        """Each exercise (or just `exercise_id`) of each session in [since, until), digested."""
        where, params = _time_range("s.started_at", since, until)
        return digests.exercise_digests(self._db.conn, exercise_id, where, params)

    @_reading("the exercises' totals")
    def exercise_totals(
        self, since: datetime | None = None, until: datetime | None = None,
        tz: tzinfo | None = None,
    ) -> list[ExerciseTotal]:
        """Per exercise of the sessions started in [since, until): sets done, and one side.

        From the weeks kept summed (storage.week_sums, in `tz`) when `since` is None.
        """
        kept = self._kept_weeks(since, until, tz)
        if kept is not None:
            end, offsets, live_where, live_params = kept
            return week_sums.totals(
                week_sums.exercise_done(self._db.conn),
                digests.exercise_week_rows(self._db.conn, live_where, live_params, offsets),
                end)
        where, params = _time_range("s.started_at", since, until)
        return digests.exercise_totals(self._db.conn, where, params)

    def _zone_offsets(
        self, since: datetime | None, until: datetime | None, tz: tzinfo | None
    ) -> list[tuple[int, int]]:
        """The zone's offsets over [since, until), or over the stored starts where open."""
        first, last = since, until
        if first is None or last is None:
            row = self._db.conn.execute(
                "SELECT (SELECT MIN(started_at) FROM sessions),"
                " (SELECT MAX(started_at) FROM sessions)").fetchone()
            first = first or _stored_time(row[0]) or EARLIEST
            last = last or _stored_time(row[1]) or utc_now()
        # Starts outside these are left out as damaged (storage.rows): no zone is looked up
        # for them, and none can be before 1970, where a system's zone may not answer.
        first = min(max(first, EARLIEST), LATEST)
        last = min(max(last, first), LATEST)
        key = (first, last, tz)
        if self._offsets is None or self._offsets[0] != key:  # a range's weeks, then an
            self._offsets = (key, zone_offsets(first, last, tz))  # exercise's: found once
        return self._offsets[1]

    @_reading("the sessions' weeks")
    def week_digests(
        self, since: datetime | None = None, until: datetime | None = None,
        tz: tzinfo | None = None,
    ) -> list[WeekDigest]:
        """Sessions started in [since, until) summed per week of `tz` (None: the system's
        zone), oldest first: what a long range reads instead of a digest per session.

        With `since` None ("All"), the weeks before the current one are the ones kept summed
        (storage.week_sums), and only the current week is summed from its sessions.
        """
        kept = self._kept_weeks(since, until, tz)
        if kept is not None:
            end, offsets, live_where, live_params = kept
            live = digests.week_rows(self._db.conn, live_where, live_params, offsets)
            return [digests.week_digest(row) for row in (
                *week_sums.week_rows(self._db.conn),
                *(row for row in live if row[0] >= end.toordinal()))]
        where, params = _time_range("s.started_at", since, until)
        return digests.week_digests(self._db.conn, where, params,
                                    self._zone_offsets(since, until, tz))

    def _kept_weeks(
        self, since: datetime | None, until: datetime | None, tz: tzinfo | None,
    ) -> tuple[date, list[tuple[int, int]], str, list[str]] | None:
        """For "All" (`since` None): bring the kept week sums up to the week of `until`'s last
        moment, and return its Monday (the sums hold every week before it), the zone's offsets
        and the SQL for the sessions a read adds to them (storage.week_sums.live_window). None
        for another range, or when the sums cannot be written now (a full disk, a file that
        cannot be written): the caller sums the digests instead."""
        if since is not None or until is None:
            return None
        offsets = self._zone_offsets(since, until, tz)
        end = week_start((until - timedelta(microseconds=1)).astimezone(tz).date())
        if not week_sums.is_current(self._db.conn, end, offsets, tz):
            try:
                with self._db.atomic():
                    week_sums.refresh(self._db.conn, end, offsets, tz)
            except sqlite3.Error as error:
                self._roll_back()
                log.warning("could not keep the week sums in %s (%s); summing the sessions",
                            self.path, error)
                return None
        return (end, offsets, *week_sums.live_window(end, until, tz))

    @_reading("the exercise's weeks")
    def exercise_weeks(
        self, exercise_id: str, since: datetime | None = None,
        until: datetime | None = None, tz: tzinfo | None = None,
    ) -> list[ExerciseDigest]:
        """One exercise in the sessions started in [since, until), summed per week of `tz`."""
        where, params = _time_range("s.started_at", since, until)
        return digests.exercise_weeks(self._db.conn, exercise_id, where, params,
                                      self._zone_offsets(since, until, tz), tz)

    @_reading("a page of sessions")
    def sessions_page(
        self, offset: int, limit: int, since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[SessionRecord]:
        """Sessions started in [since, until), newest first, from `offset`: a list's next page."""
        where, params = _time_range("started_at", since, until)
        page = self._sessions_where(
            f"id IN (SELECT id FROM sessions WHERE {where}"
            " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?)",
            (*params, limit, offset),
        )
        return page[::-1]

    @_reading("whether any set was recorded")
    def has_sets(self) -> bool:
        """Whether at least one set was ever recorded (cheap: stops at the first row)."""
        row = self._db.execute("SELECT EXISTS (SELECT 1 FROM sets)").fetchone()
        return bool(row[0])

    # -- backups ---------------------------------------------------------------------------

    def backups(self) -> list[Backup]:
        """Backups on disk, the one holding the newest sessions first."""
        return backup_files.list_backups(self.backups_dir)

    def backup_now(self) -> Backup:
        """Write a verified backup now, then keep only the newest `keep_backups`."""
        try:
            made = backup_files.write_backup(self._db.conn, self.backups_dir, self._clock())
            backup_files.prune_backups(self.backups_dir, self.keep_backups)
        except (OSError, sqlite3.Error) as error:
            raise StorageError(
                f"Gluteapp could not back up your history into {self.backups_dir} ({error}). "
                "Your history itself is safe. Check that the folder is writable and the disk "
                "is not full."
            ) from error
        return made

    def maybe_daily_backup(self) -> Backup | None:
        """Back up unless a backup was taken in the last day; at most once a day.

        A backup whose name lies in the future (taken while the clock was set ahead) does not
        count as recent: otherwise one start with a wrong clock would stop backups for years.
        """
        now = self._clock()
        if any(now - DAILY_BACKUP_INTERVAL < b.taken_at <= now for b in self.backups()):
            return None
        return self.backup_now()

    # -- helpers ---------------------------------------------------------------------------

    @contextmanager
    def _writing(self, action: str) -> Iterator[None]:
        try:
            yield
        except (UnicodeEncodeError, OverflowError) as error:
            # Text with unpaired surrogates (a file name that was not UTF-8) or a number
            # SQLite cannot hold: the value is refused like any other bad value.
            self._roll_back()
            raise InvalidRecordError(
                f"Could not {action}: the history cannot store a value ({error})."
            ) from error
        except sqlite3.IntegrityError as error:
            self._roll_back()
            if "FOREIGN KEY" in str(error):
                raise RecordNotFoundError(
                    f"Could not {action}: the session it belongs to does not exist ({error})."
                ) from error
            raise InvalidRecordError(
                f"Could not {action}: the history refused a value ({error})."
            ) from error
        except sqlite3.Error as error:
            self._roll_back()
            raise StorageError(write_failed_message(action, self.path, error)) from error

    def _roll_back(self) -> None:
        """Leave no transaction open after a failed write.

        A COMMIT that fails on a full disk can leave one open, and every later write would
        silently join it and never be committed. If even the rollback fails, nothing more can
        be done here: the next write reports its own error.
        """
        if self._db.conn.in_transaction:
            with suppress(sqlite3.Error):
                self._db.conn.rollback()

    def _sets(self, rows: Iterable[Mapping[str, Any]]) -> list[StoredSet]:
        """The rows' sets, damaged ones left out (and reported)."""
        return [
            stored for row in rows
            if (stored := checked.stored_set(row, self.row_report)) is not None
        ]

    def _sessions_where(self, where: str, params: Sequence[Any]) -> list[SessionRecord]:
        """Sessions matching `where`, with their sets; damaged rows are left out and reported."""
        sets_by_session: dict[int, list[StoredSet]] = {}
        for stored in self._sets(self._db.query(
            f"SELECT {_SET_COLUMNS} FROM sets WHERE session_id IN"
            f" (SELECT id FROM sessions WHERE {where}) ORDER BY session_id, id",
            params,
        )):
            sets_by_session.setdefault(stored.session_id, []).append(stored)
        found = []
        for row in self._db.query(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE {where} ORDER BY started_at, id",
            params,
        ):
            sets = sets_by_session.get(row["id"], []) if isinstance(row["id"], int) else []
            record = checked.session(row, sets, self.row_report)
            if record is not None:
                found.append(record)
        # Text order is time order for what we write; a repaired time may not sort as text.
        found.sort(key=lambda record: (record.started_at, record.id))
        return self._with_hurts(found)

    def _with_hurts(self, records: list[SessionRecord]) -> list[SessionRecord]:
        """The sessions with their "It hurts" records and the routine text each kept."""
        hurts, texts = hurt_rows.for_sessions(self._db, [r.id for r in records],
                                              self.row_report)
        return [msgspec.structs.replace(record, hurts=tuple(hurts.get(record.id, ())),
                                    routine_toml=texts.get(record.id, ""))
                for record in records]


def _migrate(db: Database, attempts: int = 5) -> None:
    """Apply the migrations; when another copy migrates the same new file at the same moment
    (two screenshots started together), its change may land between our check and our own,
    so look again: the migrations it recorded are then skipped."""
    for attempt in range(attempts):
        try:
            apply_migrations(db)
            return
        except sqlite3.OperationalError as error:
            text = str(error)
            racing = "duplicate column" in text or "already exists" in text or "locked" in text
            if not racing or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _rowid(cursor: sqlite3.Cursor) -> int:
    if cursor.lastrowid is None:  # pragma: no cover - an INSERT always sets it
        raise StorageError("the database did not return the new row's id")
    return cursor.lastrowid


def _time_range(
    column: str, since: datetime | None, until: datetime | None
) -> tuple[str, list[str]]:
    clauses = ["1"]
    params: list[str] = []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(to_db_time(since))
    if until is not None:
        clauses.append(f"{column} < ?")
        params.append(to_db_time(until))
    return " AND ".join(clauses), params


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(bool(value))


def _side_or_none(side: Side | None) -> str | None:
    return Side(side).value if side is not None else None


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _stored_time(value: object) -> datetime | None:
    """A stored start, or None where it is not one (a damaged row: the zone is then looked up
    from 1970 or up to now instead)."""
    if not isinstance(value, str):
        return None
    try:
        return from_db_time(value)
    except (ValueError, OverflowError):
        return None
