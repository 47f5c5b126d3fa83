"""Per-week sums of the history, kept in the file, so "All" over years reads a row a week.

History's "All" over ten years of daily sessions summed 3,650 session digests per local week
(`digests.week_rows`) on every read, and every exercise's sets done again: about 25 ms of a
click on "All". The weeks before the current one are summed once and stored instead:
`week_sums` holds a row a week (`digests.WEEK_COLUMNS`), `week_exercise_sums` each exercise's
sets done in it. A read adds the current week, summed from its digests as before.

Kept current on each write: triggers on the sessions and on their digests (which the sets'
own triggers make again on every write to a set) note the start of each session touched in
`week_sums_stale`, and the next read sums those sessions' weeks again, a few rows each, in
the read's own transaction. No writer needs to know the sums exist: `record_set`, a rating,
the journal's replay, a merged backup all go through the same triggers.

Weeks are local weeks of a zone. The sums carry the zone's offsets they were made with
(`week_sums_state`, with the Monday they reach); read in another zone, or once a session older
than the oldest is added, they are made again in one pass (about 35 ms for ten years).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from gluteapp.core.history_digest import ExerciseTotal, local_midnight
from gluteapp.storage import digests
from gluteapp.storage.timestamps import to_db_time

#: How far a stored start may sort from its instant: a window of weeks reads the starts this
#: much either side of its local midnights, and keeps the sessions whose local day is inside.
#: Ours are written in UTC; a start stored with a zone's offset (at most a day) still falls in.
MARGIN = timedelta(days=2)

#: Above this many separate runs of weeks to sum again, one pass over the whole history is
#: cheaper than a query each.
MOST_RUNS = 12

_WEEK_TYPES = {"monday": "INTEGER PRIMARY KEY", "pain_max": "INTEGER"}


def create(conn: sqlite3.Connection | Any) -> None:
    """The tables and triggers, empty: the first read of "All" sums the history."""
    columns = ", ".join(f"{name} {_WEEK_TYPES.get(name, 'INTEGER NOT NULL')}"
                        for name in digests.WEEK_COLUMNS)
    conn.execute(f"CREATE TABLE week_sums ({columns})")
    conn.execute(
        """CREATE TABLE week_exercise_sums (
            monday INTEGER NOT NULL,
            exercise_id TEXT NOT NULL,
            done INTEGER NOT NULL,
            one_sided INTEGER NOT NULL,
            PRIMARY KEY (monday, exercise_id)
        ) WITHOUT ROWID""")
    # Their sums over every week kept: what "All" reads (made again after each refresh).
    conn.execute(
        """CREATE TABLE exercise_sums (
            exercise_id TEXT PRIMARY KEY,
            done INTEGER NOT NULL,
            one_sided INTEGER NOT NULL
        )""")
    conn.execute(
        """CREATE TABLE week_sums_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            zone TEXT NOT NULL,
            until INTEGER NOT NULL
        )""")
    # The starts of the sessions written since the last read (any type: a damaged start is
    # noted too, and found to be in no week).
    conn.execute("CREATE TABLE week_sums_stale (started_at PRIMARY KEY)")
    note = "INSERT OR IGNORE INTO week_sums_stale (started_at) VALUES ({})"
    of_session = ("INSERT OR IGNORE INTO week_sums_stale (started_at)"
                  " SELECT started_at FROM sessions WHERE id = {}")
    conn.execute(f"""CREATE TRIGGER week_sums_session_insert AFTER INSERT ON sessions BEGIN
        {note.format('NEW.started_at')}; END""")
    conn.execute(f"""CREATE TRIGGER week_sums_session_delete AFTER DELETE ON sessions BEGIN
        {note.format('OLD.started_at')}; END""")
    conn.execute(f"""CREATE TRIGGER week_sums_session_update AFTER UPDATE ON sessions BEGIN
        {note.format('OLD.started_at')}; {note.format('NEW.started_at')}; END""")
    for table in ("session_digest", "exercise_digest"):
        for event, row in (("INSERT", "NEW"), ("DELETE", "OLD"), ("UPDATE", "NEW")):
            conn.execute(f"""
                CREATE TRIGGER week_sums_{table}_{event.lower()} AFTER {event} ON {table} BEGIN
                    {of_session.format(f'{row}.session_id')}; END""")


def is_current(conn: sqlite3.Connection, end: date, offsets: Sequence[tuple[int, int]],
               tz: tzinfo | None) -> bool:
    """Whether the sums hold every week before `end` as `refresh` would make them, with no
    session noted since: a read that needs to write nothing (and so to sync nothing)."""
    state = conn.execute("SELECT zone, until FROM week_sums_state WHERE id = 1").fetchone()
    return (state is not None and state[1] == end.toordinal()
            and state[0] == _zone_key(offsets, end, tz)
            and conn.execute("SELECT EXISTS (SELECT 1 FROM week_sums_stale)").fetchone()[0] == 0)


def refresh(conn: sqlite3.Connection, end: date, offsets: Sequence[tuple[int, int]],
            tz: tzinfo | None) -> None:
    """Bring the sums to every week before `end` (a Monday) in the zone of `offsets`
    (core.history_digest.zone_offsets over the stored starts): the weeks of the sessions
    noted since, the weeks between the last `end` and this one, or all of them. In the
    caller's transaction."""
    key = _zone_key(offsets, end, tz)
    state = conn.execute("SELECT zone, until FROM week_sums_state WHERE id = 1").fetchone()
    runs: list[tuple[date | None, date]] | None = None
    if state is not None and isinstance(state[1], int) and 0 < state[1] <= end.toordinal():
        summed = date.fromordinal(state[1])
        if state[0] == _zone_key(offsets, summed, tz):
            noted = "SELECT started_at AS start FROM week_sums_stale"
            mondays = sorted(monday for monday in digests.local_mondays(conn, noted, offsets)
                             if monday < summed)
            runs = [*_runs(mondays), *([(summed, end)] if summed < end else [])]
    if runs is None or len(runs) > MOST_RUNS:
        runs = [(None, end)]
        for table in ("week_sums", "week_exercise_sums"):  # weeks after `end` too (a clock
            conn.execute(f"DELETE FROM {table}")  # set back)
    for first, last in runs:
        _sum_again(conn, first, last, offsets, tz)
    if runs:
        conn.execute("DELETE FROM exercise_sums")
        conn.execute("INSERT INTO exercise_sums (exercise_id, done, one_sided)"
                     " SELECT exercise_id, CAST(SUM(done) AS INTEGER),"
                     " CAST(MAX(one_sided) AS INTEGER) FROM week_exercise_sums"
                     " GROUP BY exercise_id")
    conn.execute("DELETE FROM week_sums_stale")
    conn.execute("INSERT OR REPLACE INTO week_sums_state (id, zone, until) VALUES (1, ?, ?)",
                 (key, end.toordinal()))


