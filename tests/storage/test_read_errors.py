"""Reads raise the store's own StorageError, naming what was read, never a bare sqlite3 error."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta

import pytest

from gluteapp.storage import HistoryStore, StorageError
from tests.storage.storage_helpers import T0, a_set


def test_has_sets_follows_the_first_recorded_set(store: HistoryStore) -> None:
    assert store.has_sets() is False
    session = store.start_session("r", "Routine", T0)
    assert store.has_sets() is False  # a session alone is not a set
    store.record_set(session, a_set())
    assert store.has_sets() is True


READS: dict[str, Callable[[HistoryStore], object]] = {
    "the sessions": lambda s: s.list_sessions(),
    "the latest sessions": lambda s: s.latest_sessions(5),
    "the interrupted sessions": lambda s: s.resumable_sessions(),
    "an exercise's sets": lambda s: s.sets_for_exercise("glute_bridge", since=T0 - timedelta(1)),
    "whether any set was recorded": lambda s: s.has_sets(),
    "the sets": lambda s: list(s.all_sets()),
}


@pytest.mark.parametrize("what", sorted(READS))
def test_a_broken_table_is_reported_as_a_storage_error(store: HistoryStore, what: str) -> None:
    session = store.start_session("r", "Routine", T0)
    store.record_set(session, a_set())
    # Another program damages the file behind the store's back: the sets table is gone.
    other = sqlite3.connect(store.path)
    other.execute("DROP TABLE sets")
    other.commit()
    other.close()
    with pytest.raises(StorageError, match="no such table: sets") as raised:
        READS[what](store)
    assert f"read {what}" in str(raised.value)
    assert str(store.path) in str(raised.value)
    assert isinstance(raised.value.__cause__, sqlite3.Error)
