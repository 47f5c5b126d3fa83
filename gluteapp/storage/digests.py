"""Per-session and per-exercise digests of the sets, kept current by triggers on every write.

History over ten years must open as fast as four weeks: it reads one digest row per session
(and per exercise of a session for the exercise charts) instead of every set. The digests count
what `core.stats` counts, by its one definition (a set done: one set of one exercise, its sides'
latest records, done when a side reached its target, a hold within `HOLD_TOLERANCE_S`, a side
cut short never, and left out of left against right), so the History area shows the same
numbers either way; tests/storage/test_digests.py holds the two
side by side on a seeded history.

The triggers recompute the digests of the session (and exercise) a set was written to, so no
code path that writes a set can leave them stale: `record_set`, a rating, the journal's replay,
a restored backup all go through them. Sums of held seconds are SQL sums; means made of them
may differ from `statistics.fmean` in the last bits (never in what is shown).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from gluteapp.core.history_digest import (
    FELT_PLACES,
    MEASURE_FIELDS,
    ExerciseDigest,
    ExerciseTotal,
    SessionDigest,
    WeekDigest,
)
from gluteapp.core.progression import HOLD_TOLERANCE_S
from gluteapp.core.records import FeltIn, SessionStatus
from gluteapp.core.stats import STANDING_BREAK_ID, week_middle
from gluteapp.storage.rows import EARLIEST, LATEST, MAX_HOLD_S, MAX_REPS

_FELT = tuple(felt.value for felt in FeltIn)

# The sets as the full read (storage.rows) sees them: a row it leaves out (a side that is not a
# side, a start that is not a time) is left out here, a value it drops (a pain of "x", a hold of
# text) is NULL here, so no damaged value can break or skew a digest.
_COUNTS = {"target_reps": MAX_REPS, "achieved_reps": MAX_REPS, "pain": 10}
#: The stored partial flag (NULL: not known, judged from the results as core.stats does). A
#: history not yet given the column (migration 0004 runs before 0005 adds it) reads NULL.
_FLAG = "CASE WHEN typeof(cut_short) = 'integer' AND cut_short IN (0, 1) THEN cut_short END"
_CLEAN_SETS = "(SELECT id, session_id, exercise_id, set_number, side, started_at, {}, {}," \
    " felt_in, {} AS cut_short" \
    " FROM sets INDEXED BY sets_session_id" \
    " WHERE typeof(session_id) = 'integer' AND typeof(exercise_id) = 'text'" \
    f" AND typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND {MAX_REPS}" \
    " AND side IN ('left', 'right', 'both')" \
    " AND julianday(started_at) IS NOT NULL AND julianday(ended_at) IS NOT NULL" \
    " AND started_at >= '1970' AND started_at < '2200') AS sets"
_CLEAN_SETS = _CLEAN_SETS.format(
    ", ".join(f"CASE WHEN typeof({c}) = 'integer' AND {c} BETWEEN 0 AND {top} THEN {c} END"
              f" AS {c}" for c, top in _COUNTS.items()),
    ", ".join(f"CASE WHEN typeof({c}) IN ('integer', 'real') AND {c} BETWEEN 0 AND"
              f" {MAX_HOLD_S!r} THEN {c} END AS {c}"
              for c in ("target_hold_s", "achieved_hold_s")),
    _FLAG,
)

# (INDEXED BY: every digest is made for one session, a trigger's or the migration's loop, and
# is read by the session's index. Left to choose, SQLite took the exercise's index and read
# years of that exercise to find one session's sets: 5 ms a set written, 4 minutes to fill ten
# years of demo history.)

#: A record left before its target (core.stats.cut_short), as SQL over one clean `sets` row.
_CUT_SHORT = f"""
    CASE
        WHEN target_hold_s IS NOT NULL AND achieved_hold_s IS NOT NULL
            THEN achieved_hold_s < target_hold_s - {HOLD_TOLERANCE_S!r}
        WHEN cut_short = 1 THEN 1
        WHEN target_reps IS NOT NULL AND achieved_reps IS NOT NULL
            THEN achieved_reps < target_reps
        ELSE 0
    END"""

#: A record left early (core.stats.partial): the stored flag, but a hold within the tolerance
#: of its target reached it; a row without a flag is not. (No commas in it: the measured
#: columns it goes into are split at commas.)
_PARTIAL = f"""
    CASE
        WHEN target_hold_s IS NOT NULL AND achieved_hold_s IS NOT NULL
            AND achieved_hold_s >= target_hold_s - {HOLD_TOLERANCE_S!r} THEN 0
        ELSE cut_short IS 1
    END"""

_FELT_SUMS = ", ".join(f"SUM(felt_in = '{felt}')" for felt in _FELT)
_FELT_COLUMNS = ", ".join(f"felt_{felt} INTEGER NOT NULL DEFAULT 0" for felt in _FELT)
_FELT_NAMES = ", ".join(f"felt_{felt}" for felt in _FELT)


def _standing(where: str) -> str:
    """Each set's sides as their latest record (the bare columns come from MAX(id)'s row)."""
    return f"""
        SELECT session_id, exercise_id, set_number, side, MAX(id) AS id, pain,
               {_CUT_SHORT} AS cut
        FROM {_CLEAN_SETS} WHERE {where}
        GROUP BY session_id, exercise_id, set_number, side"""


def _groups(where: str) -> str:
    """Each set of each exercise: done (a side reached its target), and rated for pain."""
    return f"""
        SELECT session_id, exercise_id, set_number, MIN(cut) = 0 AS done,
               MAX(pain IS NOT NULL) AS rated
        FROM ({_standing(where)})
        GROUP BY session_id, exercise_id, set_number"""


def _session_digest(where: str) -> str:
    return f"""
        INSERT OR REPLACE INTO session_digest (
            session_id, recorded, done, rated_done, pain_sum, pain_n, pain_max, {_FELT_NAMES})
        SELECT raw.session_id, raw.recorded, COALESCE(g.done, 0), COALESCE(g.rated_done, 0),
               raw.pain_sum, raw.pain_n, raw.pain_max, {', '.join(f'raw.f{i}' for i in
                                                              range(len(_FELT)))}
        FROM (
            SELECT session_id, COUNT(*) AS recorded, COALESCE(SUM(pain), 0) AS pain_sum,
                   COUNT(pain) AS pain_n, MAX(pain) AS pain_max,
                   {', '.join(f"COALESCE(SUM(felt_in = '{f}'), 0) AS f{i}"
                              for i, f in enumerate(_FELT))}
            FROM {_CLEAN_SETS} WHERE {where} GROUP BY session_id
        ) AS raw
        LEFT JOIN (
            SELECT session_id, SUM(done) AS done, SUM(done AND rated) AS rated_done
            FROM ({_groups(where)}) GROUP BY session_id
        ) AS g ON g.session_id = raw.session_id"""


# Per measure: h (seconds held) and r (reps); the target counts only with a value, as in
# core.stats.exercise_progress. l and r sides for the left-against-right charts, without the
# sides cut short (core.stats.side_balance).
_VALUE = {"h": "achieved_hold_s", "r": "CAST(achieved_reps AS REAL)"}
_TARGET = {"h": "target_hold_s", "r": "CAST(target_reps AS REAL)"}


def _measure_columns(prefix: str) -> list[str]:
    value, wanted = _VALUE[prefix], _TARGET[prefix]
    columns = [
        f"COUNT({value})", f"MAX({value})", f"SUM({value})",
        f"COUNT(CASE WHEN {value} IS NOT NULL THEN {wanted} END)",
        f"SUM(CASE WHEN {value} IS NOT NULL THEN {wanted} END)",
    ]
    for side in ("left", "right"):
        picked = f"CASE WHEN side = '{side}' AND NOT ({_PARTIAL}) THEN {value} END"
        columns += [f"COUNT({picked})", f"MAX({picked})", f"SUM({picked})"]
    return columns


_MEASURE_NAMES = list(MEASURE_FIELDS)  # the order of _measure_columns("h") + ("r")
_KIND = """CASE WHEN achieved_hold_s IS NOT NULL OR target_hold_s IS NOT NULL THEN 'hold'
                WHEN achieved_reps IS NOT NULL OR target_reps IS NOT NULL THEN 'reps' END"""


# The newest measured record of the exercise in the session (by the session's index: the
# exercise's own index would scan years of that exercise to find one session's).
_NEWEST = f"""FROM sets AS n INDEXED BY sets_session_id
    WHERE n.session_id = raw.session_id AND n.exercise_id = raw.exercise_id
      AND ({_KIND}) IS NOT NULL
    ORDER BY n.started_at DESC, n.id DESC LIMIT 1"""


def _exercise_digest(where: str) -> str:
    measured = ", ".join([*_measure_columns("h"), *_measure_columns("r")])
    return f"""
        INSERT OR REPLACE INTO exercise_digest (
            session_id, exercise_id, groups, done, one_sided, newest_kind, newest_at,
            {', '.join(_MEASURE_NAMES)}, {_FELT_NAMES})
        SELECT raw.session_id, raw.exercise_id, g.groups, g.done, raw.one_sided,
               (SELECT {_KIND} {_NEWEST}),
               (SELECT n.started_at {_NEWEST}),
               {', '.join(f'raw.m{i}' for i in range(len(_MEASURE_NAMES)))},
               {', '.join(f'raw.f{i}' for i in range(len(_FELT)))}
        FROM (
            SELECT session_id, exercise_id, MAX(side <> 'both') AS one_sided,
                   {', '.join(f'{column} AS m{i}' for i, column in
                              enumerate(measured.split(', ')))},
                   {', '.join(f"COALESCE(SUM(felt_in = '{f}'), 0) AS f{i}"
                              for i, f in enumerate(_FELT))}
            FROM {_CLEAN_SETS} WHERE {where} GROUP BY session_id, exercise_id
        ) AS raw
        JOIN (
            SELECT session_id, exercise_id, COUNT(*) AS groups, SUM(done) AS done
            FROM ({_groups(where)}) GROUP BY session_id, exercise_id
        ) AS g ON g.session_id = raw.session_id AND g.exercise_id = raw.exercise_id"""


def _recompute(session: str, exercise: str) -> str:
    """Trigger body: the digests of one session, and of one exercise in it, made again."""
    return f"""
        DELETE FROM session_digest WHERE session_id = {session};
        {_session_digest(f'session_id = {session}')};
        DELETE FROM exercise_digest WHERE session_id = {session} AND exercise_id = {exercise};
        {_exercise_digest(f'session_id = {session} AND exercise_id = {exercise}')};"""


def create(conn: sqlite3.Connection | Any) -> None:
    """The digest tables, their triggers, and the digests of the history already there.

    `conn` is anything with `execute` (a sqlite3 connection or a sqlite-utils Database).
    """
    conn.execute(f"""
        CREATE TABLE session_digest (
            session_id INTEGER PRIMARY KEY REFERENCES sessions (id),
            recorded INTEGER NOT NULL,
            done INTEGER NOT NULL,
            rated_done INTEGER NOT NULL,
            pain_sum INTEGER NOT NULL,
            pain_n INTEGER NOT NULL,
            pain_max INTEGER,
            {_FELT_COLUMNS}
        )""")
    measure_columns = ", ".join(
        f"{name} {'INTEGER NOT NULL DEFAULT 0' if name.endswith('_n') else 'REAL'}"
        for name in _MEASURE_NAMES)
    conn.execute(f"""
        CREATE TABLE exercise_digest (
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            exercise_id TEXT NOT NULL,
            groups INTEGER NOT NULL,
            done INTEGER NOT NULL,
            one_sided INTEGER NOT NULL,
            newest_kind TEXT,
            newest_at TEXT,
            {measure_columns},
            {_FELT_COLUMNS},
            PRIMARY KEY (exercise_id, session_id)
        )""")
    conn.execute("CREATE INDEX exercise_digest_session ON exercise_digest (session_id)")
    create_triggers(conn)
    # The history already there, one session at a time: each statement joins a session's few
    # rows, where one statement over every session would join thousands with thousands.
    session_ids = [row[0] for row in conn.execute("SELECT DISTINCT session_id FROM sets")]
    for session_id in session_ids:
        where = f"session_id = {int(session_id):d}"
        conn.execute(_adapted(conn, _session_digest(where)))
        conn.execute(_adapted(conn, _exercise_digest(where)))


def create_triggers(conn: sqlite3.Connection | Any) -> None:
    """The triggers that make a session's digests again on every write to its sets."""
    for event, row in (("INSERT", "NEW"), ("DELETE", "OLD")):
        conn.execute(f"""
            CREATE TRIGGER sets_digest_{event.lower()} AFTER {event} ON sets BEGIN
                {_adapted(conn, _recompute(f'{row}.session_id', f'{row}.exercise_id'))}
            END""")
    conn.execute(f"""
        CREATE TRIGGER sets_digest_update AFTER UPDATE ON sets BEGIN
            {_adapted(conn, _recompute('OLD.session_id', 'OLD.exercise_id'))}
            {_adapted(conn, _recompute('NEW.session_id', 'NEW.exercise_id'))}
        END""")


