"""A small made-up library, a fake clock and a compact event notation for the engine tests."""

from __future__ import annotations

from typing import Any

import msgspec

from gluteapp.core.engine import (
    CountdownTick,
    Event,
    Halfway,
    LastSeconds,
    NextExercise,
    PhaseStarted,
    RepSubPhase,
    RestEnded,
    RestStarted,
    Session,
    SessionFinished,
    SessionOptions,
    SessionStarted,
    SetCompleted,
    SwitchSides,
)
from gluteapp.core.exercises import Exercise, Library
from gluteapp.core.routines import Routine, parse_routine
from tests.builders import MonoClock


def _exercise(
    exercise_id: str, mode: str, per_side: bool, dosage: dict[str, Any], position: str = "supine"
) -> Exercise:
    raw = {
        "id": exercise_id,
        "name": exercise_id.replace("-", " ").capitalize(),
        "summary": "A made-up exercise for the engine tests.",
        "primary_muscles": ["gluteus_maximus"],
        "position": position,
        "mode": mode,
        "per_side": per_side,
        "dosage": dosage,
        "steps": ["Get into position.", "Do the movement."],
        "tips": ["Breathe."],
        "cautions": ["Stop if it hurts."],
        "mistakes": [],
        "sources": [{"title": "Test source", "publisher": "Tests"}],
    }
    return msgspec.convert(raw, Exercise, strict=True)


LIBRARY = Library(
    [
        _exercise(
            "bridge", "hold", False, {"sets": 3, "hold_s": {"min": 15, "max": 30}, "rest_s": 30}
        ),
        _exercise(
            "stand", "hold", True, {"sets": 3, "hold_s": {"min": 30, "max": 60}, "rest_s": 45}
        ),
        _exercise(
            "plank",
            "hold",
            True,
            {"sets": 3, "hold_s": {"min": 10, "max": 30}, "rest_s": 60},
            position="side_lying",
        ),
        _exercise(
            "squat",
            "tempo",
            True,
            {"sets": 3, "reps": {"min": 10, "max": 10}, "tempo": "2-0-2", "rest_s": 60},
            position="standing",
        ),
        _exercise("clam", "reps", True, {"sets": 3, "reps": {"min": 15, "max": 20}, "rest_s": 30}),
        _exercise("pump", "reps", False, {"sets": 3, "reps": {"min": 15, "max": 20}, "rest_s": 30}),
        _exercise(
            "walk",
            "steps",
            False,
            {"sets": 3, "steps": {"min": 10, "max": 15}, "rest_s": 30},
            position="standing",
        ),
    ]
)


def make_routine(steps: str, prepare_s: int = 5, routine_id: str = "test") -> Routine:
    text = f'name = "Test"\nprepare_s = {prepare_s}\n{steps}'
    return parse_routine(text, f"{routine_id}.toml", LIBRARY)


def make_session(steps: str, prepare_s: int = 5, **options: Any) -> Session:
    return Session(make_routine(steps, prepare_s), LIBRARY, SessionOptions(**options))


#: The engine tests' clock is the shared monotonic fake.
FakeClock = MonoClock


def brief(event: Event) -> str:
    """One event in a few words, so a whole timeline fits in a readable list."""
    match event:
        case PhaseStarted(phase=p):
            side = f" {p.side.value}" if p.side else ""
            sets = f" {p.set_number}/{p.set_count}" if p.set_number else ""
            return f"start {p.kind.value} {p.exercise_id}{sets}{side}"
        case CountdownTick(seconds_left=n):
            return f"countdown {n}"
        case Halfway():
            return "halfway"
        case LastSeconds(seconds_left=n):
            return f"last {n}"
        case RepSubPhase(sub_phase=sub, rep_number=i, rep_count=n, duration_s=d):
            return f"{sub.value} {i}/{n} {d}s"
        case SwitchSides(to_side=side):
            return f"switch to {side.value}"
        case RestStarted(duration_s=d, between_exercises=between):
            return f"rest {d:g}s" + (" before next exercise" if between else "")
        case RestEnded():
            return "rest ended"
        case NextExercise(exercise_id=exercise_id):
            return f"next {exercise_id}"
        case SetCompleted() as s:
            if s.achieved_hold_s is not None:
                done = f"held {s.achieved_hold_s:g}/{s.target_hold_s:g}s"
            else:
                done = f"{s.achieved_reps}/{s.target_reps} reps"
            cut = " cut short" if s.cut_short else ""
            return f"set {s.exercise_id} {s.set_number} {s.side.value} {done}{cut}"
        case SessionFinished(status=status):
            return f"finished {status.value}"
    raise AssertionError(f"unknown event {event!r}")


def timeline(events: list[Event], origin: float = 100.0) -> list[tuple[float, str]]:
    """(seconds after `origin`, brief) pairs of what happened after the start.

    SessionStarted leads every started timeline; test_engine_start pins it, so it is left out
    here to keep each timeline about its phases.
    """
    return [(round(e.at - origin, 6), brief(e)) for e in events
            if not isinstance(e, SessionStarted)]
