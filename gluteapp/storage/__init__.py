"""History storage: the SQLite log of sessions and sets, its migrations, checks and backups."""

from gluteapp.storage.backups import DEFAULT_KEEP_BACKUPS, Backup
from gluteapp.storage.errors import (
    InvalidRecordError,
    NewerDatabaseError,
    RecordNotFoundError,
    StorageError,
)
from gluteapp.storage.history import HISTORY_FILENAME, HistoryStore, open_history
from gluteapp.storage.schema import SCHEMA_VERSION
from gluteapp.storage.startup import StartupOutcome, StartupReport

__all__ = [
    "DEFAULT_KEEP_BACKUPS",
    "HISTORY_FILENAME",
    "SCHEMA_VERSION",
    "Backup",
    "HistoryStore",
    "InvalidRecordError",
    "NewerDatabaseError",
    "RecordNotFoundError",
    "StartupOutcome",
    "StartupReport",
    "StorageError",
    "open_history",
]