def week_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """The stored weeks, oldest first (`digests.WEEK_COLUMNS`)."""
    names = ", ".join(digests.WEEK_COLUMNS)
    return conn.execute(f"SELECT {names} FROM week_sums ORDER BY monday").fetchall()


def exercise_done(conn: sqlite3.Connection) -> dict[bytes, tuple[int, bool]]:
    """Each exercise's sets done over the stored weeks, and whether one side was ever alone."""
    return {row[0]: (int(row[1]), bool(row[2])) for row in conn.execute(
        "SELECT CAST(exercise_id AS BLOB), done, one_sided FROM exercise_sums")}


def live_window(end: date, until: datetime, tz: tzinfo | None) -> tuple[str, list[str]]:
    """SQL (on `sessions` as s) for the starts a read adds to the stored weeks: from `end` to
    `until`, with the margin; keep the rows of Mondays from `end` on."""
    return ("s.started_at >= ? AND s.started_at < ?",
            [to_db_time(local_midnight(end, tz) - MARGIN), to_db_time(until)])


def totals(stored: dict[bytes, tuple[int, bool]],
           live: Iterable[Sequence[Any]], end: date) -> list[ExerciseTotal]:
    """`stored` (`exercise_done`) with the live weeks' rows (`digests.exercise_week_rows`) of
    Mondays from `end` on, as the store's exercise totals: by exercise id."""
    summed = dict(stored)
    for monday, exercise, done, one_sided in live:
        if monday >= end.toordinal():
            before = summed.get(exercise, (0, False))
            summed[exercise] = (before[0] + int(done), before[1] or bool(one_sided))
    found = [ExerciseTotal(digests.decoded(exercise), done, one_sided)
             for exercise, (done, one_sided) in summed.items()]
    return sorted(found, key=lambda total: total.exercise_id)


# --- helpers ----------------------------------------------------------------------------------


def _zone_key(offsets: Sequence[tuple[int, int]], end: date, tz: tzinfo | None) -> str:
    """The zone's offsets up to `end`'s midnight: what the weeks before `end` were cut by."""
    cutoff = local_midnight(end, tz).timestamp()
    return json.dumps([[int(start), int(offset)] for start, offset in offsets
                       if start < cutoff])


def _runs(mondays: Sequence[date]) -> list[tuple[date | None, date]]:
    """Sorted Mondays as runs of consecutive weeks: (first Monday, the Monday after the last)."""
    runs: list[tuple[date | None, date]] = []
    for monday in mondays:
        following = monday + timedelta(weeks=1)
        if runs and runs[-1][1] == monday:
            runs[-1] = (runs[-1][0], following)
        else:
            runs.append((monday, following))
    return runs


def _sum_again(conn: sqlite3.Connection, first: date | None, end: date,
               offsets: Sequence[tuple[int, int]], tz: tzinfo | None) -> None:
    """Sum the weeks from `first` (None: the first there is) to `end` again from the digests."""
    low = first.toordinal() if first is not None else 0
    high = end.toordinal()
    if first is None:
        where, params = "s.started_at < ?", [to_db_time(local_midnight(end, tz) + MARGIN)]
    else:
        where = "s.started_at >= ? AND s.started_at < ?"
        params = [to_db_time(local_midnight(first, tz) - MARGIN),
                  to_db_time(local_midnight(end, tz) + MARGIN)]
    for table in ("week_sums", "week_exercise_sums"):
        conn.execute(f"DELETE FROM {table} WHERE monday >= ? AND monday < ?", (low, high))
    marks = ", ".join("?" for _ in digests.WEEK_COLUMNS)
    conn.executemany(f"INSERT INTO week_sums VALUES ({marks})",
                     [row for row in digests.week_rows(conn, where, params, offsets)
                      if low <= row[0] < high])
    conn.executemany(
        "INSERT INTO week_exercise_sums (monday, exercise_id, done, one_sided)"
        " VALUES (?, CAST(? AS TEXT), ?, ?)",
        [row for row in digests.exercise_week_rows(conn, where, params, offsets)
         if low <= row[0] < high])
