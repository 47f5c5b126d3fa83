"""Property tests: random routines driven by random actions at random times.

A small reference model follows the session from the outside (phase starts from the events, pauses
from its own actions) and predicts every SetCompleted. Times advance in quarter seconds and all
durations are whole seconds, so the arithmetic on both sides is exact.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec import Struct

from gluteapp.core.engine import (
    Event,
    Phase,
    PhaseKind,
    PhaseStarted,
    Session,
    SessionFinished,
    SessionOptions,
    SetCompleted,
)
from gluteapp.core.records import Side
from tests.core.test_engine_helpers import LIBRARY, make_routine


@st.composite
def routine_steps(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["hold", "tempo", "reps", "steps"]))
        lines = [f"sets = {draw(st.integers(1, 3))}"]
        if kind == "hold":
            lines.insert(0, f'exercise = "{draw(st.sampled_from(["bridge", "stand", "plank"]))}"')
            lines.append(f"hold_s = {draw(st.integers(1, 8))}")
        elif kind == "tempo":
            lines.insert(0, 'exercise = "squat"')
            lines.append(f"reps = {draw(st.integers(1, 4))}")
            lines.append(f'tempo = "{draw(st.sampled_from(["2-0-2", "3-1-1", "1-0-1", "0-0-1"]))}"')
        elif kind == "reps":
            lines.insert(0, f'exercise = "{draw(st.sampled_from(["pump", "clam"]))}"')
            lines.append(f"reps = {draw(st.integers(1, 20))}")
        else:
            lines.insert(0, 'exercise = "walk"')
            lines.append(f"steps_count = {draw(st.integers(1, 20))}")
        if draw(st.booleans()):
            lines.append(f"per_side = {'true' if draw(st.booleans()) else 'false'}")
        lines.append(f"rest_s = {draw(st.integers(1, 6))}")
        lines.append(f"rest_after_s = {draw(st.integers(1, 6))}")
        parts.append("[[steps]]\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)


options_strategy = st.builds(
    SessionOptions,
    weaker_side=st.sampled_from([None, Side.LEFT, Side.RIGHT]),
    switch_sides_s=st.integers(1, 5),
)

ACTIONS = [
    "tick",
    "pause",
    "resume",
    "skip",
    "back",
    "skip_exercise",
    "done",
    "extend_rest",
    "shorten_rest",
    "end_early",
]
action_strategy = st.tuples(
    st.integers(0, 40).map(lambda quarters: quarters / 4),
    st.sampled_from(ACTIONS),
    st.one_of(st.none(), st.integers(0, 25)),
)


class OpenSet(Struct):
    phase: Phase
    started_at: float
    active_s: float = 0.0
    running_since: float | None = None

    def active_at(self, at: float) -> float:
        running = at - self.running_since if self.running_since is not None else 0.0
        return self.active_s + running


Expected = tuple[str, int, Side, int | None, float | None, bool, float, float]


class Model:
    """Predicts the SetCompleted events from phase starts, pauses and the cause of each exit."""

    def __init__(self) -> None:
        self.paused = False
        self.finished = False
        self.open: OpenSet | None = None
        self.expected: list[Expected] = []
        self.finishes = 0

    def close(self, at: float, cause: str, achieved: int | None) -> None:
        current, self.open = self.open, None
        if current is None:
            return
        phase = current.phase
        active = current.active_at(at)
        duration = phase.duration_s
        natural = duration is not None and active >= duration
        if natural:
            assert active == duration, "a timed set must end exactly at its deadline"
        else:
            assert cause not in ("tick", "pause", "resume"), "only a deadline ends a set on a tick"
        if cause == "back" and not natural:
            return
        hold = reps = None
        if phase.kind is PhaseKind.HOLD:
            assert phase.target_hold_s is not None
            hold = float(phase.target_hold_s) if natural else active
            if hold < 1.0:
                return
            cut = hold < phase.target_hold_s
        elif phase.kind is PhaseKind.TEMPO:
            assert phase.tempo is not None
            assert phase.target_reps is not None
            reps = phase.target_reps if natural else int(active // phase.tempo.rep_s)
            if reps < 1:
                return
            cut = reps < phase.target_reps
        else:
            if cause != "done":
                return
            assert phase.target_reps is not None
            reps = phase.target_reps if achieved is None else achieved
            cut = reps < phase.target_reps
        assert phase.exercise_id is not None
        assert phase.side is not None
        self.expected.append(
            (
                phase.exercise_id,
                phase.set_number,
                phase.side,
                reps,
                hold,
                cut,
                current.started_at,
                at,
            )
        )

    def observe(self, events: list[Event], cause: str, achieved: int | None) -> None:
        for event in events:
            if isinstance(event, PhaseStarted | SessionFinished):
                self.close(event.at, cause, achieved)
            if isinstance(event, PhaseStarted) and event.phase.kind.is_work:
                running = None if self.paused else event.at
                self.open = OpenSet(event.phase, event.at, running_since=running)
            if isinstance(event, SessionFinished):
                self.finished = True
                self.finishes += 1

    def set_paused(self, paused: bool, now: float) -> None:
        if self.finished or self.paused == paused:
            return
        self.paused = paused
        if self.open is not None:
            if paused:
                self.open.active_s = self.open.active_at(now)
                self.open.running_since = None
            else:
                self.open.running_since = now


def act(session: Session, name: str, now: float, achieved: int | None) -> list[Event]:
    if name == "done":
        return session.done(now, achieved)
    method = getattr(session, name)
    events: list[Event] = method(now)
    return events


def check_state(session: Session, now: float) -> None:
    for when in (now, now + 0.25, now + 10_000.0):
        remaining = session.remaining_s(when)
        if remaining is not None:
            duration = session.phase_duration_s
            assert duration is not None
            assert 0.0 <= remaining <= duration
    assert 0.0 <= session.progress(now) <= 1.0


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=routine_steps(),
    prepare_s=st.integers(1, 5),
    options=options_strategy,
    actions=st.lists(action_strategy, max_size=40),
)
def test_random_sessions_stay_sane_finish_and_record_exactly_the_work_done(
    steps: str,
    prepare_s: int,
    options: SessionOptions,
    actions: list[tuple[float, str, int | None]],
) -> None:
    session = Session(make_routine(steps, prepare_s), LIBRARY, options)
    model = Model()
    now = 1000.0
    events = session.start(now)
    model.observe(events, "tick", None)
    everything = list(events)
    check_state(session, now)

    for advance, name, achieved in actions:
        now += advance
        if name in ("pause", "resume"):
            # The catch-up happens before the pause takes effect, and a resume has none.
            events = act(session, name, now, achieved)
            model.observe(events, "tick", None)
            model.set_paused(name == "pause", now)
        else:
            events = act(session, name, now, achieved)
            model.observe(events, name, achieved)
        everything += events
        assert all(e.at <= now for e in events)
        check_state(session, now)
        assert session.is_paused == (model.paused and not model.finished)

    # Every session can be finished: resume, tick far ahead, and press Done on self-paced sets.
    for _ in range(2 * len(session.timeline) + 2):
        if session.is_finished:
            break
        if session.is_paused:
            events = session.resume(now)
            model.observe(events, "tick", None)
            model.set_paused(False, now)
            everything += events
        now += 10_000.0
        events = session.tick(now)
        model.observe(events, "tick", None)
        everything += events
        if not session.is_finished and not session.phase.kind.is_timed:
            events = session.done(now)
            model.observe(events, "done", None)
            everything += events
        check_state(session, now)
    assert session.is_finished
    assert model.finishes == 1
    assert sum(isinstance(e, SessionFinished) for e in everything) == 1

    times = [e.at for e in everything]
    assert times == sorted(times), "events come in the order they were due"

    recorded = [e for e in everything if isinstance(e, SetCompleted)]
    assert list(session.completed_sets) == recorded
    actual = [
        (
            s.exercise_id,
            s.set_number,
            s.side,
            s.achieved_reps,
            s.achieved_hold_s,
            s.cut_short,
            s.started_at_mono,
            s.ended_at_mono,
        )
        for s in recorded
    ]
    assert actual == model.expected
    finished = everything[-1]
    assert isinstance(finished, SessionFinished)
    assert finished.totals.work_s == sum(s.active_s for s in recorded)


@settings(max_examples=100, deadline=None)
@given(steps=routine_steps(), options=options_strategy)
def test_per_side_work_alternates_from_the_chosen_first_side(
    steps: str, options: SessionOptions
) -> None:
    session = Session(make_routine(steps), LIBRARY, options)
    first = Side.RIGHT if options.weaker_side is Side.RIGHT else Side.LEFT
    second = Side.LEFT if first is Side.RIGHT else Side.RIGHT
    work = [p for p in session.timeline if p.kind.is_work]
    for step_index, step in enumerate(session.routine.steps):
        sides = [p.side for p in work if p.step_index == step_index]
        per_side = LIBRARY[step.exercise].per_side if step.per_side is None else step.per_side
        assert sides == ([first, second] if per_side else [Side.BOTH]) * step.sets
