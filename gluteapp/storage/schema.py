"""The history schema as ordered, named sqlite-utils migrations, and its version number.

Each migration also sets `PRAGMA user_version` to its position, inside the same transaction, so a
file carries its schema version even for tools that do not know sqlite-utils' migrations table.
Migrations are only ever appended: never renamed, reordered or edited once released.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from sqlite_utils import Database, Migrations

MIGRATION_SET = "gluteapp.history"
MIGRATIONS_TABLE = Migrations.migrations_table

MIGRATIONS = Migrations(MIGRATION_SET)
_names: list[str] = []


def _migration(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    version = len(_names) + 1
    _names.append(name)

    def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
        @functools.wraps(fn)
        def run(db: Database) -> None:
            fn(db)
            db.execute(f"PRAGMA user_version = {version:d}")

        MIGRATIONS(name=name)(run)
        return fn

    return register


@_migration("0001_sessions_and_sets")
def _sessions_and_sets(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            routine_id TEXT NOT NULL,
            routine_name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'completed', 'ended_early', 'interrupted')),
            notes TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            exercise_id TEXT NOT NULL,
            set_number INTEGER NOT NULL CHECK (set_number >= 1),
            side TEXT NOT NULL CHECK (side IN ('left', 'right', 'both')),
            target_reps INTEGER CHECK (target_reps IS NULL OR target_reps >= 0),
            target_hold_s REAL CHECK (target_hold_s IS NULL OR target_hold_s >= 0),
            achieved_reps INTEGER CHECK (achieved_reps IS NULL OR achieved_reps >= 0),
            achieved_hold_s REAL CHECK (achieved_hold_s IS NULL OR achieved_hold_s >= 0),
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            pain INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),
            felt_in TEXT CHECK (
                felt_in IS NULL OR felt_in IN ('glutes', 'hamstrings', 'lower_back', 'nowhere')
            )
        )
        """
    )
    # list_sessions(since, until) and the weekly counts scan sessions by start time.
    db.execute("CREATE INDEX sessions_started_at ON sessions (started_at)")
    # mark_interrupted() and resumable_sessions() run at every start.
    db.execute("CREATE INDEX sessions_status ON sessions (status, ended_at)")
    # A session's sets in completion order; also serves the foreign key.
    db.execute("CREATE INDEX sets_session_id ON sets (session_id, id)")
    # Per-exercise charts: one exercise over a time range.
    db.execute("CREATE INDEX sets_exercise_started_at ON sets (exercise_id, started_at)")


@_migration("0002_dose_choices")
def _dose_choices(db: Database) -> None:
    # One row per exercise of a session that was offered a dose: what the app suggested and
    # what the person chose, so a later suggestion knows which variation was done.
    db.execute(
        """
        CREATE TABLE dose_choices (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            step_index INTEGER NOT NULL CHECK (step_index >= 0),
            exercise_id TEXT NOT NULL,
            unit TEXT NOT NULL CHECK (unit IN ('s', 'reps', 'steps')),
            previous INTEGER NOT NULL CHECK (previous >= 0),
            suggested INTEGER NOT NULL CHECK (suggested >= 0),
            chosen INTEGER NOT NULL CHECK (chosen >= 0),
            change TEXT NOT NULL,
            reason TEXT NOT NULL,
            suggested_variation TEXT,
            chosen_variation TEXT,
            suggested_extra_side TEXT CHECK (suggested_extra_side IN ('left', 'right')),
            chosen_extra_side TEXT CHECK (chosen_extra_side IN ('left', 'right')),
            UNIQUE (session_id, step_index)
        )
        """
    )
    db.execute("CREATE INDEX dose_choices_exercise ON dose_choices (exercise_id, session_id)")