def drop_triggers(conn: sqlite3.Connection | Any) -> None:
    for event in ("insert", "delete", "update"):
        conn.execute(f"DROP TRIGGER IF EXISTS sets_digest_{event}")


def _adapted(conn: sqlite3.Connection | Any, sql: str) -> str:
    """`sql` for this history: one not yet given the partial flag (0004 runs before 0005 adds
    it) reads it as NULL."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(sets)")}
    return sql if "cut_short" in columns else sql.replace(_FLAG, "NULL")


# --- reading ------------------------------------------------------------------------------


def session_digests(
    conn: sqlite3.Connection, where: str, params: Sequence[Any]
) -> list[SessionDigest]:
    """Every session matching `where` (on `sessions` as s), oldest first, with its digest."""
    felt_columns = ", ".join(f"COALESCE(d.felt_{felt}, 0)" for felt in _FELT)
    cursor = conn.execute(
        f"""SELECT s.id, {_TEXT.format("s.routine_id")}, {_TEXT.format("s.started_at")},
                   {_TEXT.format("s.status")},
                   COALESCE(d.recorded, 0), COALESCE(d.done, 0), COALESCE(d.rated_done, 0),
                   COALESCE(d.pain_sum, 0), COALESCE(d.pain_n, 0), d.pain_max, {felt_columns}
            FROM sessions AS s LEFT JOIN session_digest AS d ON d.session_id = s.id
            WHERE {where} ORDER BY s.started_at, s.id""",
        tuple(params),
    )
    statuses = {status.value.encode(): status for status in SessionStatus}
    digests: list[SessionDigest] = []
    for row in cursor:
        started = _time(row[2])
        status = statuses.get(row[3])
        if started is None or status is None or not isinstance(row[1], bytes):
            continue  # a damaged row: the full read leaves it out too
        digests.append(SessionDigest(row[0], decoded(row[1]), started, status, row[4], row[5],
                                     row[6], _number(row[7]) or 0, _number(row[8]) or 0,
                                     _number(row[9]), row[10:]))
    return digests


def exercise_digests(
    conn: sqlite3.Connection, exercise_id: str | None, where: str, params: Sequence[Any]
) -> list[ExerciseDigest]:
    """Per exercise and session matching `where` (on `sessions` as s), in session order;
    one exercise's if `exercise_id` is given."""
    felt_columns = ", ".join(f"e.felt_{felt}" for felt in _FELT)
    only = "AND e.exercise_id = ?" if exercise_id is not None else ""
    cursor = conn.execute(
        f"""SELECT {_TEXT.format("e.exercise_id")}, e.session_id, {_TEXT.format("s.started_at")},
                   e.groups, e.done, e.one_sided, {_TEXT.format("e.newest_kind")},
                   {_TEXT.format("e.newest_at")}, {', '.join('e.' + n for n in MEASURE_FIELDS)},
                   {felt_columns}
            FROM sessions AS s JOIN exercise_digest AS e ON e.session_id = s.id
            WHERE {where} {only} ORDER BY s.started_at, s.id""",
        (*params, *([exercise_id] if exercise_id is not None else [])),
    )
    count = len(MEASURE_FIELDS)
    digests: list[ExerciseDigest] = []
    for row in cursor:
        started = _time(row[2])
        if started is None:
            continue
        kind, newest = row[6], row[7]
        digests.append(ExerciseDigest(
            decoded(row[0]), row[1], started, row[3], row[4], bool(row[5]),
            kind.decode() if isinstance(kind, bytes) else None,
            newest.decode() if isinstance(newest, bytes) else None,
            _numbers(row[8 : 8 + count]), row[8 + count :]))
    return digests



