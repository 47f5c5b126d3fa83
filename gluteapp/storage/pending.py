"""Writes the history could not take yet (a full disk), kept in a small journal beside it.

A finished set must never be lost because SQLite said "database or disk is full". Such a write
waits here, in order, under a provisional id (a negative number) that later writes can refer
to, and is written to `history.db.pending` (JSON lines, replaced atomically and synced) where
the disk allows. Replaying is safe to repeat: the store writes a session or a set only if the
same one is not there already, so a crash between a write and the journal's update can never
store a set twice.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

import msgspec
from msgspec import Struct, field
from msgspec.structs import replace

from gluteapp.core.records import CompletedSet, DoseChoice, SessionStatus, SetRating
from gluteapp.core.safe_files import (
    UnusableFileError,
    read_limited_bytes,
    shown_path,
    write_atomically,
)
from gluteapp.storage.errors import (
    InvalidRecordError,
    RecordNotFoundError,
    StorageError,
    write_failed_message,
)
from gluteapp.storage.history import HistoryStore

log = logging.getLogger(__name__)

JOURNAL_SUFFIX = ".pending"
#: Errors that say the history will never take a write (a value it refuses, a row that is
#: gone), as opposed to one it cannot take now (a full disk, a locked file).
REFUSED_FOR_GOOD = (InvalidRecordError, RecordNotFoundError)
#: Far more than any number of sets a full disk could hold back in one run.
MAX_JOURNAL_BYTES = 16 * 1024 * 1024


class PendingWrite(msgspec.Struct, frozen=True, tag_field="kind"):
    """One write that waits; `key` tells two entries apart in logs and tests."""

    key: str


class StartSession(PendingWrite, frozen=True, tag="session"):
    session_id: int  # provisional (negative) until written
    routine_id: str
    routine_name: str
    started_at: datetime


class RecordSet(PendingWrite, frozen=True, tag="set"):
    session_id: int
    set_id: int  # provisional (negative) until written
    done: CompletedSet


class RateSet(PendingWrite, frozen=True, tag="rating"):
    set_id: int  # always a written set: a rating of a waiting set is merged into it
    rating: SetRating


class FinishSession(PendingWrite, frozen=True, tag="finish"):
    session_id: int
    status: SessionStatus
    ended_at: datetime


class RecordChoices(PendingWrite, frozen=True, tag="choices"):
    session_id: int
    choices: list[DoseChoice]


Entry = StartSession | RecordSet | RateSet | FinishSession | RecordChoices


def new_key() -> str:
    return uuid.uuid4().hex


def with_ids(entry: Entry, written: dict[int, int]) -> Entry:
    """The entry with provisional ids that have since been written replaced by the real ones."""
    if isinstance(entry, StartSession | FinishSession | RecordChoices):
        return msgspec.structs.replace(entry, session_id=written.get(entry.session_id,
                                                                     entry.session_id))
    if isinstance(entry, RecordSet):
        return msgspec.structs.replace(entry, session_id=written.get(entry.session_id,
                                                                     entry.session_id))
    return msgspec.structs.replace(entry, set_id=written.get(entry.set_id, entry.set_id))


def merge_rating(done: CompletedSet, rating: SetRating) -> CompletedSet:
    """A waiting set with what the person said about it (fields left None are kept)."""
    changes = {
        name: value
        for name in ("achieved_reps", "achieved_hold_s", "pain", "felt_in", "cut_short")
        if (value := getattr(rating, name)) is not None
    }
    return replace(done, **changes)


class PendingJournal:
    """The file `<history>.pending`: the waiting writes, one JSON object a line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def beside(cls, database: Path) -> PendingJournal:
        return cls(database.with_name(database.name + JOURNAL_SUFFIX))

    def load(self) -> tuple[list[Entry], str | None]:
        """The entries, and a message if part of the file could not be read.

        An unreadable file, or one with a line that is not an entry, is renamed aside (never
        deleted) so nothing in it is lost, and the readable entries are returned.
        """
        if not self.path.exists() and not self.path.is_symlink():
            return [], None
        try:
            data = read_limited_bytes(self.path, MAX_JOURNAL_BYTES, "journal of waiting sets")
        except UnusableFileError as problem:
            return [], self._set_aside(str(problem))
        entries: list[Entry] = []
        bad = 0
        for line in data.splitlines():
            if not line.strip():
                continue
            try:
                entries.append(msgspec.json.decode(line, type=Entry))
            except (msgspec.DecodeError, ValueError):
                bad += 1
        if bad:
            return entries, self._set_aside(f"{bad} line{'s' if bad > 1 else ''} could not be read")
        return entries, None

    def _set_aside(self, why: str) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        try:
            os.replace(self.path, aside)
        except OSError as error:
            return (f"The journal of sets waiting to be saved, {shown_path(self.path)}, was not "
                    f"fully read ({why}) and could not be moved aside ({error.strerror}).")
        return (f"The journal of sets waiting to be saved was not fully read ({why}); it was "
                f"kept as {shown_path(aside)}.")

    def save(self, entries: list[Entry]) -> None:
        """Replace the journal with `entries` (remove it when there are none). Raises OSError.

        Written to a temporary file, synced, then renamed over the old one, and the folder
        synced: the journal on disk is always either the old list or the new one.
        """
        if not entries:
            self.path.unlink(missing_ok=True)
            return
        data = b"".join(msgspec.json.encode(entry) + b"\n" for entry in entries)
        write_atomically(self.path, data)