@_migration("0003_hurts_and_routine_text")
def _hurts_and_routine_text(db: Database) -> None:
    # The routine as it was played (today's doses included), so a session started from a file
    # anywhere can be resumed after a crash even when that file is gone; '' in older rows.
    db.execute("ALTER TABLE sessions ADD COLUMN routine_toml TEXT NOT NULL DEFAULT ''")
    # Every "It hurts": when, during which exercise, set and side (NULL when it was not during
    # one), and what the person chose (NULL until they chose).
    db.execute(
        """
        CREATE TABLE hurts (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            at TEXT NOT NULL,
            exercise_id TEXT,
            set_number INTEGER CHECK (set_number IS NULL OR set_number >= 1),
            side TEXT CHECK (side IS NULL OR side IN ('left', 'right', 'both')),
            choice TEXT CHECK (
                choice IS NULL OR choice IN ('skip_exercise', 'end_session', 'carry_on')
            )
        )
        """
    )
    db.execute("CREATE INDEX hurts_session_id ON hurts (session_id, id)")



@_migration("0004_range_digests")
def _range_digests(db: Database) -> None:
    # A digest of each session and of each exercise in it, kept current by triggers on the
    # sets, so History reads one row per session however long the history (storage/digests).
    from gluteapp.storage import digests

    digests.create(db)


@_migration("0005_partial_sets")
def _partial_sets(db: Database) -> None:
    # Whether a set or side was left early (skipped, the exercise or session ended during it),
    # as the player said: such a side is partial, never a set done and left out of left
    # against right. Older rows that reached their target (a hold within the tolerance) were
    # not left early: 0. One that fell short may have been left early or may be all the weaker
    # side could do, and a damaged value says nothing: NULL (not known), read as before.
    db.execute(
        "ALTER TABLE sets ADD COLUMN cut_short INTEGER"
        " CHECK (cut_short IS NULL OR cut_short IN (0, 1))"
    )
    from gluteapp.core.progression import HOLD_TOLERANCE_S
    from gluteapp.storage import digests
    from gluteapp.storage.rows import MAX_HOLD_S

    seconds = f"typeof({{0}}) IN ('integer', 'real') AND {{0}} BETWEEN 0 AND {MAX_HOLD_S!r}"
    count = "typeof({0}) = 'integer' AND {0} >= 0"
    held = f"{seconds.format('target_hold_s')} AND {seconds.format('achieved_hold_s')}"
    counted = f"{count.format('target_reps')} AND {count.format('achieved_reps')}"
    clean = " AND ".join(
        f"({check.format(column)} OR {column} IS NULL)"
        for check, column in ((seconds, "target_hold_s"), (seconds, "achieved_hold_s"),
                              (count, "target_reps"), (count, "achieved_reps")))
    # Without the digests' triggers, or each row's update would make its session's again.
    digests.drop_triggers(db)
    db.execute(
        f"""UPDATE sets SET cut_short = CASE
                WHEN {held} THEN CASE
                    WHEN achieved_hold_s >= target_hold_s - {HOLD_TOLERANCE_S!r} THEN 0 END
                WHEN {counted} THEN CASE WHEN achieved_reps >= target_reps THEN 0 END
                WHEN {clean} THEN 0
            END"""
    )
    # The digests stay as they are: no row is partial yet, and for the rest the new rules
    # count what the old ones did. Only the triggers learn the flag.
    digests.create_triggers(db)


@_migration("0006_week_sums")
def _week_sums(db: Database) -> None:
    # The weeks before the current one summed and kept, so History's "All" over years reads a
    # row a week; triggers note the sessions written since, whose weeks the next read sums
    # again (storage/week_sums). Made empty: the first read sums the history there.
    from gluteapp.storage import week_sums

    week_sums.create(db)


MIGRATION_NAMES: tuple[str, ...] = tuple(_names)
SCHEMA_VERSION = len(MIGRATION_NAMES)


def apply_migrations(db: Database) -> None:
    """Bring `db` up to SCHEMA_VERSION; each migration commits with its record or not at all."""
    MIGRATIONS.apply(db)
