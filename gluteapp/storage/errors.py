"""Exceptions raised by the history store, each with a message a person can act on."""

from __future__ import annotations


class StorageError(Exception):
    """The history cannot be read or written; `str(error)` says where and what to do."""


class NewerDatabaseError(StorageError):
    """The history file was written by a newer Gluteapp; it was left untouched."""


class RecordNotFoundError(StorageError, LookupError):
    """No session or set with the given id."""


class InvalidRecordError(StorageError, ValueError):
    """The database refused a value (for example pain outside 0-10)."""
