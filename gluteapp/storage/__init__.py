"""History storage: the SQLite log of sessions and sets, its migrations, checks and backups."""

# First: it imports sqlite-utils without numpy, before any module below imports it with.
from gluteapp.storage import lean_import  # noqa: F401
from gluteapp.storage.backups import DEFAULT_KEEP_BACKUPS, Backup
from gluteapp.storage.errors import (
    ForeignDatabaseError,
    InvalidRecordError,
    NewerDatabaseError,
    RecordNotFoundError,
    StorageError,
)
from gluteapp.storage.history import HISTORY_FILENAME, HistoryStore, open_history
from gluteapp.storage.pending import (
    REFUSED_FOR_GOOD,
    FinishSession,
    PendingJournal,
    PendingWrite,
    RateSet,
    RecordChoices,
    RecordSet,
    StartSession,
    WaitingWrites,
    Written,
    new_key,
    write_waiting_sets,
)
from gluteapp.storage.pending import Entry as PendingEntry
from gluteapp.storage.schema import SCHEMA_VERSION
from gluteapp.storage.startup import StartupOutcome, StartupReport

__all__ = [
    "DEFAULT_KEEP_BACKUPS",
    "HISTORY_FILENAME",
    "REFUSED_FOR_GOOD",
    "SCHEMA_VERSION",
    "Backup",
    "FinishSession",
    "ForeignDatabaseError",
    "HistoryStore",
    "InvalidRecordError",
    "NewerDatabaseError",
    "PendingEntry",
    "PendingJournal",
    "PendingWrite",
    "RateSet",
    "RecordChoices",
    "RecordNotFoundError",
    "RecordSet",
    "StartSession",
    "StartupOutcome",
    "StartupReport",
    "StorageError",
    "WaitingWrites",
    "Written",
    "new_key",
    "open_history",
    "write_waiting_sets",
]
