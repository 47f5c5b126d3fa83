"""The digests count what core.stats counts: History from digests equals History from every set.

A seeded history (the demo generator) plus the cases the one definition exists for: a set
redone after Back, a hold left within half a second of its target, one left well before it, a
set whose every side fell short and one where only the weaker side did, the standing break, a
session without sets, ratings given after the set (an UPDATE), an exercise that changed from
holds to reps, and damaged rows, in every range and zone.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from msgspec.structs import fields

from gluteapp.core.assets import builtin_library
from gluteapp.core.demo import generate_history
from gluteapp.core.exercises import Library
from gluteapp.core.history_digest import (
    LazySeq,
    digest_exercise_series,
    digest_range_stats,
    range_window,
)
from gluteapp.core.records import CompletedSet, FeltIn, SessionStatus, SetRating, Side
from gluteapp.core.stats import (
    STANDING_BREAK_ID,
    Aggregate,
    ExerciseSeries,
    HistoryRange,
    RangeStats,
    exercise_series,
    range_stats,
)
from gluteapp.storage import HistoryStore, open_history
from gluteapp.storage.export import insert_sessions

TODAY = date(2026, 3, 18)
T = datetime(2026, 3, 16, 17, 0, tzinfo=UTC)  # the Monday of TODAY's week


def hold(exercise_id: str, number: int, side: Side, at: datetime, held: float,
         target: float = 30.0, **extra: object) -> CompletedSet:
    return CompletedSet(exercise_id, number, side, at, at + timedelta(seconds=held),
                        target_hold_s=target, achieved_hold_s=held, **extra)  # type: ignore[arg-type]


def reps(exercise_id: str, number: int, side: Side, at: datetime, done: int,
         target: int = 12, **extra: object) -> CompletedSet:
    return CompletedSet(exercise_id, number, side, at, at + timedelta(seconds=40),
                        target_reps=target, achieved_reps=done, **extra)  # type: ignore[arg-type]


def add_edge_cases(store: HistoryStore) -> None:
    at = T
    sid = store.start_session("glute-amnesia-wake-up", "Wake-up", at)
    store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, at, 30.0, pain=2,
                               felt_in=FeltIn.GLUTES))
    store.record_set(sid, hold("glute-bridge", 2, Side.BOTH, at + timedelta(minutes=1), 12.0))
    # Back, and the set redone: the later record stands.
    store.record_set(sid, hold("glute-bridge", 2, Side.BOTH, at + timedelta(minutes=2), 29.6,
                               pain=1))
    # One-sided: the weaker (left) side falls short, the right reaches it: the set is done.
    store.record_set(sid, hold("single-leg-stand", 1, Side.LEFT, at + timedelta(minutes=3),
                               18.0, felt_in=FeltIn.HAMSTRINGS))
    store.record_set(sid, hold("single-leg-stand", 1, Side.RIGHT, at + timedelta(minutes=4),
                               30.0, pain=4))
    # Both sides short: not done, but charted.
    store.record_set(sid, hold("single-leg-stand", 2, Side.LEFT, at + timedelta(minutes=5), 8.0))
    right = store.record_set(sid, hold("single-leg-stand", 2, Side.RIGHT,
                                       at + timedelta(minutes=6), 9.0))
    store.rate_set(right, SetRating(pain=6, felt_in=FeltIn.LOWER_BACK))  # rated afterwards
    # Side planks as the player stores them: set 1's right side left after 11 s when the
    # exercise was ended (partial: not in left against right), set 2's right left 0.3 s early
    # (it reached its target), a clamshell's left done with 9 of 12 (a result, not partial).
    for number, side, held, cut in ((1, Side.LEFT, 30.0, False), (1, Side.RIGHT, 11.0, True),
                                    (2, Side.LEFT, 30.0, False), (2, Side.RIGHT, 29.7, True)):
        store.record_set(sid, hold("side-plank", number, side, at + timedelta(minutes=7),
                                   held, cut_short=cut))
    store.record_set(sid, reps("wall-clamshell", 1, Side.LEFT, at + timedelta(minutes=7), 9,
                               cut_short=False))
    store.record_set(sid, reps("wall-clamshell", 1, Side.RIGHT, at + timedelta(minutes=7), 5,
                               cut_short=True))
    store.finish_session(sid, SessionStatus.ENDED_EARLY, at + timedelta(minutes=8))
    # The standing break: its sets count in the sets, the session not toward the goal.
    desk = store.start_session(STANDING_BREAK_ID, "Standing break", at + timedelta(hours=3))
    store.record_set(desk, reps("standing-hip-drive", 1, Side.BOTH, at + timedelta(hours=3), 10,
                                target=10, pain=0))
    store.finish_session(desk, SessionStatus.COMPLETED, at + timedelta(hours=3, minutes=2))
    # No sets at all, and one interrupted.
    store.start_session("gluteus-medius-a", "Gluteus medius A", at + timedelta(days=1))
    gone = store.start_session("gluteus-medius-a", "Gluteus medius A",
                               at + timedelta(days=1, hours=2))
    store.record_set(gone, reps("wall-clamshell", 1, Side.LEFT,
                                at + timedelta(days=1, hours=2), 9))
    store.mark_interrupted()
    # The same exercise done in reps now (a harder version): its charts count reps.
    late = store.start_session("glute-amnesia-wake-up", "Wake-up", at + timedelta(days=2))
    store.record_set(late, reps("glute-bridge", 1, Side.BOTH, at + timedelta(days=2), 15,
                                felt_in=FeltIn.NOWHERE))
    store.finish_session(late, SessionStatus.COMPLETED, at + timedelta(days=2, minutes=5))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HistoryStore]:
    data = Path(tmp_path_factory.mktemp("digests")) / "data"
    store = open_history(data, daily_backup=False)
    insert_sessions(store, generate_history(TODAY - timedelta(days=3), 1.2, 7, daily=False))
    add_edge_cases(store)
    yield store
    store.close(backup=False)


def both(store: HistoryStore, library: Library, history_range: HistoryRange,
         tz: timezone | None) -> tuple[RangeStats, RangeStats]:
    # range_stats is given more than the range (every session) and keeps what is inside;
    # the digests are read for the range's window only, as the History view reads them.
    expected = range_stats(store.list_sessions(), library, history_range, TODAY, 3, tz)
    since, until = range_window(history_range, TODAY, tz)
    got = digest_range_stats(store.session_digests(since, until),
                             store.exercise_totals(since, until), library, history_range,
                             TODAY, 3, tz, load_sessions=lambda: store.list_sessions(since, until))
    return expected, got


ZONES = [UTC, timezone(timedelta(hours=-9)), timezone(timedelta(hours=13)), None]


@pytest.mark.parametrize("tz", ZONES, ids=["utc", "minus9", "plus13", "local"])
@pytest.mark.parametrize("history_range", list(HistoryRange))
def test_every_number_of_the_overview_is_the_same(
    seeded: HistoryStore, history_range: HistoryRange, tz: timezone | None
) -> None:
    library = builtin_library()
    expected, got = both(seeded, library, history_range, tz)
    assert expected.summary.sessions > 0
    for field in fields(RangeStats):
        name = field.name
        if name in ("sessions", "doses", "sides"):
            continue  # read on demand: compared below
        assert getattr(got, name) == getattr(expected, name), name
    # What the report reads on demand is the full read itself, and equal.
    assert isinstance(got.sessions, LazySeq)
    assert not got.sessions.loaded
    assert len(got.sessions) == len(expected.sessions)
    assert tuple(got.sessions) == tuple(expected.sessions)
    assert tuple(got.doses) == tuple(expected.doses)
    assert tuple(got.sides) == tuple(expected.sides)


def close(mine: float | None, theirs: float | None) -> bool:
    if mine is None or theirs is None:
        return mine is theirs
    return mine == pytest.approx(theirs, rel=1e-12)


def series_close(got: ExerciseSeries, expected: ExerciseSeries) -> None:
    """Equal, but for means of held seconds, summed in SQL rather than by math.fsum."""
    assert (got.exercise_id, got.measure) == (expected.exercise_id, expected.measure)
    assert [(p.session_id, p.started_at, p.sets) for p in got.progress] == [
        (p.session_id, p.started_at, p.sets) for p in expected.progress]
    for mine, theirs in zip(got.progress, expected.progress, strict=True):
        assert close(mine.value, theirs.value)
        assert close(mine.target, theirs.target)
    assert (got.sides is None) == (expected.sides is None)
    if got.sides is not None and expected.sides is not None:
        assert got.sides.at == expected.sides.at
        for mine_side, their_side in ((got.sides.left, expected.sides.left),
                                      (got.sides.right, expected.sides.right)):
            assert all(close(a, b) for a, b in zip(mine_side, their_side, strict=True))
    assert got.felt == expected.felt


@pytest.mark.parametrize("aggregate", list(Aggregate))
def test_every_exercise_series_is_the_same(seeded: HistoryStore, aggregate: Aggregate) -> None:
    library = builtin_library()
    sessions = seeded.list_sessions()
    stats = range_stats(sessions, library, HistoryRange.ALL, TODAY)
    assert len(stats.exercises) >= 5
    for exercise_id, _ in stats.exercises:
        expected = exercise_series(sessions, exercise_id, library, aggregate)
        got = digest_exercise_series(seeded.exercise_digests(exercise_id), exercise_id,
                                     library, aggregate)
        series_close(got, expected)
        if aggregate is Aggregate.BEST:  # maxima and counts are exact
            assert got.progress == expected.progress


def test_the_exercise_that_changed_is_counted_as_its_newest_sets(seeded: HistoryStore) -> None:
    got = digest_exercise_series(seeded.exercise_digests("glute-bridge"), "glute-bridge",
                                 builtin_library())
    assert got.measure.value == "reps"


def test_a_damaged_start_is_left_out_as_the_full_read_leaves_it_out(tmp_path: Path) -> None:
    store = open_history(tmp_path / "data", daily_backup=False)
    try:
        for day in range(3):
            sid = store.start_session("r", "R", T + timedelta(days=day))
            store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, T + timedelta(days=day),
                                       30.0))
        store._db.execute("UPDATE sessions SET started_at = 'yesterday' WHERE id = 2")
        assert [d.id for d in store.session_digests()] == [
            s.id for s in store.list_sessions()] == [1, 3]
    finally:
        store.close(backup=False)


def test_the_digests_follow_every_write(tmp_path: Path) -> None:
    """Recorded, rated, redone and deleted: the digest is made again each time."""
    store = open_history(tmp_path / "data", daily_backup=False)
    try:
        sid = store.start_session("r", "R", T)
        first = store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, T, 10.0))
        [digest] = store.session_digests()
        assert (digest.recorded, digest.done, digest.pain_n) == (1, 0, 0)
        store.rate_set(first, SetRating(achieved_hold_s=30.0, pain=3))
        [digest] = store.session_digests()
        assert (digest.done, digest.pain_sum, digest.rated_done) == (1, 3, 1)
        store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, T, 5.0))  # redone, worse
        [digest] = store.session_digests()
        assert (digest.recorded, digest.done) == (2, 0)
        store._db.execute("DELETE FROM sets WHERE id = ?", (first,))
        [digest] = store.session_digests()
        assert (digest.recorded, digest.done, digest.pain_n) == (1, 0, 0)
    finally:
        store.close(backup=False)