def exercise_totals(
    conn: sqlite3.Connection, where: str, params: Sequence[Any]
) -> list[ExerciseTotal]:
    """Per exercise of the sessions matching `where` (on `sessions` as s): sets done, one side."""
    cursor = conn.execute(
        f"""SELECT {_TEXT.format("e.exercise_id")}, SUM(e.done), MAX(e.one_sided)
            FROM exercise_digest AS e
            WHERE e.session_id IN (SELECT s.id FROM sessions AS s WHERE {where})
            GROUP BY e.exercise_id ORDER BY e.exercise_id""",
        tuple(params),
    )
    return [ExerciseTotal(decoded(row[0]), int(row[1]), bool(row[2])) for row in cursor]


# Text read as bytes: the store's connection decodes every text value in Python (leniently,
# storage.history._lenient_text), which for ten years of digests cost more than the rest.
_TEXT = "CAST({} AS BLOB)"


def _number(value: Any) -> Any:
    """A digest's number, or None: digests made by an older trigger may hold a damaged value
    (text, where the sets' own read drops it)."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


_NUMERIC = frozenset({int, float, type(None)})


def _numbers(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """`_number` of each; at C speed when all are numbers already (every row of ours)."""
    if _NUMERIC.issuperset(map(type, values)):
        return values
    return tuple(_number(value) for value in values)


def decoded(data: Any) -> str:
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)


def _time(data: Any) -> datetime | None:
    """A stored start as an aware time; None when it is not one (a damaged row).

    Ours are written in UTC (`to_db_time`), so most need no conversion.
    """
    if not isinstance(data, bytes):
        return None
    try:
        moment = datetime.fromisoformat(data.decode("ascii"))
        if moment.tzinfo is not UTC:  # as storage.rows reads it: naive is UTC
            moment = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
    except (ValueError, OverflowError):  # UnicodeDecodeError is a ValueError
        return None
    return moment if EARLIEST <= moment < LATEST else None


# --- a row a week, in local time ----------------------------------------------------------------

#: Days shifted forward before dividing, so that SQLite's division (which rounds toward zero)
#: floors a start on 1 January 1970 in a zone behind UTC too.
_SHIFT_DAYS = 1000
_ORDINAL_1970 = date(1970, 1, 1).toordinal()
_LATEST_S = int(LATEST.timestamp())
#: A start (`e`, seconds since 1970 UTC) a week counts: the stored starts outside are damaged.
_COUNTED_START = f"e >= 0 AND e < {_LATEST_S}"


def _local_day(offsets: Sequence[tuple[int, int]]) -> str:
    """SQL: the local day (as `date.toordinal`) of a start `e` in seconds since 1970 UTC.

    `offsets` are core.history_digest.zone_offsets: whole numbers, written into the SQL.
    """
    cases = " ".join(f"WHEN e < {int(start):d} THEN {int(offset):d}"
                     for (start, _), (_, offset) in zip(offsets[1:], offsets, strict=False))
    last = int(offsets[-1][1]) if offsets else 0
    offset = f"CASE {cases} ELSE {last:d} END" if cases else f"{last:d}"
    return (f"((e + {offset} + {_SHIFT_DAYS * 86400}) / 86400"
            f" - {_SHIFT_DAYS} + {_ORDINAL_1970})")


_STATUSES = ", ".join(f"'{status.value}'" for status in SessionStatus)


def _days(where: str, offsets: Sequence[tuple[int, int]]) -> str:
    """Each session matching `where` (on `sessions` as s) with its local day and digest: the
    sessions `session_digests` reads (a damaged start or status is left out as there)."""
    return f"""
        WITH started AS MATERIALIZED (
            SELECT s.id AS id, s.status AS status,
                   s.routine_id IS NOT '{STANDING_BREAK_ID}' AS goal,
                   CAST(strftime('%s', s.started_at) AS INTEGER) AS e
            FROM sessions AS s WHERE ({where}) AND +s.status IN ({_STATUSES})
        ), days AS MATERIALIZED (
            SELECT id, status, goal, {_local_day(offsets)} AS day
            FROM started WHERE {_COUNTED_START}
        )"""


def _sum(column: str) -> str:
    return f"SUM(COALESCE({column}, 0))"


def week_digests(
    conn: sqlite3.Connection, where: str, params: Sequence[Any],
    offsets: Sequence[tuple[int, int]],
) -> list[WeekDigest]:
    """The sessions matching `where` (on `sessions` as s), summed per local week (Monday first;
    `offsets`: core.history_digest.zone_offsets), oldest first."""
    return [week_digest(row) for row in week_rows(conn, where, params, offsets)]


#: The columns of a week's row (`week_rows`), as storage.week_sums keeps them.
WEEK_COLUMNS = (
    "monday", "sessions", "recorded", "counted", "completed", "ended_early", "interrupted",
    "done", "rated_done", "pain_sum", "pain_n", "pain_max",
    *(f"felt_{place}" for place in _FELT), "rated_sessions", "felt_sessions",
    *(f"day_{weekday}" for weekday in range(7)),
)


def week_rows(
    conn: sqlite3.Connection, where: str, params: Sequence[Any],
    offsets: Sequence[tuple[int, int]],
) -> sqlite3.Cursor:
    """`week_digests` as rows of numbers (WEEK_COLUMNS), the Monday as `date.toordinal`."""
    counted = "(COALESCE(d.recorded, 0) > 0 AND days.goal)"
    felt = ", ".join(_sum(f"d.felt_{place}") for place in _FELT)
    any_felt = " + ".join(f"COALESCE(d.felt_{place}, 0)" for place in _FELT)
    return conn.execute(
        f"""{_days(where, offsets)}
        SELECT day - (day - 1) % 7 AS monday, COUNT(*), SUM(COALESCE(d.recorded, 0) > 0),
               SUM({counted}), SUM({counted} AND days.status = 'completed'),
               SUM({counted} AND days.status = 'ended_early'),
               SUM({counted} AND days.status = 'interrupted'),
               {_sum("d.done")}, {_sum("d.rated_done")}, {_sum("d.pain_sum")},
               {_sum("d.pain_n")}, MAX(d.pain_max), {felt},
               SUM(COALESCE(d.pain_n, 0) > 0), SUM(({any_felt}) > 0),
               {", ".join(f"SUM({counted} AND (day - 1) % 7 = {weekday})" for weekday in range(7))}
        FROM days LEFT JOIN session_digest AS d ON d.session_id = days.id
        GROUP BY monday ORDER BY monday""",
        tuple(params),
    )


def week_digest(row: Sequence[Any]) -> WeekDigest:
    """A week's row (WEEK_COLUMNS) as a WeekDigest."""
    places = len(FELT_PLACES)
    return WeekDigest(date.fromordinal(row[0]), row[1], row[2], row[3], row[4], row[5], row[6],
                      row[7], row[8], row[9], row[10], _number(row[11]),
                      tuple(row[12 : 12 + places]), row[12 + places], row[13 + places],
                      tuple(row[14 + places :]))


