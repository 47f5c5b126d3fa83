"""The GUI's one door to the history: every read and write goes through here, announced."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import CompletedSet, DoseChoice, SessionStatus, SetRating
from gluteapp.storage import HistoryStore, NewerDatabaseError, StartupReport, StorageError

log = logging.getLogger(__name__)

__all__ = [
    "ChangeKind", "HistoryChange", "HistoryService", "NewerDatabaseError", "StorageError",
]


class ChangeKind(StrEnum):
    """What a write changed, so each view can decide whether it has to read again."""

    SESSION_STARTED = "session_started"
    SET_RECORDED = "set_recorded"
    SET_RATED = "set_rated"
    SESSION_FINISHED = "session_finished"
    DOSES_CHOSEN = "doses_chosen"
    SESSION_RESUMED = "session_resumed"
    SESSION_CLOSED = "session_closed"


@dataclass(frozen=True, slots=True)
class HistoryChange:
    kind: ChangeKind
    session_id: int
    set_id: int | None = None


class HistoryService(QObject):
    """Wraps HistoryStore for the GUI.

    Reads return dataclasses and raise only `StorageError`. Writes never raise: a failed write is
    logged and announced on `write_failed` with a sentence a person can act on, so whoever shows
    it decides how, and the session that wrote it goes on. A successful write emits
    `history_changed` once, with a `HistoryChange` saying what changed.
    """

    history_changed = Signal(HistoryChange)
    write_failed = Signal(str)  # a plain sentence: what could not be saved, and why

    def __init__(self, store: HistoryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store

    @classmethod
    def open(cls, data_dir: Path, *, owner: bool) -> HistoryService:
        """Open (or create, migrate or repair) the history in `data_dir`. Raises StorageError.

        `owner`: this copy holds the data folder (not a screenshot run), so it backs up daily
        and may decide that sessions left running were cut off by a crash.
        """
        from gluteapp.storage import open_history

        service = cls(open_history(data_dir, daily_backup=owner))
        report = service.startup_report
        if report.needs_attention:
            log.warning("history start-up: %s", report.message)
        if owner:
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
        return self._store.list_sessions(since=since, until=until)

    def latest_sessions(self, limit: int) -> list[SessionRecord]:
        return self._store.latest_sessions(limit)

    def first_started_at(self) -> datetime | None:
        return self._store.first_started_at()

    def last_variations(self) -> dict[str, str]:
        return self._store.last_variations()

    def resumable_sessions(self) -> list[SessionRecord]:
        return self._store.resumable_sessions()

    def sets_for_exercise(self, exercise_id: str, since: datetime | None = None,
                          until: datetime | None = None) -> list[StoredSet]:
        return self._store.sets_for_exercise(exercise_id, since=since, until=until)

    def export_csv(self, path: Path) -> int:
        """Write every set to a CSV file; return how many. Raises StorageError."""
        from gluteapp.storage.export import export_csv

        return export_csv(self._store, path)

    # --- writes --------------------------------------------------------------------------
    def start_session(self, routine_id: str, routine_name: str, started_at: datetime) -> int | None:
        try:
            session_id = self._store.start_session(routine_id, routine_name, started_at)
        except StorageError as error:
            self._failed(error)
            return None
        self._changed(ChangeKind.SESSION_STARTED, session_id)
        return session_id

    def record_set(self, session_id: int, completed: CompletedSet) -> int | None:
        try:
            set_id = self._store.record_set(session_id, completed)
        except StorageError as error:
            self._failed(error)
            return None
        self._changed(ChangeKind.SET_RECORDED, session_id, set_id)
        return set_id

    def rate_set(self, set_id: int, rating: SetRating) -> StoredSet | None:
        try:
            stored = self._store.rate_set(set_id, rating)
        except StorageError as error:
            self._failed(error)
            return None
        self._changed(ChangeKind.SET_RATED, stored.session_id, set_id)
        return stored

    def finish_session(self, session_id: int, status: SessionStatus, ended_at: datetime) -> bool:
        try:
            self._store.finish_session(session_id, status, ended_at)
        except StorageError as error:
            self._failed(error)
            return False
        self._changed(ChangeKind.SESSION_FINISHED, session_id)
        return True

    def record_dose_choices(self, session_id: int, choices: list[DoseChoice]) -> bool:
        try:
            self._store.record_dose_choices(session_id, choices)
        except StorageError as error:
            self._failed(error)
            return False
        self._changed(ChangeKind.DOSES_CHOSEN, session_id)
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
        """Back up (if asked) and close; a failed backup is announced, the file is closed anyway."""
        if self._store.closed:
            return
        try:
            self._store.close(backup=backup)
        except StorageError as error:
            self._failed(error)

    @property
    def closed(self) -> bool:
        return self._store.closed

    # --- helpers -------------------------------------------------------------------------
    def _changed(self, kind: ChangeKind, session_id: int, set_id: int | None = None) -> None:
        self.history_changed.emit(HistoryChange(kind, session_id, set_id))

    def _failed(self, error: StorageError) -> None:
        message = str(error)
        log.error("history write failed: %s", message)
        self.write_failed.emit(message)
