"""The GUI's one door to the history: every read and write goes through here, announced."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from msgspec import Struct
from PySide6.QtCore import QObject, QTimer, Signal

from gluteapp.core.history_digest import (
    ExerciseDigest,
    ExerciseTotal,
    SessionDigest,
    WeekDigest,
)
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.paths import AppPaths
from gluteapp.core.records import (
    CompletedSet,
    DoseChoice,
    Hurt,
    HurtChoice,
    SessionStatus,
    SetRating,
)
from gluteapp.storage import (
    REFUSED_FOR_GOOD,
    FinishSession,
    HistoryStore,
    NewerDatabaseError,
    PendingEntry,
    PendingJournal,
    RateSet,
    RecordChoices,
    RecordSet,
    StartSession,
    StartupReport,
    StorageError,
    WaitingWrites,
    Written,
    new_key,
    write_waiting_sets,
)
from gluteapp.storage.data_backup import (
    BackupContents,
    BackupError,
    HistoryBackup,
    RestoreResult,
    StagedRestore,
    WrittenBackup,
)

log = logging.getLogger(__name__)

__all__ = [
    "BackupContents", "BackupError", "ChangeKind", "HistoryBackup", "HistoryChange",
    "HistoryService", "NewerDatabaseError", "RestoreResult", "StagedRestore", "StorageError",
    "WrittenBackup",
]

_R = TypeVar("_R")


class ChangeKind(StrEnum):
    """What a write changed, so each view can decide whether it has to read again."""

    SESSION_STARTED = "session_started"
    SET_RECORDED = "set_recorded"
    SET_RATED = "set_rated"
    SESSION_FINISHED = "session_finished"
    DOSES_CHOSEN = "doses_chosen"
    SESSION_RESUMED = "session_resumed"
    SESSION_CLOSED = "session_closed"
    HURT_RECORDED = "hurt_recorded"


class HistoryChange(Struct, frozen=True):
    kind: ChangeKind
    session_id: int
    set_id: int | None = None


_WRITTEN_KIND: dict[type, ChangeKind] = {
    StartSession: ChangeKind.SESSION_STARTED,
    RecordSet: ChangeKind.SET_RECORDED,
    RateSet: ChangeKind.SET_RATED,
    FinishSession: ChangeKind.SESSION_FINISHED,
    RecordChoices: ChangeKind.DOSES_CHOSEN,
}


class HistoryService(QObject):
    """Wraps HistoryStore for the GUI.

    Reads return records and raise only `StorageError`; a row with a damaged value is left
    out or read without it, and `rows_damaged` says so (once for each newly found row).

    Writes never raise. A write the history cannot take now (a full disk, a locked or read-only
    file) waits: in memory and in a journal beside the database, in order, retried on a timer
    and before the next write, and replayed at the next start. `start_session` and `record_set`
    then return a provisional id (negative) that later writes may use; `pending_changed` says
    how many sets wait. A value the history refuses outright is logged and dropped. Either way
    `write_failed` carries a sentence a person can act on, and the session that wrote it goes
    on. A successful write, also of a waiting one, emits `history_changed` once.
    """

    history_changed = Signal(HistoryChange)
    write_failed = Signal(str)  # a plain sentence: what could not be saved, and why
    pending_changed = Signal(int)  # how many finished sets wait to be written
    unsaved_changed = Signal(int)  # finished sets not in the history: waiting, or refused
    rows_damaged = Signal(str)  # a plain paragraph: which rows were left out or read around

    #: How often waiting writes are tried again while they wait.
    RETRY_MS = 10_000

    def __init__(self, store: HistoryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._waiting = WaitingWrites(store, PendingJournal.beside(store.path))
        self._retry = QTimer(self)
        self._retry.setObjectName("history_retry")
        self._retry.setSingleShot(True)
        self._retry.setInterval(self.RETRY_MS)
        self._retry.timeout.connect(self.retry_pending)
        self._damaged_told = 0
        #: Why the waiting writes could not be written at the last try.
        self._last_error: StorageError | None = None
        #: Finished sets the history refused for good in this run (kept in a side file).
        self._refused_sets = 0
        #: Sets a previous run left waiting that were written when this one started.
        self.replayed_at_start = 0
        #: Why part of the journal could not be read at start (kept aside), if so.
        self.journal_problem_at_start: str | None = None

    @classmethod
    def open(cls, data_dir: Path, *, owner: bool) -> HistoryService:
        """Open (or create, migrate or repair) the history in `data_dir`. Raises StorageError.

        `owner`: this copy holds the data folder (not a screenshot run), so it backs up daily,
        writes the sets a previous run left waiting, and may decide that sessions left running
        were cut off by a crash.
        """
        from gluteapp.storage import open_history
        from gluteapp.storage.data_backup import recover_cut_short_restore

        # A restore the machine stopped half-way is undone before the history is opened.
        if owner and (said := recover_cut_short_restore(data_dir)):
            log.warning("%s", said)
        service = cls(open_history(data_dir, daily_backup=owner))
        report = service.startup_report
        if report.needs_attention:
            log.warning("history start-up: %s", report.message)
        if service.backup_problem:
            log.error("daily backup: %s", service.backup_problem)
        if owner:
            service.take_up_journal()
            interrupted = service.mark_interrupted()
            if interrupted:
                log.info("marked %d running sessions as interrupted", len(interrupted))
        return service

    # --- reads ---------------------------------------------------------------------------
    @property
    def startup_report(self) -> StartupReport:
        """What happened when the history was opened (created, repaired, moved aside)."""
        return self._store.startup_report

    @property
    def path(self) -> Path:
        return self._store.path

    def has_sets(self) -> bool:
        return self._store.has_sets()

    def list_sessions(self, since: datetime | None = None,
                      until: datetime | None = None) -> list[SessionRecord]:
        """Sessions started in [since, until), oldest first, each with its sets."""
        return self._read(lambda: self._store.list_sessions(since=since, until=until))

    def session_digests(self, since: datetime | None = None,
                        until: datetime | None = None) -> list[SessionDigest]:
        """Sessions started in [since, until), oldest first, as digests: no sets read."""
        return self._read(lambda: self._store.session_digests(since=since, until=until))

    def exercise_digests(self, exercise_id: str | None = None, since: datetime | None = None,
                         until: datetime | None = None) -> list[ExerciseDigest]:
        """Each exercise (or `exercise_id`) of each session in [since, until), digested."""
        return self._read(lambda: self._store.exercise_digests(exercise_id, since, until))

    def exercise_totals(self, since: datetime | None = None, until: datetime | None = None,
                        tz: tzinfo | None = None) -> list[ExerciseTotal]:
        """Per exercise of the sessions started in [since, until): sets done, and one side
        (`tz`: the zone of the weeks kept summed for "All")."""
        return self._read(lambda: self._store.exercise_totals(since, until, tz))

    def week_digests(self, since: datetime | None = None, until: datetime | None = None,
                     tz: tzinfo | None = None) -> list[WeekDigest]:
        """Sessions started in [since, until) summed per local week: a long range's read."""
        return self._read(lambda: self._store.week_digests(since, until, tz))

    def exercise_weeks(self, exercise_id: str, since: datetime | None = None,
                       until: datetime | None = None,
                       tz: tzinfo | None = None) -> list[ExerciseDigest]:
        """One exercise in the sessions started in [since, until), summed per local week."""
        return self._read(lambda: self._store.exercise_weeks(exercise_id, since, until, tz))

    def sessions_page(self, offset: int, limit: int, since: datetime | None = None,
                      until: datetime | None = None) -> list[SessionRecord]:
        """Sessions started in [since, until), newest first, from `offset`, with their sets."""
        return self._read(lambda: self._store.sessions_page(offset, limit, since, until))

    def latest_sessions(self, limit: int) -> list[SessionRecord]:
        return self._read(lambda: self._store.latest_sessions(limit))

    def first_started_at(self) -> datetime | None:
        return self._store.first_started_at()

    def last_variations(self) -> dict[str, str]:
        return self._store.last_variations()

    def resumable_sessions(self) -> list[SessionRecord]:
        return self._read(self._store.resumable_sessions)

    def sets_for_exercise(self, exercise_id: str, since: datetime | None = None,
                          until: datetime | None = None) -> list[StoredSet]:
        return self._read(
            lambda: self._store.sets_for_exercise(exercise_id, since=since, until=until))

    def export_csv(self, path: Path) -> int:
        """Write every set to a CSV file; return how many. Raises StorageError."""
        from gluteapp.storage.export import export_csv

        return self._read(lambda: export_csv(self._store, path))

    def damaged_rows_message(self) -> str:
        """What was found damaged in the history so far ("" when nothing was)."""
        return self._store.row_report.message()

    def _read(self, read: Callable[[], _R]) -> _R:
        try:
            return read()
        finally:
            found = len(self._store.row_report)
            if found > self._damaged_told:
                self._damaged_told = found
                message = self._store.row_report.message()
                log.warning("damaged rows in the history: %s", message)
                self.rows_damaged.emit(message)

    # --- what waits ----------------------------------------------------------------------
    def pending_sets(self) -> int:
        """How many finished sets wait to be written to the history."""
        return self._waiting.set_count()

    @property
    def backup_problem(self) -> str | None:
        """Why the backup taken when the history opened could not be written, if so."""
        return self._store.backup_problem

    @property
    def journal_path(self) -> Path:
        """Where waiting writes are kept beside the database."""
        return self._waiting.journal_path

    @property
    def journal_problem(self) -> str | None:
        """Why the waiting writes could not be put in the journal (then they are in memory)."""
        return self._waiting.journal_problem

    def take_up_journal(self) -> None:
        """At start, in the copy that holds the data folder: write what a previous run left."""
        self.journal_problem_at_start = self._waiting.load()
        if self.journal_problem_at_start:
            log.error("%s", self.journal_problem_at_start)
        if not self._waiting:
            return
        before = self.pending_sets()
        log.info("%d writes (%d sets) left waiting by the previous run; writing them",
                 len(self._waiting.entries), before)
        self.retry_pending()
        self.replayed_at_start = before - self.pending_sets()

    def retry_pending(self) -> bool:
        """Try the waiting writes again, in order; True when nothing waits any more."""
        if self._store.closed:
            return not self._waiting
        before = self.pending_sets()
        result = self._waiting.flush()
        self._last_error = result.error
        for written in result.written:
            self._announce(written)
        for entry, message in result.refused:
            self._refused(entry, message)
        if self._waiting:
            if not self._retry.isActive():
                self._retry.start()
        else:
            self._retry.stop()
            if before or result.written:
                log.info("every waiting write is in the history now")
        if self.pending_sets() != before:
            self.pending_changed.emit(self.pending_sets())
            self.unsaved_changed.emit(self.unsaved_sets())
        return not self._waiting

    def unsaved_sets(self) -> int:
        """Finished sets of this run not in the history: waiting, or refused (kept aside)."""
        return self.pending_sets() + self._refused_sets

    def save_pending_to(self, path: Path) -> int:
        """Write a copy of the waiting sets to a CSV file a person chose; return how many.

        They keep waiting for the history too. Raises OSError.
        """
        count = write_waiting_sets(path, self._waiting.entries)
        log.info("a copy of %d waiting sets was saved to %s", count, path)
        return count

    # --- writes --------------------------------------------------------------------------
    def start_session(self, routine_id: str, routine_name: str, started_at: datetime) -> int | None:
        error: StorageError | None = None
        if self._can_write_now():
            try:
                session_id = self._store.start_session(routine_id, routine_name, started_at)
            except REFUSED_FOR_GOOD as refused:
                self._failed(refused)
                return None
            except StorageError as failed:
                error = failed
            else:
                self._changed(ChangeKind.SESSION_STARTED, session_id)
                return session_id
        provisional = self._waiting.new_id()
        self._wait(StartSession(new_key(), provisional, routine_id, routine_name, started_at),
                   error)
        return provisional

    def record_set(self, session_id: int, completed: CompletedSet) -> int | None:
        session_id = self._waiting.real_id(session_id)
        error: StorageError | None = None
        if self._can_write_now(session_id):
            try:
                set_id = self._store.record_set(session_id, completed)
            except REFUSED_FOR_GOOD as refused:
                entry = RecordSet(new_key(), session_id, self._waiting.new_id(), completed)
                self._refused(entry, self._waiting.keep_refused(entry, refused))
                return None
            except StorageError as failed:
                error = failed
            else:
                self._changed(ChangeKind.SET_RECORDED, session_id, set_id)
                return set_id
        provisional = self._waiting.new_id()
        self._wait(RecordSet(new_key(), session_id, provisional, completed), error)
        return provisional

    def rate_set(self, set_id: int, rating: SetRating) -> StoredSet | None:
        """Apply a rating; None when it was refused or waits (with its set, or on its own)."""
        set_id = self._waiting.real_id(set_id)
        if set_id < 0:
            self._waiting.rate_waiting_set(set_id, rating)
            return None
        error: StorageError | None = None
        if self._can_write_now():
            try:
                stored = self._store.rate_set(set_id, rating)
            except REFUSED_FOR_GOOD as refused:
                self._failed(refused)
                return None
            except StorageError as failed:
                error = failed
            else:
                self._changed(ChangeKind.SET_RATED, stored.session_id, set_id)
                return stored
        self._wait(RateSet(new_key(), set_id, rating), error)
        return None

    def finish_session(self, session_id: int, status: SessionStatus, ended_at: datetime) -> bool:
        """End a session; False when that was refused or waits to be written."""
        session_id = self._waiting.real_id(session_id)
        error: StorageError | None = None
        if self._can_write_now(session_id):
            try:
                self._store.finish_session(session_id, status, ended_at)
            except REFUSED_FOR_GOOD as refused:
                self._failed(refused)
                return False
            except StorageError as failed:
                error = failed
            else:
                self._changed(ChangeKind.SESSION_FINISHED, session_id)
                return True
        self._wait(FinishSession(new_key(), session_id, status, ended_at), error)
        return False

    def record_dose_choices(self, session_id: int, choices: list[DoseChoice]) -> bool:
        """Store the doses chosen; False when that was refused or waits to be written."""
        session_id = self._waiting.real_id(session_id)
        error: StorageError | None = None
        if self._can_write_now(session_id):
            try:
                self._store.record_dose_choices(session_id, choices)
            except REFUSED_FOR_GOOD as refused:
                self._failed(refused)
                return False
            except StorageError as failed:
                error = failed
            else:
                self._changed(ChangeKind.DOSES_CHOSEN, session_id)
                return True
        self._wait(RecordChoices(new_key(), session_id, list(choices)), error)
        return False

    def set_routine_toml(self, session_id: int, text: str) -> bool:
        """Keep the routine as played with its session (to resume it); False if not stored."""
        session_id = self._waiting.real_id(session_id)
        if session_id < 0:
            log.warning("the routine of a session that waits to be saved is not kept")
            return False
        try:
            self._store.set_routine_toml(session_id, text)
        except StorageError as error:
            self._failed(error)
            return False
        return True

    def record_hurt(self, session_id: int, hurt: Hurt) -> int | None:
        """Store an "It hurts" as it is pressed; its id, or None when it could not be."""
        session_id = self._waiting.real_id(session_id)
        if session_id < 0:
            log.warning("'It hurts' in a session that waits to be saved is not kept: %s", hurt)
            return None
        try:
            hurt_id = self._store.record_hurt(session_id, hurt)
        except StorageError as error:
            self._failed(error)
            return None
        self._changed(ChangeKind.HURT_RECORDED, session_id)
        return hurt_id

    def set_hurt_choice(self, session_id: int, hurt_id: int, choice: HurtChoice) -> bool:
        """What was chosen after "It hurts" (skip, end, carry on); False if not stored."""
        try:
            self._store.set_hurt_choice(hurt_id, choice)
        except StorageError as error:
            self._failed(error)
            return False
        self._changed(ChangeKind.HURT_RECORDED, self._waiting.real_id(session_id))
        return True

    def resume_session(self, session_id: int) -> SessionRecord | None:
        try:
            record = self._store.resume_session(session_id)
        except StorageError as error:
            self._failed(error)
            return None
        self._changed(ChangeKind.SESSION_RESUMED, session_id)
        return record

    def close_session(self, session_id: int) -> SessionRecord | None:
        try:
            record = self._store.close_session(session_id)
        except StorageError as error:
            self._failed(error)
            return None
        self._changed(ChangeKind.SESSION_CLOSED, session_id)
        return record

    def mark_interrupted(self) -> list[SessionRecord]:
        """At start, in the one copy that holds the data folder: running sessions were cut off."""
        try:
            return self._store.mark_interrupted()
        except StorageError as error:
            self._failed(error)
            return []

    def close(self, *, backup: bool) -> None:
        """Write what waits if it can, back up (if asked) and close.

        What still waits stays in the journal for the next start; a failed backup is announced;
        the file is closed anyway.
        """
        if self._store.closed:
            return
        self._retry.stop()
        if self._waiting and not self.retry_pending():
            self._retry.stop()
            where = (self.journal_problem or
                     f"They are kept in {self.journal_path} and saved at the next start.")
            log.error("closing with %d sets not yet in the history. %s", self.pending_sets(),
                      where)
        try:
            self._store.close(backup=backup)
        except StorageError as error:
            self._failed(error)

    @property
    def closed(self) -> bool:
        return self._store.closed

    # --- backups of the data folder (storage/data_backup); each raises BackupError ---------
    def automatic_backups(self) -> list[HistoryBackup]:
        """The automatic backups of the history, the one with the newest sessions first."""
        from gluteapp.storage.data_backup import automatic_backups

        return automatic_backups(self._store.backups_dir)

    @staticmethod
    def write_backup_file(paths: AppPaths, target: Path, *, overwrite: bool) -> WrittenBackup:
        from gluteapp.storage.data_backup import write_data_backup

        return write_data_backup(paths, target, overwrite=overwrite)

    @staticmethod
    def check_backup_file(paths: AppPaths, source: Path) -> StagedRestore:
        """Check a backup file completely and stage it; the data folder is not changed."""
        from gluteapp.storage.data_backup import stage_restore

        return stage_restore(paths, source)

    @staticmethod
    def check_automatic_backup(paths: AppPaths, backup: Path) -> StagedRestore:
        from gluteapp.storage.data_backup import stage_history_backup

        return stage_history_backup(paths, backup)

    @staticmethod
    def discard_restore(staged: StagedRestore) -> None:
        from gluteapp.storage.data_backup import discard

        discard(staged)

    def restore(self, staged: StagedRestore) -> RestoreResult:
        """Close the history (backing it up), then put the staged data in place of the data.

        The history stays closed either way: the app must start again to read what is there.
        """
        from gluteapp.storage.data_backup import apply_restore

        self.close(backup=True)
        return apply_restore(staged)

    # --- helpers -------------------------------------------------------------------------
    def _can_write_now(self, *ids: int) -> bool:
        """Nothing waits (after one more try) and every id refers to a written row.

        Writes keep their order: while anything waits, a new write waits behind it.
        """
        if self._waiting:
            self.retry_pending()
        return not self._waiting and all(some_id >= 0 for some_id in ids)

    def _wait(self, entry: PendingEntry, error: StorageError | None) -> None:
        """Keep a write for later, say why, and try again on the timer."""
        if error is None:  # it waits behind earlier writes that still cannot be done
            reason = self._last_error or StorageError("an earlier write is waiting")
            message = self._waiting.waiting_message(type(entry), reason)
        else:
            message = str(error)
        self._waiting.add(entry)
        log.error("history write waits: %s", message)
        self.write_failed.emit(message)
        if not self._retry.isActive():
            self._retry.start()
        if isinstance(entry, RecordSet):
            self.pending_changed.emit(self.pending_sets())
            self.unsaved_changed.emit(self.unsaved_sets())

    def _refused(self, entry: PendingEntry, message: str) -> None:
        """A write the history will never take; it was kept in a side file (`message` says)."""
        log.error("history write refused for good: %s", message)
        self.write_failed.emit(message)
        if isinstance(entry, RecordSet):
            self._refused_sets += 1
            self.unsaved_changed.emit(self.unsaved_sets())

    def _announce(self, written: Written) -> None:
        self.history_changed.emit(
            HistoryChange(_WRITTEN_KIND[type(written.entry)], written.session_id,
                          written.set_id))

    def _changed(self, kind: ChangeKind, session_id: int, set_id: int | None = None) -> None:
        self.history_changed.emit(HistoryChange(kind, session_id, set_id))

    def _failed(self, error: StorageError) -> None:
        message = str(error)
        log.error("history write failed: %s", message)
        self.write_failed.emit(message)