def exercise_week_rows(
    conn: sqlite3.Connection, where: str, params: Sequence[Any],
    offsets: Sequence[tuple[int, int]],
) -> sqlite3.Cursor:
    """Each exercise's sets done and one side, per local week of the sessions matching `where`
    that `week_rows` counts: (Monday as `date.toordinal`, exercise id as bytes, done, one side),
    whole numbers whatever a damaged digest holds."""
    return conn.execute(
        f"""{_days(where, offsets)}
        SELECT day - (day - 1) % 7 AS monday, CAST(e.exercise_id AS BLOB),
               CAST(SUM(e.done) AS INTEGER), CAST(MAX(e.one_sided) AS INTEGER)
        FROM days JOIN exercise_digest AS e ON e.session_id = days.id
        GROUP BY monday, e.exercise_id ORDER BY monday""",
        tuple(params),
    )


def local_mondays(conn: sqlite3.Connection, starts: str,
                  offsets: Sequence[tuple[int, int]]) -> set[date]:
    """The local Mondays of the stored starts that `starts` selects (SQL, one column named
    `start`), by the same local day and the same bounds as `week_rows`: a start that is not a
    time, or one before 1970 or after 2199 (a damaged row), is in no week."""
    rows = conn.execute(
        f"""SELECT DISTINCT day - (day - 1) % 7 FROM (
                SELECT {_local_day(offsets)} AS day FROM (
                    SELECT CAST(strftime('%s', start) AS INTEGER) AS e FROM ({starts}))
                WHERE {_COUNTED_START})""")
    return {date.fromordinal(row[0]) for row in rows}


