"""The engine announces a start, and resumes an interrupted session at its first unfinished set."""

from __future__ import annotations

from datetime import UTC, datetime

from gluteapp.core.engine import (
    PhaseKind,
    SessionFinished,
    SessionStarted,
    SetCompleted,
    SetKey,
    set_key,
)
from gluteapp.core.records import CompletedSet, SessionStatus, Side
from tests.core.test_engine_helpers import FakeClock, make_session

AT = datetime(2025, 3, 3, 18, tzinfo=UTC)

TWO_EXERCISES = """
[[steps]]
exercise = "bridge"
sets = 2
hold_s = 6
rest_s = 4

[[steps]]
exercise = "stand"
sets = 2
hold_s = 5
rest_s = 3
"""


def test_start_announces_the_session_before_anything_else() -> None:
    clock = FakeClock()
    session = make_session(TWO_EXERCISES, prepare_s=3)
    events = session.start(clock.now)
    assert events[0] == SessionStarted(clock.now, resumed=False)
    assert sum(isinstance(e, SessionStarted) for e in events) == 1
    # A second start is ignored and announces nothing.
    assert session.start(clock.advance(1)) == []


def test_set_key_names_work_phases_only() -> None:
    session = make_session(TWO_EXERCISES)
    keys = [set_key(p) for p in session.timeline]
    assert keys[0] is None  # the get-ready countdown is not a set
    work = [k for k in keys if k is not None]
    assert work == [
        ("bridge", 1, "both"), ("bridge", 2, "both"),
        ("stand", 1, "left"), ("stand", 1, "right"), ("stand", 2, "left"), ("stand", 2, "right"),
    ]


def test_a_recorded_set_has_the_key_and_the_step_of_its_phase() -> None:
    clock = FakeClock()
    session = make_session(TWO_EXERCISES)
    session.start(clock.now)
    work = [p for p in session.timeline if set_key(p) is not None]
    for phase in work:
        assert phase.exercise_id is not None
        assert phase.side is not None
        recorded = CompletedSet(phase.exercise_id, phase.set_number, phase.side, AT, AT)
        assert recorded.key == set_key(phase)  # what the history keeps matches the engine's
        assert session.step_of(recorded.key) == phase.step_index
    assert session.step_of(("stand", 2, "right")) == 1
    assert session.step_of(("bridge", 1, "both")) == 0
    assert session.step_of(("stand", 3, "left")) is None  # not a set of this routine


def test_resume_after_waits_paused_at_the_first_unfinished_set() -> None:
    clock = FakeClock()
    session = make_session(TWO_EXERCISES)
    done: set[SetKey] = {("bridge", 1, "both"), ("bridge", 2, "both"), ("stand", 1, "left")}
    events = session.resume_after(clock.now, done)
    assert events == [SessionStarted(clock.now, resumed=True)]
    assert session.is_started
    assert session.is_paused
    phase = session.phase
    assert (phase.kind, phase.exercise_id, phase.set_number, phase.side) == (
        PhaseKind.HOLD, "stand", 1, Side.RIGHT)
    # Paused means paused: time passes and nothing happens, the whole hold is still ahead.
    assert session.tick(clock.advance(30)) == []
    assert session.remaining_s(clock.now) == 5


def test_a_resumed_session_records_only_the_sets_still_to_do() -> None:
    clock = FakeClock()
    session = make_session(TWO_EXERCISES)
    session.resume_after(clock.now, {("bridge", 1, "both")})
    events = session.resume(clock.advance(1))
    for _ in range(200):
        if session.is_finished:
            break
        events += session.tick(clock.advance(1))
    recorded = [(e.exercise_id, e.set_number, e.side.value) for e in events
                if isinstance(e, SetCompleted)]
    assert recorded == [
        ("bridge", 2, "both"),
        ("stand", 1, "left"), ("stand", 1, "right"), ("stand", 2, "left"), ("stand", 2, "right"),
    ]
    finished = [e for e in events if isinstance(e, SessionFinished)]
    assert [f.status for f in finished] == [SessionStatus.COMPLETED]


def test_resuming_with_every_set_done_finishes_as_completed() -> None:
    clock = FakeClock()
    session = make_session(TWO_EXERCISES)
    done = {k for p in session.timeline if (k := set_key(p)) is not None}
    events = session.resume_after(clock.now, done)
    assert isinstance(events[0], SessionStarted)
    assert events[0].resumed
    assert [type(e) for e in events[1:]] == [SessionFinished]
    assert session.is_finished
    assert session.status is SessionStatus.COMPLETED


def test_resume_after_does_nothing_once_started() -> None:
    clock = FakeClock()
    session = make_session(TWO_EXERCISES)
    session.start(clock.now)
    assert session.resume_after(clock.advance(1), set()) == []
    assert not session.is_paused
