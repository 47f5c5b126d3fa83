"""The synthetic history tells the story it promises, the same way for the same seed."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, timedelta
from statistics import fmean

import msgspec.structs
import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.demo import EXERCISE_IDS, ROUTINE_IDS, DemoSession, generate_history
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn, SessionStatus, Side
from gluteapp.core.stats import (
    HistoryRange,
    Measure,
    felt_in_over_time,
    pain_over_time,
    sessions_per_week,
    side_balance,
)

UNTIL = date(2025, 9, 17)


def as_records(sessions: list[DemoSession]) -> list[SessionRecord]:
    """What the store would hand back after inserting these (ids in insertion order)."""
    records = []
    set_id = 0
    for session_id, demo in enumerate(sessions, start=1):
        stored = []
        for done in demo.sets:
            set_id += 1
            stored.append(StoredSet(**msgspec.structs.asdict(done), id=set_id,
                                    session_id=session_id))
        records.append(
            SessionRecord(
                session_id,
                demo.routine_id,
                demo.routine_name,
                demo.started_at,
                demo.ended_at,
                demo.status,
                demo.notes,
                tuple(stored),
            )
        )
    return records


@pytest.fixture(scope="module")
def two_years() -> list[DemoSession]:
    return generate_history(UNTIL, 2.0, seed=7)


def test_same_seed_same_history_other_seed_other_history() -> None:
    assert generate_history(UNTIL, 0.5, seed=3) == generate_history(UNTIL, 0.5, seed=3)
    assert generate_history(UNTIL, 0.5, seed=3) != generate_history(UNTIL, 0.5, seed=4)


def test_every_exercise_and_routine_is_a_real_one() -> None:
    library = builtin_library()
    assert set(EXERCISE_IDS) <= set(library.ids)
    assert set(ROUTINE_IDS) == {
        "glute-amnesia-wake-up",
        "gluteus-medius-a",
        "gluteus-medius-b",
        "desk-break",
    }
    for exercise_id in EXERCISE_IDS:
        # Holds are recorded as seconds and everything else as reps, as the library says.
        exercise = library[exercise_id]
        sets = [
            st
            for s in generate_history(UNTIL, 0.2, seed=1)
            for st in s.sets
            if st.exercise_id == exercise_id
        ]
        for done in sets:
            if exercise.mode.value == "hold":
                assert done.achieved_hold_s is not None
                assert done.achieved_reps is None
            else:
                assert done.achieved_reps is not None
                assert done.achieved_hold_s is None
            assert (done.side is Side.BOTH) == (not exercise.per_side)


def test_two_to_three_sessions_a_week_with_gaps(two_years: list[DemoSession]) -> None:
    records = as_records(two_years)
    weeks = sessions_per_week(records, UNTIL, HistoryRange.ALL, 2, UTC)
    assert 100 <= len(weeks) <= 106
    mean = fmean(w.sessions for w in weeks)
    assert 1.9 <= mean <= 2.6
    counts = Counter(w.sessions for w in weeks)
    assert counts[0] >= 6  # holidays and sick weeks
    assert counts[1] >= 5  # busy weeks
    assert counts[3] >= 20
    assert max(counts) <= 4
    assert all(s.started_at < s.ended_at for s in two_years)
    assert [s.started_at for s in two_years] == sorted(s.started_at for s in two_years)
    assert two_years[-1].started_at.date() < UNTIL
    assert two_years[0].started_at.date() >= UNTIL - timedelta(days=731)


def test_a_few_ended_early_exactly_one_interrupted_the_rest_completed(
    two_years: list[DemoSession],
) -> None:
    statuses = Counter(s.status for s in two_years)
    assert statuses[SessionStatus.INTERRUPTED] == 1
    assert 2 <= statuses[SessionStatus.ENDED_EARLY] <= 15
    assert statuses[SessionStatus.COMPLETED] == len(two_years) - sum(
        statuses[s] for s in (SessionStatus.INTERRUPTED, SessionStatus.ENDED_EARLY)
    )
    assert SessionStatus.RUNNING not in statuses
    cut_short = [s for s in two_years if s.status is not SessionStatus.COMPLETED]
    full = {s.routine_id: len(s.sets) for s in two_years if s.status is SessionStatus.COMPLETED}
    assert all(1 <= len(s.sets) < full[s.routine_id] for s in cut_short)
    assert any(s.notes for s in two_years)


def test_sets_follow_each_other_in_time_and_times_are_utc(two_years: list[DemoSession]) -> None:
    for demo in two_years:
        times = [demo.started_at]
        for done in demo.sets:
            assert done.started_at.tzinfo is UTC
            assert done.started_at <= done.ended_at
            times += [done.started_at, done.ended_at]
        times.append(demo.ended_at)
        assert times == sorted(times)


def test_the_left_side_starts_weaker_and_catches_up(two_years: list[DemoSession]) -> None:
    records = as_records(two_years)
    ratios = [
        p.ratio for p in side_balance(records, "side-plank", Measure.HOLD) if p.ratio is not None
    ]
    assert fmean(ratios[:6]) < 0.85
    assert fmean(ratios[-20:]) > 0.93


def test_holds_and_reps_progress_slowly(two_years: list[DemoSession]) -> None:
    bridge = [
        st.target_hold_s for s in two_years for st in s.sets if st.exercise_id == "glute-bridge"
    ]
    assert bridge[0] == 15.0
    assert bridge[-1] == 30.0
    assert bridge == sorted(bridge)  # never steps back
    clams = [
        st.achieved_reps
        for s in two_years
        for st in s.sets
        if st.exercise_id == "wall-clamshell" and st.side is Side.RIGHT
    ]
    assert fmean(v for v in clams[:10] if v) < fmean(v for v in clams[-10:] if v)


def test_pain_falls_and_the_glutes_wake_up(two_years: list[DemoSession]) -> None:
    records = as_records(two_years)
    pain = [p.mean for p in pain_over_time(records)]
    assert fmean(pain[:8]) > 2.5
    assert fmean(pain[-30:]) < 1.2
    felt = felt_in_over_time(records)
    early = Counter[FeltIn]()
    late = Counter[FeltIn]()
    for point in felt[:10]:
        early.update(point.counts)
    for point in felt[-30:]:
        late.update(point.counts)
    assert early[FeltIn.GLUTES] / early.total() < 0.45
    assert late[FeltIn.GLUTES] / late.total() > 0.75
    assert early[FeltIn.LOWER_BACK] + early[FeltIn.HAMSTRINGS] > early[FeltIn.GLUTES]
    rated = sum(1 for s in two_years for st in s.sets if st.pain is not None)
    total = sum(len(s.sets) for s in two_years)
    assert 0.75 < rated / total < 0.95  # some sets are left unrated


def test_daily_history_has_a_session_every_day() -> None:
    sessions = generate_history(UNTIL, 1.0, seed=0, daily=True)
    days = [s.started_at.date() for s in sessions]
    assert len(days) == 365
    assert len(set(days)) == 365
    assert days[-1] == UNTIL - timedelta(days=1)
    statuses = Counter(s.status for s in sessions)
    assert SessionStatus.INTERRUPTED not in statuses
    assert statuses[SessionStatus.COMPLETED] > 0.93 * len(sessions)


def test_years_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        generate_history(UNTIL, 0)