WAITING_COLUMNS = (
    "routine_name", "session_started_at", "exercise_id", "set_number", "side", "started_at",
    "ended_at", "target_reps", "target_hold_s", "achieved_reps", "achieved_hold_s", "pain",
    "felt_in", "cut_short",
)


def write_waiting_sets(path: Path, entries: list[Entry]) -> int:
    """Write the sets among `entries` as CSV to a file the person chose; return how many.

    A copy for safe keeping on another disk: the sets stay waiting for the history as well.
    Raises OSError.
    """
    sessions = {e.session_id: e for e in entries if isinstance(e, StartSession)}
    rows = []
    for entry in entries:
        if not isinstance(entry, RecordSet):
            continue
        done, session = entry.done, sessions.get(entry.session_id)
        rows.append((
            session.routine_name if session else "",
            session.started_at.isoformat() if session else "",
            done.exercise_id, done.set_number, done.side.value, done.started_at.isoformat(),
            done.ended_at.isoformat(), _cell(done.target_reps), _cell(done.target_hold_s),
            _cell(done.achieved_reps), _cell(done.achieved_hold_s), _cell(done.pain),
            done.felt_in.value if done.felt_in is not None else "", _yes_no(done.cut_short),
        ))
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(WAITING_COLUMNS)
    writer.writerows(rows)
    write_atomically(path, text.getvalue().encode("utf-8"))
    return len(rows)


def _cell(value: float | None) -> str:
    return "" if value is None else str(value)


def _yes_no(flag: bool | None) -> str:
    """A partial flag as a CSV cell: 1, 0, or empty where it is not known."""
    return "" if flag is None else str(int(flag))


#: What each kind of waiting write was doing, in the words of the store's messages.
ACTIONS: dict[type[PendingWrite], str] = {
    StartSession: "start the session",
    RecordSet: "save the set",
    RateSet: "save the rating",
    FinishSession: "finish the session",
    RecordChoices: "save the chosen doses",
}


class Written(Struct, frozen=True):
    """A waiting write that is now in the history, with the real ids it got."""

    entry: Entry
    session_id: int
    set_id: int | None = None


class FlushResult(Struct):
    """What one attempt to write the waiting entries did."""

    written: list[Written] = field(default_factory=list)
    #: Why the first entry still waiting could not be written (the disk is still full).
    error: StorageError | None = None
    #: Entries the history refused for good (a value it cannot hold), kept in a side file,
    #: each with the sentence that says so.
    refused: list[tuple[Entry, str]] = field(default_factory=list)


