"""A set or side left early is stored as partial: the migration, the round trip, the digests."""

from __future__ import annotations

import csv
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.history_digest import digest_exercise_series
from gluteapp.core.records import FeltIn, SessionStatus, SetRating, Side
from gluteapp.core.stats import Measure, exercise_series, sets_done
from gluteapp.storage import (
    SCHEMA_VERSION,
    HistoryStore,
    NewerDatabaseError,
    PendingEntry,
    RateSet,
    RecordSet,
    open_history,
)
from gluteapp.storage.export import export_csv
from gluteapp.storage.pending import merge_rating
from gluteapp.storage.schema import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE
from tests.storage.storage_helpers import T0, FakeClock, a_set

#: A history written by the release before the flag (schema 4), dumped as SQL: its tables,
#: indexes, digest triggers and one session ended early (see the rows below).
OLD_HISTORY = Path(__file__).parent / "data" / "history_v4.sql"


def old_history(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / "history.db"
    with closing(sqlite3.connect(db_path)) as conn:
        conn.executescript(OLD_HISTORY.read_text(encoding="utf-8"))
    return db_path


def test_the_old_file_is_what_it_says() -> None:
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.executescript(OLD_HISTORY.read_text(encoding="utf-8"))
        assert conn.execute("PRAGMA user_version").fetchone() == (4,)
        columns = [row[1] for row in conn.execute("PRAGMA table_info(sets)")]
        assert "cut_short" not in columns
        assert conn.execute("SELECT count(*) FROM sets").fetchone() == (6,)


def test_an_old_history_opens_upgraded_with_a_sensible_flag_for_each_set(
        data_dir: Path, clock: FakeClock) -> None:
    db_path = old_history(data_dir)
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        assert store.startup_report.outcome == "opened"
        assert store.schema_version == SCHEMA_VERSION == 6
        [session] = store.list_sessions()
        got = [(s.exercise_id, s.set_number, s.side, s.achieved_hold_s, s.achieved_reps,
                s.cut_short) for s in session.sets]
        # Reached the target (a hold within half a second of it too): 0. Fell short: not known
        # (left early, or all that side could do). No target: 0.
        assert got == [
            ("side-plank", 1, Side.LEFT, 20.0, None, False),
            ("side-plank", 1, Side.RIGHT, 12.0, None, None),
            ("side-plank", 2, Side.LEFT, 19.7, None, False),
            ("wall-clamshell", 1, Side.LEFT, None, 9, None),
            ("wall-clamshell", 1, Side.RIGHT, None, 15, False),
            ("glute-bridge", 1, Side.BOTH, None, None, False),
        ]
        # Nothing else changed: the ratings, the status, the count of sets done as before.
        assert (session.sets[0].pain, session.sets[3].felt_in) == (2, FeltIn.GLUTES)
        assert session.status is SessionStatus.ENDED_EARLY
        assert sets_done(session.sets) == 4
        [digest] = store.session_digests()
        assert (digest.recorded, digest.done, digest.pain_n) == (6, 4, 1)
        # An older short side is charted as before: 20 against 12, not left out.
        library = builtin_library()
        series = digest_exercise_series(store.exercise_digests("side-plank"), "side-plank",
                                        library)
        assert series.sides is not None
        assert [(p.left, p.right) for p in series.sides.points] == [(20.0, 12.0)]
        # The digests the old version made are kept: they count what the full read counts.
        for exercise_id in ("side-plank", "wall-clamshell", "glute-bridge"):
            assert digest_exercise_series(store.exercise_digests(exercise_id), exercise_id,
                                          library) == exercise_series(
                store.list_sessions(), exercise_id, library)
        # New sets after the upgrade keep their flag and are digested by today's rule.
        store.record_set(session.id, a_set("side-plank", 3, Side.LEFT, T0, hold_s=20.0,
                                           cut_short=False))
        store.record_set(session.id, a_set("side-plank", 3, Side.RIGHT, T0, hold_s=20.0,
                                           achieved_hold_s=4.0, cut_short=True))
        [digest] = store.session_digests()
        assert (digest.recorded, digest.done) == (8, 5)
    with closing(sqlite3.connect(db_path)) as conn:
        applied = conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?"
                               " ORDER BY id", (MIGRATION_SET,)).fetchall()
        assert [name for (name,) in applied] == list(MIGRATION_NAMES)
        assert applied[-2:] == [("0005_partial_sets",), ("0006_week_sums",)]
        triggers = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        digest_triggers = {"sets_digest_insert", "sets_digest_delete", "sets_digest_update"}
        assert digest_triggers < triggers  # with the week sums' (tests/storage/test_week_sums)
        assert all(name.startswith("week_sums_") for name in triggers - digest_triggers)


def test_an_upgraded_history_from_a_newer_version_is_still_refused(
        data_dir: Path, clock: FakeClock) -> None:
    db_path = old_history(data_dir)
    open_history(data_dir, clock=clock, daily_backup=False).close(backup=False)
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(NewerDatabaseError, match="newer version of Gluteapp"):
        open_history(data_dir, clock=clock, daily_backup=False)


