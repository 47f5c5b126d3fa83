"""Exceptions raised by the history store, each with a message a person can act on."""

from __future__ import annotations


class StorageError(Exception):
    """The history cannot be read or written; `str(error)` says where and what to do."""


class NewerDatabaseError(StorageError):
    """The history file was written by a newer Gluteapp; it was left untouched."""


class ForeignDatabaseError(StorageError):
    """The history file is another program's database; it was left untouched."""


class RecordNotFoundError(StorageError, LookupError):
    """No session or set with the given id."""


class InvalidRecordError(StorageError, ValueError):
    """The database refused a value (for example pain outside 0-10)."""


def write_failed_message(action: str, path: object, reason: object) -> str:
    """The sentence for a write the history could not take: what, where, SQLite's reason."""
    return (
        f"Could not {action} in {path} ({reason}). Check that the disk is not full "
        "and the folder is writable."
    )