class WaitingWrites:
    """The writes that wait, in order, in memory and in the journal, and their replay.

    Provisional ids are negative and never reused in a run; once a waiting session or set is
    written, later entries that name it get its real id, in memory and in the journal.
    """

    def __init__(self, store: HistoryStore, journal: PendingJournal) -> None:
        self._store = store
        self._journal = journal
        self._queue: list[Entry] = []
        self._real_ids: dict[int, int] = {}
        self._next_id = -1
        #: Why the journal could not be written, while that is so (the sets are in memory).
        self.journal_problem: str | None = None

    @property
    def journal_path(self) -> Path:
        return self._journal.path

    def load(self) -> str | None:
        """Take up the entries a previous run left in the journal; a message if some were not."""
        entries, problem = self._journal.load()
        self._queue = entries + self._queue
        self._next_id = min([self._next_id, *(_ids(entry) for entry in entries)]) - 1
        return problem

    @property
    def entries(self) -> list[Entry]:
        return list(self._queue)

    def __bool__(self) -> bool:
        return bool(self._queue)

    def set_count(self) -> int:
        return sum(1 for entry in self._queue if isinstance(entry, RecordSet))

    def real_id(self, some_id: int) -> int:
        """The real id of a written provisional one; any other id unchanged."""
        return self._real_ids.get(some_id, some_id)

    def new_id(self) -> int:
        self._next_id -= 1
        return self._next_id + 1

    def add(self, entry: Entry) -> None:
        self._queue.append(entry)
        self._save()

    def rate_waiting_set(self, set_id: int, rating: SetRating) -> bool:
        """Merge a rating into the waiting set with this provisional id; False if none waits."""
        for index, entry in enumerate(self._queue):
            if isinstance(entry, RecordSet) and entry.set_id == set_id:
                self._queue[index] = msgspec.structs.replace(
                    entry, done=merge_rating(entry.done, rating))
                self._save()
                return True
        return False

    def flush(self) -> FlushResult:
        """Write the waiting entries in order until one fails; the rest keep waiting."""
        result = FlushResult()
        while self._queue:
            entry = with_ids(self._queue[0], self._real_ids)
            try:
                result.written.append(self._write(entry))
            except REFUSED_FOR_GOOD as error:
                result.refused.append((entry, self.keep_refused(entry, error)))
            except StorageError as error:
                result.error = error
                break
            self._queue.pop(0)
            self._queue = [with_ids(waiting, self._real_ids) for waiting in self._queue]
        if result.written or result.refused or not self._queue:
            self._save()
        return result

    def _write(self, entry: Entry) -> Written:
        store = self._store
        if isinstance(entry, StartSession):
            session_id = store.start_session_once(entry.routine_id, entry.routine_name,
                                                  entry.started_at)
            self._real_ids[entry.session_id] = session_id
            return Written(entry, session_id)
        if isinstance(entry, RecordSet):
            set_id = store.record_set_once(entry.session_id, entry.done)
            self._real_ids[entry.set_id] = set_id
            return Written(entry, entry.session_id, set_id)
        if isinstance(entry, RateSet):
            stored = store.rate_set(entry.set_id, entry.rating)
            return Written(entry, stored.session_id, entry.set_id)
        if isinstance(entry, FinishSession):
            store.finish_session(entry.session_id, entry.status, entry.ended_at)
            return Written(entry, entry.session_id)
        store.record_dose_choices(entry.session_id, entry.choices)
        return Written(entry, entry.session_id)

    def keep_refused(self, entry: Entry, error: StorageError) -> str:
        """Keep an entry the history will never take in a side file, and say where."""
        refused = self._journal.path.with_name(self._journal.path.name + ".refused")
        try:
            with refused.open("ab") as file:
                file.write(msgspec.json.encode(entry) + b"\n")
                file.flush()
                os.fsync(file.fileno())
        except OSError as problem:
            log.error("could not keep a refused entry in %s: %s", refused, problem)
            kept = f"it could not be kept in {shown_path(refused)} either ({problem.strerror})"
        else:
            kept = f"it was kept in {shown_path(refused)}"
        return f"{error} It cannot be added to the history; {kept}."

    def _save(self) -> None:
        try:
            self._journal.save(self._queue)
        except OSError as error:
            if not self._queue:  # nothing waits: a journal left behind is replayed harmlessly
                log.error("could not remove the journal %s: %s", self._journal.path, error)
                self.journal_problem = None
                return
            if self.journal_problem is None:
                log.error("could not write the journal %s: %s", self._journal.path, error)
            self.journal_problem = (
                f"They could not be written to {shown_path(self._journal.path)} either "
                f"({error.strerror or error}), so they are kept only while Gluteapp runs.")
        else:
            self.journal_problem = None

    def waiting_message(self, entry_type: type[PendingWrite], error: StorageError) -> str:
        """The sentence for a write that has to wait because an earlier one could not be done."""
        reason = error.__cause__ if error.__cause__ is not None else error
        return write_failed_message(ACTIONS[entry_type], self._store.path, reason)


def _ids(entry: Entry) -> int:
    """The lowest (most negative) id an entry holds, so new provisional ids stay clear of it."""
    ids: list[int] = [
        getattr(entry, name) for name in ("session_id", "set_id") if hasattr(entry, name)
    ]
    return min([0, *ids])