def exercise_weeks(
    conn: sqlite3.Connection, exercise_id: str, where: str, params: Sequence[Any],
    offsets: Sequence[tuple[int, int]], tz: tzinfo | None,
) -> list[ExerciseDigest]:
    """One exercise in the sessions matching `where`, summed per local week as
    core.history_digest.fold_exercise_weeks sums its session digests.

    Only the measure its newest measured set was counted in (the one its charts draw:
    core.history_digest.digest_measure) is summed; the other's columns are left empty.
    """
    [newest] = conn.execute(
        f"""SELECT CAST(MAX(e.newest_at || char(1) || e.newest_kind) AS BLOB)
            FROM exercise_digest AS e JOIN sessions AS s ON s.id = e.session_id
            WHERE e.exercise_id = ? AND ({where})""",
        (exercise_id, *params),
    ).fetchone()
    key = "r" if isinstance(newest, bytes) and newest.endswith(b"\x01reps") else "h"
    measures = ", ".join(
        ("0" if name.endswith("_n") else "NULL") if not name.startswith(key)
        else f"MAX(e.{name})" if name.endswith("_max") else f"SUM(e.{name})"
        for name in MEASURE_FIELDS)
    felt = ", ".join(f"SUM(e.felt_{place})" for place in _FELT)
    # The sessions with the exercise, each with its local day, and then their digests of it:
    # a narrow list joined to the wide rows (copying those into a table first cost more).
    cursor = conn.execute(
        f"""{_days(f"({where}) AND s.id IN (SELECT session_id FROM exercise_digest"
                     " WHERE exercise_id = ?)", offsets)}
        SELECT day - (day - 1) % 7 AS monday, MAX(e.session_id), SUM(e.groups), SUM(e.done),
               MAX(e.one_sided),
               CAST(MAX(e.newest_at || char(1) || e.newest_kind) AS BLOB),
               {measures}, {felt}
        FROM days JOIN exercise_digest AS e ON e.exercise_id = ? AND e.session_id = days.id
        GROUP BY monday ORDER BY monday""",
        (*params, exercise_id, exercise_id),
    )
    count = len(MEASURE_FIELDS)
    weeks: list[ExerciseDigest] = []
    for row in cursor:
        newest_at, kind = None, None
        if isinstance(row[5], bytes):
            at, _, named = row[5].decode("utf-8", "replace").rpartition("\x01")
            newest_at, kind = at, named
        weeks.append(ExerciseDigest(
            exercise_id, row[1], week_middle(date.fromordinal(row[0]), tz), row[2], row[3],
            bool(row[4]), kind, newest_at, _numbers(row[6 : 6 + count]), row[6 + count :]))
    return weeks
