"""Writes the history cannot take yet wait in order, in a journal, and are written once, later."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from gluteapp.core.records import FeltIn, SessionStatus, SetRating, Side
from gluteapp.storage import (
    FinishSession,
    HistoryStore,
    PendingJournal,
    RecordSet,
    StartSession,
    WaitingWrites,
    new_key,
    open_history,
)
from tests.storage.storage_helpers import T0, FakeClock, a_set


def refuse_writes(store: HistoryStore, refuse: bool = True) -> None:
    """The real SQLite file refuses every write, as a full or read-only disk does."""
    store._db.execute(f"PRAGMA query_only = {int(refuse)}")


def waiting_session(waiting: WaitingWrites, sets: int = 2) -> tuple[int, list[int]]:
    """A session (an hour after T0) and its sets, all waiting; returns their provisional ids."""
    began = T0 + timedelta(hours=1)
    session = waiting.new_id()
    waiting.add(StartSession(new_key(), session, "basics", "Basics", began))
    set_ids = []
    for number in range(1, sets + 1):
        set_id = waiting.new_id()
        done = a_set("clamshell", number, Side.LEFT, began + timedelta(minutes=number))
        waiting.add(RecordSet(new_key(), session, set_id, done))
        set_ids.append(set_id)
    waiting.add(FinishSession(new_key(), session, SessionStatus.COMPLETED,
                              began + timedelta(minutes=20)))
    return session, set_ids


def journal_of(store: HistoryStore) -> PendingJournal:
    return PendingJournal.beside(store.path)


def test_waiting_writes_are_journaled_then_written_in_order_once_writes_work(
    store: HistoryStore,
) -> None:
    waiting = WaitingWrites(store, journal_of(store))
    refuse_writes(store)
    session, set_ids = waiting_session(waiting, sets=3)
    assert session < 0
    assert all(set_id < 0 for set_id in set_ids)
    failed = waiting.flush()
    assert failed.written == []
    assert "readonly" in str(failed.error)
    assert waiting.set_count() == 3
    journal = journal_of(store).path
    assert journal.name == "history.db.pending"
    assert len(journal.read_bytes().splitlines()) == 1 + 3 + 1

    refuse_writes(store, False)
    done = waiting.flush()
    assert done.error is None
    assert [type(w.entry).__name__ for w in done.written] == [
        "StartSession", "RecordSet", "RecordSet", "RecordSet", "FinishSession"]
    assert not journal.exists()
    assert waiting.set_count() == 0
    (stored,) = store.list_sessions()
    assert stored.status is SessionStatus.COMPLETED
    assert [s.set_number for s in stored.sets] == [1, 2, 3]
    assert waiting.real_id(session) == stored.id
    assert [waiting.real_id(i) for i in set_ids] == [s.id for s in stored.sets]


def test_a_journal_left_by_a_previous_run_is_written_into_the_right_session_once(
    data_dir: Path, clock: FakeClock,
) -> None:
    with open_history(data_dir, clock=clock, daily_backup=False) as first_run:
        earlier = first_run.start_session("basics", "Basics", T0)  # a session already written
        first_run.record_set(earlier, a_set("clamshell", 1, Side.LEFT, T0))
        waiting = WaitingWrites(first_run, journal_of(first_run))
        refuse_writes(first_run)
        waiting.add(RecordSet(new_key(), earlier, waiting.new_id(),
                              a_set("clamshell", 1, Side.RIGHT, T0 + timedelta(minutes=1))))
        waiting_session(waiting, sets=2)
        assert waiting.flush().error is not None
        first_run.close(backup=False)  # the app quits (or is killed) with writes waiting

    journal = data_dir / "history.db.pending"
    kept = journal.read_bytes()
    with open_history(data_dir, clock=clock, daily_backup=False) as second_run:
        again = WaitingWrites(second_run, journal_of(second_run))
        assert again.load() is None
        assert again.set_count() == 3
        assert again.flush().error is None
        # A crash right after the writes, before the journal was removed: replayed once more.
        journal.write_bytes(kept)
        once_more = WaitingWrites(second_run, journal_of(second_run))
        once_more.load()
        assert once_more.flush().error is None
        sessions = second_run.list_sessions()
        second_run.close(backup=False)
    assert [[(s.set_number, s.side.value) for s in session.sets] for session in sessions] == [
        [(1, "left"), (1, "right")], [(1, "left"), (2, "left")]]
    assert not journal.exists()


def test_new_provisional_ids_stay_clear_of_those_in_the_journal(store: HistoryStore) -> None:
    refuse_writes(store)
    first = WaitingWrites(store, journal_of(store))
    session, set_ids = waiting_session(first, sets=2)
    second = WaitingWrites(store, journal_of(store))
    second.load()
    assert second.new_id() < min(session, *set_ids)


def test_a_rating_of_a_waiting_set_is_kept_with_it(store: HistoryStore) -> None:
    refuse_writes(store)
    waiting = WaitingWrites(store, journal_of(store))
    _, (set_id, _) = waiting_session(waiting)
    assert waiting.rate_waiting_set(set_id, SetRating(pain=4, felt_in=FeltIn.HAMSTRINGS))
    assert not waiting.rate_waiting_set(-999, SetRating(pain=1))
    refuse_writes(store, False)
    assert waiting.flush().error is None
    first = store.list_sessions()[0].sets[0]
    assert (first.pain, first.felt_in) == (4, FeltIn.HAMSTRINGS)


def test_a_journal_line_that_cannot_be_read_is_kept_aside_and_the_rest_written(
    store: HistoryStore,
) -> None:
    refuse_writes(store)
    waiting = WaitingWrites(store, journal_of(store))
    waiting_session(waiting, sets=1)
    journal = journal_of(store).path
    journal.write_bytes(journal.read_bytes() + b'{"kind": "set", "key": 3}\n\xff\xfe\n')
    refuse_writes(store, False)
    again = WaitingWrites(store, journal_of(store))
    problem = again.load()
    assert problem is not None
    assert problem.startswith("The journal of sets waiting to be saved was not fully read "
                              "(2 lines could not be read); it was kept as ")
    (aside,) = store.path.parent.glob("history.db.pending.unreadable-*")
    assert b"\xff\xfe" in aside.read_bytes()
    assert again.flush().error is None
    assert len(store.list_sessions()[0].sets) == 1


def test_a_journal_that_is_a_named_pipe_is_set_aside_at_once(store: HistoryStore) -> None:
    journal = journal_of(store).path
    os.mkfifo(journal)
    entries, problem = journal_of(store).load()
    assert entries == []
    assert problem is not None
    assert "is not a regular file" in problem


def test_an_entry_the_history_refuses_for_good_is_kept_in_a_side_file(
    store: HistoryStore,
) -> None:
    waiting = WaitingWrites(store, journal_of(store))
    waiting.add(FinishSession(new_key(), 404, SessionStatus.COMPLETED, T0))  # no such session
    _session, _ = waiting_session(waiting, sets=1)
    result = waiting.flush()
    assert result.error is None
    ((entry, message),) = result.refused
    assert isinstance(entry, FinishSession)
    assert "There is no session with id 404." in message
    assert "history.db.pending.refused" in message
    refused = store.path.with_name("history.db.pending.refused")
    assert b'"session_id":404' in refused.read_bytes()
    assert len(store.list_sessions()) == 1  # the entries behind it were written


def test_a_journal_that_cannot_be_written_leaves_the_writes_in_memory(
    store: HistoryStore,
) -> None:
    journal = journal_of(store).path
    journal.mkdir()  # something in the way: the journal cannot be replaced
    refuse_writes(store)
    waiting = WaitingWrites(store, journal_of(store))
    waiting_session(waiting, sets=2)
    assert waiting.journal_problem is not None
    assert waiting.journal_problem.startswith(f"They could not be written to {journal} either")
    refuse_writes(store, False)
    assert waiting.flush().error is None
    assert len(store.list_sessions()[0].sets) == 2
    assert waiting.journal_problem is None
    shutil.rmtree(journal)


@pytest.mark.parametrize("times", [1, 3])
def test_idempotent_writes_store_a_set_and_a_session_once(store: HistoryStore, times: int) -> None:
    for _ in range(times):
        session = store.start_session_once("basics", "Basics", T0)
        store.record_set_once(session, a_set())
    assert len(store.list_sessions()) == 1
    assert len(list(store.all_sets())) == 1
