"""Getting history out and in wholesale: CSV export of every set, and demo history in bulk."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from gluteapp.core.demo import DemoSession, generate_history
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn, Side
from gluteapp.core.stats import cut_short
from gluteapp.storage.errors import StorageError
from gluteapp.storage.history import HistoryStore, open_history
from gluteapp.storage.timestamps import to_db_time, utc_now

#: Every column of the `sets` table, then the session each set belongs to.
CSV_COLUMNS = (
    "id",
    "session_id",
    "exercise_id",
    "set_number",
    "side",
    "started_at",
    "ended_at",
    "target_reps",
    "target_hold_s",
    "achieved_reps",
    "achieved_hold_s",
    "pain",
    "felt_in",
    "cut_short",
    "routine_id",
    "routine_name",
    "session_status",
    "it_hurt",
)
#: `it_hurt` when "It hurts" was pressed and no choice followed (the app stopped first).
HURT_WITHOUT_CHOICE = "no_choice"


def export_csv(store: HistoryStore, path: Path | str) -> int:
    """Write every set, oldest first, to a UTF-8 CSV file; return the number of sets written.

    Times are UTC ISO-8601 (as stored); an empty cell is a value never recorded; `cut_short`
    is 1 for a partial set or side (left before its target, never counted as done), as the
    app counts it, also for rows older than the flag. The file is
    written beside the target and renamed over it, so a failed export leaves no half file.
    """
    path = Path(path)
    sessions = {s.id: s for s in store.list_sessions()}
    # Every set that can be read, also one whose session row is damaged or gone (its session
    # cells are then empty): an export is where a person goes to rescue their data.
    sets = list(store.all_sets())
    hurts = _hurts_by_set(sessions.values())
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for stored in sets:
                session = sessions.get(stored.session_id)
                key = (stored.session_id, stored.exercise_id, stored.set_number, stored.side)
                writer.writerow(
                    (
                        *_set_cells(stored),
                        session.routine_id if session else "",
                        session.routine_name if session else "",
                        session.status.value if session else "",
                        hurts.pop(key, ""),
                    )
                )
            # An "It hurts" with no set of its own (before any exercise, or in a hold ended
            # within its first second): a row with the set's cells empty.
            for (session_id, exercise_id, number, side), choice in hurts.items():
                session = sessions[session_id]
                writer.writerow(("", str(session_id), exercise_id or "",
                                 str(number) if number else "", side.value if side else "",
                                 *[""] * 9, session.routine_id, session.routine_name,
                                 session.status.value, choice))
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StorageError(f"Could not write the export to {path} ({error}).") from error
    return len(sets)


def _hurts_by_set(
    sessions: Iterable[SessionRecord],
) -> dict[tuple[int, str | None, int | None, Side | None], str]:
    """Each "It hurts", by the set it refers to, as what was chosen after it."""
    found: dict[tuple[int, str | None, int | None, Side | None], str] = {}
    for session in sessions:
        for hurt in session.hurts:
            choice = hurt.choice.value if hurt.choice is not None else HURT_WITHOUT_CHOICE
            found[(session.id, hurt.exercise_id, hurt.set_number, hurt.side)] = choice
    return found


def _set_cells(stored: StoredSet) -> tuple[str, ...]:
    return (
        str(stored.id),
        str(stored.session_id),
        stored.exercise_id,
        str(stored.set_number),
        stored.side.value,
        to_db_time(stored.started_at),
        to_db_time(stored.ended_at),
        _cell(stored.target_reps),
        _cell(stored.target_hold_s),
        _cell(stored.achieved_reps),
        _cell(stored.achieved_hold_s),
        _cell(stored.pain),
        stored.felt_in.value if stored.felt_in is not None else "",
        str(int(cut_short(stored))),
    )


def _cell(value: float | None) -> str:
    return "" if value is None else repr(value)


def insert_sessions(store: HistoryStore, sessions: Iterable[DemoSession]) -> int:
    """Write finished sessions and their sets in one transaction; return the sessions written.

    The player's path commits (and syncs) each set on its own, which is what makes it crash-safe
    and also what makes it slow for ten years at once; here all or nothing is committed.
    """
    conn = store._db.conn  # a bulk path over the store's own connection, in its own module
    written = 0
    try:
        with conn:  # commits on success, rolls back on any error
            for session in sessions:
                cursor = conn.execute(
                    "INSERT INTO sessions (routine_id, routine_name, started_at, ended_at, status,"
                    " notes) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        session.routine_id,
                        session.routine_name,
                        to_db_time(session.started_at),
                        to_db_time(session.ended_at),
                        session.status.value,
                        session.notes,
                    ),
                )
                session_id = cursor.lastrowid
                conn.executemany(
                    "INSERT INTO sets (session_id, exercise_id, set_number, side, started_at,"
                    " ended_at, target_reps, target_hold_s, achieved_reps, achieved_hold_s, pain,"
                    " felt_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            session_id,
                            done.exercise_id,
                            done.set_number,
                            Side(done.side).value,
                            to_db_time(done.started_at),
                            to_db_time(done.ended_at),
                            done.target_reps,
                            done.target_hold_s,
                            done.achieved_reps,
                            done.achieved_hold_s,
                            done.pain,
                            FeltIn(done.felt_in).value if done.felt_in is not None else None,
                        )
                        for done in session.sets
                    ],
                )
                written += 1
    except sqlite3.Error as error:
        raise StorageError(
            f"Could not write the demo history to {store.path} ({error})."
        ) from error
    return written


def fill_demo_history(
    data_dir: Path | str,
    years: float,
    seed: int = 0,
    *,
    daily: bool = False,
    until: date | None = None,
) -> int:
    """Fill `<data_dir>/history.db` with `years` of synthetic history ending yesterday.

    Refuses (StorageError) a history that already holds sessions, so demo data is never mixed
    into a person's real log. Returns the number of sessions written.
    """
    end = until if until is not None else utc_now().date()
    sessions = generate_history(end, years, seed, daily=daily)
    with open_history(data_dir, daily_backup=False) as store:
        existing = store._db.execute("SELECT count(*) FROM sessions").fetchone()[0]
        if existing:
            raise StorageError(
                f"{store.path} already holds {existing} sessions; demo history goes only into an "
                "empty data folder, so it can never mix with a real log."
            )
        return insert_sessions(store, sessions)