def test_the_flag_goes_in_and_comes_back(store: HistoryStore) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    ids = [store.record_set(session_id, a_set("side-plank", 1, side, T0, cut_short=flag))
           for side, flag in ((Side.LEFT, False), (Side.RIGHT, True), (Side.BOTH, None))]
    assert [store.get_set(i).cut_short for i in ids] == [False, True, None]
    assert [s.cut_short for s in store.list_sessions()[0].sets] == [False, True, None]
    [digest] = store.exercise_digests("side-plank")
    before = digest_exercise_series([digest], "side-plank", builtin_library()).sides
    assert before is not None
    assert [(p.left, p.right) for p in before.points] == [(30.0, 30.0)]
    # A set redone after Back: the redo's result and flag stand; a rating leaves the flag.
    store.rate_set(ids[0], SetRating(achieved_hold_s=6.0, cut_short=True))
    store.rate_set(ids[0], SetRating(pain=3))
    redone = store.get_set(ids[0])
    assert (redone.achieved_hold_s, redone.cut_short, redone.pain) == (6.0, True, 3)
    # The digests follow the redo (a trigger on the update): the left side is partial now and
    # leaves left against right; the right, flagged but held its full 30 s, reached it.
    [digest] = store.exercise_digests("side-plank")
    series = digest_exercise_series([digest], "side-plank", builtin_library())
    assert series.sides is not None
    assert [(p.left, p.right) for p in series.sides.points] == [(None, 30.0)]
    assert digest.done == 1


def test_a_damaged_flag_is_read_as_not_known_and_reported(store: HistoryStore) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    set_id = store.record_set(session_id, a_set(cut_short=True))
    store._db.execute("PRAGMA ignore_check_constraints = ON")
    store._db.execute("UPDATE sets SET cut_short = 'yes' WHERE id = ?", (set_id,))
    assert store.get_set(set_id).cut_short is None
    assert "cut_short 'yes' is not 0 or 1" in store.row_report.message()


def test_the_digests_leave_a_partial_side_out_of_left_against_right(
        store: HistoryStore) -> None:
    """Left held 20 s, right left after 15 s: the full read and the digest both give the
    session no ratio (not 20 / 15), and the set is done once, by its left side."""
    session_id = store.start_session("basics", "Basics", T0)
    store.record_set(session_id, a_set("side-plank", 1, Side.LEFT, T0, hold_s=20.0,
                                       cut_short=False))
    store.record_set(session_id, a_set("side-plank", 1, Side.RIGHT, T0 + timedelta(minutes=1),
                                       hold_s=20.0, achieved_hold_s=15.0, cut_short=True))
    library = builtin_library()
    from_digest = digest_exercise_series(store.exercise_digests("side-plank"), "side-plank",
                                         library)
    from_sets = exercise_series(store.list_sessions(), "side-plank", library)
    for series in (from_digest, from_sets):
        assert series.measure is Measure.HOLD
        assert series.sides is not None
        assert [(p.left, p.right, p.ratio) for p in series.sides.points] == [
            (20.0, None, None)]
        assert not series.sides.has_ratio
        # The progress chart still shows what was held, the 15 s included.
        assert [p.sets for p in series.progress] == [2]
    [digest] = store.session_digests()
    assert (digest.recorded, digest.done) == (2, 1)


def test_the_csv_says_which_sets_were_partial(store: HistoryStore, tmp_path: Path) -> None:
    session_id = store.start_session("basics", "Basics", T0)
    store.record_set(session_id, a_set("side-plank", 1, Side.LEFT, T0, cut_short=False))
    store.record_set(session_id, a_set("side-plank", 1, Side.RIGHT, T0, achieved_hold_s=9.0,
                                       cut_short=True))
    store.record_set(session_id, a_set("side-plank", 2, Side.LEFT, T0, achieved_hold_s=9.0))
    path = tmp_path / "sets.csv"
    assert export_csv(store, path) == 3
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # A row older than the flag is said as the app counts it: 9 of 30 s is short of its target.
    assert [(r["side"], r["achieved_hold_s"], r["cut_short"]) for r in rows] == [
        ("left", "30.0", "0"), ("right", "9.0", "1"), ("left", "9.0", "1")]


def test_a_waiting_set_keeps_its_flag_and_an_old_journal_line_still_reads() -> None:
    done = a_set(cut_short=True)
    entry = RecordSet("k", -1, -2, done)
    line = msgspec.json.encode(entry)
    assert msgspec.json.decode(line, type=PendingEntry) == entry
    older = line.replace(b',"cut_short":true', b"")
    assert older != line
    decoded = msgspec.json.decode(older, type=PendingEntry)
    assert isinstance(decoded, RecordSet)
    assert decoded.done.cut_short is None
    redo = RateSet("r", 5, SetRating(achieved_hold_s=3.0, cut_short=False))
    assert msgspec.json.decode(msgspec.json.encode(redo), type=PendingEntry) == redo
    assert merge_rating(done, redo.rating).cut_short is False
