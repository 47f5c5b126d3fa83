"""The GUI's door to the history store: every write goes through here and is announced once."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import CompletedSet, DoseChoice, SessionStatus, SetRating
from gluteapp.storage import HistoryStore, StorageError

log = logging.getLogger(__name__)


class HistoryService(QObject):
    """Wraps HistoryStore; emits history_changed after each write so views can refresh."""

    history_changed = Signal()
    write_failed = Signal(str)

    def __init__(self, store: HistoryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def start_session(self, routine_id: str, routine_name: str, started_at: datetime) -> int | None:
        try:
            session_id = self.store.start_session(routine_id, routine_name, started_at)
        except StorageError as error:
            self._failed("start the session", error)
            return None
        self.history_changed.emit()
        return session_id

    def record_set(self, session_id: int, completed: CompletedSet) -> int | None:
        try:
            set_id = self.store.record_set(session_id, completed)
        except StorageError as error:
            self._failed("save the set", error)
            return None
        self.history_changed.emit()
        return set_id

    def rate_set(self, set_id: int, rating: SetRating) -> StoredSet | None:
        try:
            stored = self.store.rate_set(set_id, rating)
        except StorageError as error:
            self._failed("save the rating", error)
            return None
        self.history_changed.emit()
        return stored

    def finish_session(self, session_id: int, status: SessionStatus, ended_at: datetime) -> None:
        try:
            self.store.finish_session(session_id, status, ended_at)
        except StorageError as error:
            self._failed("finish the session", error)
            return
        self.history_changed.emit()

    def record_dose_choices(self, session_id: int, choices: list[DoseChoice]) -> None:
        try:
            self.store.record_dose_choices(session_id, choices)
        except StorageError as error:
            self._failed("save the chosen doses", error)
            return
        self.history_changed.emit()

    def close_session(self, session_id: int) -> SessionRecord | None:
        try:
            record = self.store.close_session(session_id)
        except StorageError as error:
            self._failed("close the interrupted session", error)
            return None
        self.history_changed.emit()
        return record

    def _failed(self, action: str, error: StorageError) -> None:
        message = f"Could not {action}: {error}"
        log.error(message)
        self.write_failed.emit(message)
