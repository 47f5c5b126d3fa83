"""Dose progression: histories in, suggestions out; the routine fields a suggestion writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
import pytest
from msgspec.structs import replace

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Exercise, Library, Mode
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.progression import (
    Change,
    DoseSuggestion,
    Reason,
    StepDose,
    apply_suggestions,
    history_for,
    suggest_routine,
    suggest_step,
)
from gluteapp.core.records import FeltIn, SessionStatus, Side
from gluteapp.core.routines import (
    Routine,
    RoutineError,
    RoutineStep,
    parse_routine,
    routine_to_toml,
    step_variation,
    validate_routine,
)

DAY_ONE = datetime(2024, 5, 6, 8, 0, tzinfo=UTC)
GLUTES = FeltIn.GLUTES
BOTH_SIDES = (Side.LEFT, Side.RIGHT)
ONE_SIDE = (Side.BOTH,)


def _exercise(exercise_id: str, per_side: bool, dosage: dict[str, Any], **more: Any) -> Exercise:
    raw = {
        "id": exercise_id,
        "name": exercise_id.replace("-", " ").capitalize(),
        "summary": "A made-up exercise for the progression tests.",
        "primary_muscles": ["gluteus_maximus"],
        "position": "supine",
        "mode": "hold" if "hold_s" in dosage else "reps",
        "per_side": per_side,
        "dosage": {"sets": 3, "rest_s": 30, **dosage},
        "steps": ["Get into position.", "Do the movement."],
        "tips": ["Breathe."],
        "cautions": ["Stop if it hurts."],
        "mistakes": [],
        "sources": [{"title": "Test source", "publisher": "Tests"}],
        **more,
    }
    return msgspec.convert(raw, Exercise, strict=True)


def _variation(name: str, dosage: dict[str, Any], **more: Any) -> dict[str, Any]:
    mode = "hold" if "hold_s" in dosage else "reps"
    return {
        "name": name,
        "how": "Done another way.",
        "mode": mode,
        "per_side": False,
        "primary_muscles": ["gluteus_maximus"],
        "equipment": [],
        "dosage": {"sets": 3, "rest_s": 30, **dosage},
        **more,
    }


# A bridge hold whose easier version has a narrower range, so clamping into it shows.
BRIDGE = _exercise(
    "test-bridge",
    False,
    {"hold_s": {"min": 15, "max": 30}},
    easier=[_variation("Supported", {"hold_s": {"min": 10, "max": 20}})],
    harder=[
        _variation("Banded", {"hold_s": {"min": 20, "max": 40}}),
        _variation("Marching", {"reps": {"min": 8, "max": 10}}),
    ],
)
LIBRARY = Library([*builtin_library(), BRIDGE])


# -- making history -------------------------------------------------------------------------------


def sets_of(
    exercise_id: str,
    dose: int,
    *,
    mode: Mode = Mode.HOLD,
    sets: int = 3,
    sides: tuple[Side, ...] = BOTH_SIDES,
    achieved: float | None = None,
    pain: int | None = 0,
    felt: FeltIn | None = GLUTES,
    short_side: Side | None = None,
) -> list[StoredSet]:
    """`sets` sets of `dose` on each side; `achieved` is what every set (or `short_side`) reached.

    With `achieved` None every set reached its target, as the engine records a full set.
    """
    made = []
    for set_number in range(1, sets + 1):
        for side in sides:
            reached: float = dose
            if achieved is not None and short_side in (None, side):
                reached = achieved
            hold = mode is Mode.HOLD
            made.append(
                StoredSet(
                    id=0,
                    session_id=0,
                    exercise_id=exercise_id,
                    set_number=set_number,
                    side=side,
                    started_at=DAY_ONE,
                    ended_at=DAY_ONE,
                    target_hold_s=float(dose) if hold else None,
                    target_reps=None if hold else dose,
                    achieved_hold_s=reached if hold else None,
                    achieved_reps=None if hold else int(reached),
                    pain=pain,
                    felt_in=felt,
                )
            )
    return made


def session(day: int, *sets: list[StoredSet]) -> SessionRecord:
    started = DAY_ONE + timedelta(days=day)
    every = [stored for group in sets for stored in group]
    return SessionRecord(
        id=day,
        routine_id="test",
        routine_name="Test",
        started_at=started,
        ended_at=started + timedelta(minutes=20),
        status=SessionStatus.COMPLETED,
        sets=tuple(
            replace(stored, id=day * 100 + n, session_id=day) for n, stored in enumerate(every)
        ),
    )


def plank(day: int, dose: int, **how: Any) -> SessionRecord:
    return session(day, sets_of("side-plank", dose, **how))


def bridge(day: int, dose: int, **how: Any) -> SessionRecord:
    return session(day, sets_of("test-bridge", dose, sides=ONE_SIDE, **how))


def step_for(exercise_id: str, **dose: Any) -> RoutineStep:
    return RoutineStep(exercise_id, sets=dose.pop("sets", 3), **dose)


PLANK_15 = step_for("side-plank", hold_s=15)
BRIDGE_20 = step_for("test-bridge", hold_s=20)


def third_set_in_the_lower_back() -> list[StoredSet]:
    """The third set of a side plank, both sides, felt in the lower back."""
    return sets_of("side-plank", 15, sets=3, felt=FeltIn.LOWER_BACK)[4:]


def redone_set() -> list[StoredSet]:
    """Three full sets a side, the first left one first cut short and then redone."""
    full = sets_of("side-plank", 15)
    cut = sets_of("side-plank", 15, sets=1, achieved=4, short_side=Side.LEFT)[0]
    return [cut, *full]


# -- the rule, table-driven -----------------------------------------------------------------------

Expected = tuple[Change, Reason, int, int, str | None]

CASES: list[Any] = [
    pytest.param(PLANK_15, [], None, (Change.START, Reason.NO_HISTORY, 15, 15, None), id="none"),
    pytest.param(
        PLANK_15, [plank(1, 15)], None, (Change.KEEP, Reason.ONE_SESSION, 15, 15, None), id="one"
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15)],
        None,
        (Change.ADVANCE, Reason.READY, 15, 20, None),
        id="two-good-advance-5s",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 20), plank(2, 20)],
        None,
        (Change.ADVANCE, Reason.READY, 20, 25, None),
        id="previous-is-last-time-not-the-routine",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 28), plank(2, 28)],
        None,
        (Change.ADVANCE, Reason.READY, 28, 30, None),
        id="advance-clamped-at-top",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 6), plank(2, 6)],
        None,
        (Change.ADVANCE, Reason.READY, 6, 10, None),
        id="below-range-goes-to-low",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 30), plank(2, 30)],
        None,
        (Change.HARDER, Reason.READY, 30, 10, "Top-leg lifts"),
        id="top-harder-of-other-kind-starts-at-its-own-low",
    ),
    pytest.param(
        BRIDGE_20,
        [bridge(1, 30), bridge(2, 30)],
        None,
        (Change.HARDER, Reason.READY, 30, 30, "Banded"),
        id="top-harder-in-its-range",
    ),
    pytest.param(
        step_for("seated-banded-abduction", reps=10),
        [
            session(d, sets_of("seated-banded-abduction", 10, mode=Mode.REPS, sides=ONE_SIDE))
            for d in (1, 2)
        ],
        None,
        (Change.HARDER, Reason.READY, 10, 10, "Standing banded abduction"),
        id="reps-top-harder",
    ),
    pytest.param(
        step_for("side-lying-inward-leg-lift", reps=15),
        [session(d, sets_of("side-lying-inward-leg-lift", 20, mode=Mode.REPS)) for d in (1, 2)],
        None,
        (Change.KEEP, Reason.TOP_OF_RANGE, 20, 20, None),
        id="top-without-harder",
    ),
    pytest.param(
        step_for("lateral-band-walk", steps_count=10),
        [
            session(d, sets_of("lateral-band-walk", 12, mode=Mode.STEPS, sides=ONE_SIDE))
            for d in (1, 2)
        ],
        None,
        (Change.ADVANCE, Reason.READY, 12, 14, None),
        id="steps-advance-2",
    ),
    pytest.param(
        step_for("wall-clamshell", reps=15),
        [session(d, sets_of("wall-clamshell", 16, mode=Mode.REPS)) for d in (1, 2)],
        None,
        (Change.ADVANCE, Reason.READY, 16, 18, None),
        id="reps-advance-2",
    ),
    pytest.param(
        step_for("single-leg-squat", reps=10, tempo="2-0-2"),
        [session(d, sets_of("single-leg-squat", 10, mode=Mode.TEMPO)) for d in (1, 2)],
        None,
        (Change.HARDER, Reason.READY, 10, 10, "From a step"),
        id="tempo-uses-reps-range",
    ),
    # pain
    pytest.param(
        BRIDGE_20,
        [bridge(1, 25), bridge(2, 25, pain=5)],
        None,
        (Change.EASIER, Reason.PAIN_STOPPED, 25, 20, "Supported"),
        id="pain-5-easier-clamped-into-its-range",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15, pain=7)],
        None,
        (Change.EASIER, Reason.PAIN_STOPPED, 15, 15, "From the knees"),
        id="pain-high-after-one-session",
    ),
    pytest.param(
        step_for("wall-clamshell", reps=15),
        [session(d, sets_of("wall-clamshell", 18, mode=Mode.REPS, pain=d * 3)) for d in (1, 2)],
        None,
        (Change.EASIER, Reason.PAIN_STOPPED, 18, 16, None),
        id="pain-high-without-easier-lowers-dose",
    ),
    pytest.param(
        step_for("wall-clamshell", reps=15),
        [session(d, sets_of("wall-clamshell", 16, mode=Mode.REPS, pain=6)) for d in (1, 2)],
        None,
        (Change.EASIER, Reason.PAIN_AGAIN, 16, 15, None),
        id="lower-dose-stops-at-range-low",
    ),
    pytest.param(
        step_for("wall-clamshell", reps=12),
        [session(1, sets_of("wall-clamshell", 12, mode=Mode.REPS, pain=6))],
        None,
        (Change.EASIER, Reason.PAIN_STOPPED, 12, 12, None),
        id="below-range-low-is-not-raised-by-easier",
    ),
    pytest.param(
        step_for("wall-clamshell", hold_s=3),
        [session(1, sets_of("wall-clamshell", 3, pain=6))],
        None,
        (Change.EASIER, Reason.PAIN_STOPPED, 3, 1, None),
        id="lower-dose-without-range-stops-at-1",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15, pain=3)],
        None,
        (Change.KEEP, Reason.SOME_PAIN, 15, 15, None),
        id="pain-3-keep",
    ),
    # The one safety rule: any pain holds the dose; pain that stops a set (4+) makes it easier.
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15, pain=1)],
        None,
        (Change.KEEP, Reason.SOME_PAIN, 15, 15, None),
        id="pain-1-in-the-latest-session-holds",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15, pain=2), plank(2, 15)],
        None,
        (Change.KEEP, Reason.SOME_PAIN, 15, 15, None),
        id="pain-2-in-the-older-session-holds",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15, pain=4)],
        None,
        (Change.EASIER, Reason.PAIN_STOPPED, 15, 15, "From the knees"),
        id="pain-4-stops-a-set-easier",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15, pain=4), plank(2, 15, pain=0)],
        None,
        (Change.KEEP, Reason.SOME_PAIN, 15, 15, None),
        id="pain-4-in-the-older-session-holds",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15, pain=5), plank(2, 15, pain=4)],
        None,
        (Change.EASIER, Reason.PAIN_AGAIN, 15, 15, "From the knees"),
        id="pain-stops-a-set-twice-in-a-row-asks",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15, pain=5), plank(2, 15, pain=3), plank(3, 15, pain=6)],
        None,
        (Change.EASIER, Reason.PAIN_STOPPED, 15, 15, "From the knees"),
        id="stopping-pain-not-in-a-row-does-not-ask",
    ),
    # completion
    pytest.param(
        PLANK_15,
        [plank(1, 15, achieved=9), plank(2, 15, achieved=12)],
        None,
        (Change.EASIER, Reason.MISSED_TWICE, 15, 15, "From the knees"),
        id="missed-twice-easier",
    ),
    pytest.param(
        step_for("wall-clamshell", reps=18),
        [session(d, sets_of("wall-clamshell", 18, mode=Mode.REPS, achieved=12)) for d in (1, 2)],
        None,
        (Change.EASIER, Reason.MISSED_TWICE, 18, 16, None),
        id="missed-twice-without-easier",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15, achieved=10)],
        None,
        (Change.KEEP, Reason.NOT_COMPLETED, 15, 15, None),
        id="missed-latest-keep",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15, achieved=10), plank(2, 15)],
        None,
        (Change.KEEP, Reason.NOT_COMPLETED, 15, 15, None),
        id="missed-older-keep",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15, achieved=11, short_side=Side.RIGHT)],
        None,
        (Change.KEEP, Reason.NOT_COMPLETED, 15, 15, None),
        id="one-side-short",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15, sides=(Side.LEFT,))],
        None,
        (Change.KEEP, Reason.NOT_COMPLETED, 15, 15, None),
        id="one-side-never-done",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15, sets=2)],
        None,
        (Change.KEEP, Reason.NOT_COMPLETED, 15, 15, None),
        id="too-few-sets",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15, achieved=14.5), plank(2, 15, achieved=14.5)],
        None,
        (Change.ADVANCE, Reason.READY, 15, 20, None),
        id="hold-half-a-second-short-counts",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15, achieved=14.4)],
        None,
        (Change.KEEP, Reason.NOT_COMPLETED, 15, 15, None),
        id="hold-more-than-half-a-second-short",
    ),
    pytest.param(
        step_for("wall-clamshell", reps=15),
        [
            session(
                d,
                [
                    replace(st, achieved_reps=None)
                    for st in sets_of("wall-clamshell", 15, mode=Mode.REPS)
                ],
            )
            for d in (1, 2)
        ],
        None,
        (Change.ADVANCE, Reason.READY, 15, 17, None),
        id="done-without-a-count-counts-as-reached",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15, sets=4)],
        None,
        (Change.ADVANCE, Reason.READY, 15, 20, None),
        id="more-sets-than-asked-still-completed",
    ),
    # where it was felt, and ratings
    pytest.param(
        PLANK_15,
        [
            plank(1, 15),
            session(2, sets_of("side-plank", 15, sets=2), third_set_in_the_lower_back()),
        ],
        None,
        (Change.KEEP, Reason.NOT_IN_GLUTES, 15, 15, None),
        id="one-set-in-the-lower-back",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15, pain=None)],
        None,
        (Change.KEEP, Reason.NOT_RATED, 15, 15, None),
        id="no-pain-rating",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15, felt=None), plank(2, 15)],
        None,
        (Change.KEEP, Reason.NOT_RATED, 15, 15, None),
        id="no-felt-in-rating",
    ),
    pytest.param(
        PLANK_15,
        [
            plank(1, 15),
            session(
                2,
                sets_of("side-plank", 15, sets=1),
                sets_of("side-plank", 15, pain=None, felt=None)[2:],
            ),
        ],
        None,
        (Change.ADVANCE, Reason.READY, 15, 20, None),
        id="one-rated-set-is-enough",
    ),
    # which sessions and sets count
    pytest.param(
        PLANK_15,
        [plank(3, 20), plank(1, 20, pain=6), plank(2, 20)],
        None,
        (Change.ADVANCE, Reason.READY, 20, 25, None),
        id="sessions-in-any-order",
    ),
    pytest.param(
        PLANK_15,
        [
            session(1, sets_of("side-plank", 15), sets_of("single-leg-stand", 30, pain=8)),
            session(2, sets_of("single-leg-stand", 30, achieved=3, felt=FeltIn.LOWER_BACK)),
            session(3, sets_of("side-plank", 15), sets_of("single-leg-stand", 30, pain=6)),
        ],
        None,
        (Change.ADVANCE, Reason.READY, 15, 20, None),
        id="other-exercises-ignored",
    ),
    pytest.param(
        step_for("side-plank", reps=10),
        [plank(1, 20), plank(2, 20)],
        None,
        (Change.START, Reason.NO_HISTORY, 10, 10, None),
        id="history-of-another-kind-is-none",
    ),
    pytest.param(
        step_for("side-plank", reps=10),
        [session(d, sets_of("side-plank", 10, mode=Mode.REPS)) for d in (1, 2)],
        None,
        (Change.KEEP, Reason.NO_RANGE, 10, 10, None),
        id="mode-mismatch-no-range",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 20)],
        None,
        (Change.KEEP, Reason.ONE_SESSION, 20, 20, None),
        id="just-advanced-needs-a-second-session",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 20), plank(2, 15)],
        None,
        (Change.ADVANCE, Reason.READY, 15, 20, None),
        id="lower-dose-after-a-higher-one",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), session(2, redone_set())],
        None,
        (Change.ADVANCE, Reason.READY, 15, 20, None),
        id="a-redone-set-counts-as-its-later-record",
    ),
    # variations
    pytest.param(
        PLANK_15,
        [plank(1, 20), plank(2, 20)],
        "From the knees",
        (Change.STANDARD, Reason.READY, 20, 20, None),
        id="easier-went-well-standard",
    ),
    pytest.param(
        BRIDGE_20,
        [bridge(1, 20), bridge(2, 20)],
        "Banded",
        (Change.ADVANCE, Reason.READY, 20, 25, "Banded"),
        id="advance-on-a-harder-variation",
    ),
    pytest.param(
        BRIDGE_20,
        [bridge(1, 38), bridge(2, 38)],
        "Banded",
        (Change.ADVANCE, Reason.READY, 38, 40, "Banded"),
        id="harder-variation-uses-its-own-range",
    ),
    pytest.param(
        BRIDGE_20,
        [bridge(1, 40), bridge(2, 40)],
        "Banded",
        (Change.KEEP, Reason.TOP_OF_RANGE, 40, 40, "Banded"),
        id="top-of-a-harder-variation-keep",
    ),
    pytest.param(
        BRIDGE_20,
        [bridge(1, 35, pain=6)],
        "Banded",
        (Change.EASIER, Reason.PAIN_STOPPED, 35, 30, None),
        id="pain-on-a-harder-variation-back-to-main",
    ),
    pytest.param(
        BRIDGE_20,
        [bridge(1, 18, achieved=5), bridge(2, 18, achieved=5)],
        "Supported",
        (Change.EASIER, Reason.MISSED_TWICE, 18, 13, "Supported"),
        id="missed-on-the-easier-variation-lowers-dose",
    ),
    pytest.param(
        BRIDGE_20,
        [bridge(1, 20), bridge(2, 20, pain=3)],
        "Supported",
        (Change.KEEP, Reason.SOME_PAIN, 20, 20, "Supported"),
        id="keep-stays-on-the-variation",
    ),
    pytest.param(
        PLANK_15,
        [plank(1, 15), plank(2, 15)],
        "No such variation",
        (Change.ADVANCE, Reason.READY, 15, 20, None),
        id="unknown-variation-is-the-main-exercise",
    ),
]


@pytest.mark.parametrize(("step", "sessions", "last_variation", "expected"), CASES)
def test_rule(
    step: RoutineStep,
    sessions: list[SessionRecord],
    last_variation: str | None,
    expected: Expected,
) -> None:
    exercise = LIBRARY[step.exercise]
    found = suggest_step(4, step, exercise, sessions, last_variation)
    assert (found.change, found.reason, found.previous, found.suggested, found.variation) == (
        expected
    )
    assert found.step_index == 4
    assert found.exercise_id == step.exercise
    # Today's dose is of the kind of what is suggested: a version's own, else the step's.
    version = next((v for v in (*exercise.easier, *exercise.harder) if v.name == found.variation),
                   None)
    assert found.mode is (version.mode if version is not None else step.mode)


# -- the details of one suggestion ----------------------------------------------------------------


def test_a_suggestion_carries_the_range_pain_and_variations() -> None:
    found = suggest_step(0, BRIDGE_20, BRIDGE, [bridge(1, 25), bridge(2, 25, pain=6)])
    assert found == DoseSuggestion(
        step_index=0,
        exercise_id="test-bridge",
        last=StepDose(None, Mode.HOLD, 25, sets=3, per_side=False),
        today=StepDose("Supported", Mode.HOLD, 20, sets=3, per_side=False),
        change=Change.EASIER,
        reason=Reason.PAIN_STOPPED,
        worst_pain=6,
        low=10,  # the easier variation's range, since it is the one suggested
        high=20,
    )
    assert (found.unit, found.previous, found.suggested, found.variation) == ("s", 25, 20,
                                                                             "Supported")
    assert found.is_change
    assert not found.ask_a_professional


def test_keep_reports_the_exercise_range_and_no_change() -> None:
    found = suggest_step(0, PLANK_15, LIBRARY["side-plank"], [plank(1, 15, pain=2)])
    assert (found.change, found.reason) == (Change.KEEP, Reason.ONE_SESSION)
    assert (found.low, found.high, found.worst_pain) == (10, 30, 2)
    assert not found.is_change


def test_unrated_latest_session_has_no_worst_pain() -> None:
    found = suggest_step(0, PLANK_15, LIBRARY["side-plank"], [plank(1, 15, pain=None)])
    assert found.worst_pain is None


def test_a_variation_change_alone_is_a_change() -> None:
    harder = suggest_step(0, BRIDGE_20, BRIDGE, [bridge(1, 30), bridge(2, 30)])
    assert harder.suggested == harder.previous
    assert harder.is_change


@pytest.mark.parametrize(
    ("step", "unit"),
    [
        (PLANK_15, "s"),
        (step_for("wall-clamshell", reps=15), "reps"),
        (step_for("single-leg-squat", reps=10, tempo="2-0-2"), "reps"),
        (step_for("lateral-band-walk", steps_count=10), "steps"),
    ],
    ids=["hold", "reps", "tempo", "steps"],
)
def test_units(step: RoutineStep, unit: str) -> None:
    assert suggest_step(0, step, LIBRARY[step.exercise], []).unit == unit


def test_the_step_variation_stands_for_last_time_when_none_is_given() -> None:
    step = step_for("side-plank", hold_s=15, variation="From the knees")
    start = suggest_step(0, step, LIBRARY["side-plank"], [])
    assert (start.variation, start.previous_variation, start.is_change) == (
        "From the knees",
        "From the knees",
        False,
    )
    back = suggest_step(0, step, LIBRARY["side-plank"], [plank(1, 15), plank(2, 15)])
    assert (back.change, back.variation, back.previous_variation) == (
        Change.STANDARD,
        None,
        "From the knees",
    )
    # What the GUI remembers wins over what the routine says; "" is the main exercise.
    main = suggest_step(0, step, LIBRARY["side-plank"], [plank(1, 15), plank(2, 15)], "")
    assert (main.change, main.suggested, main.variation, main.previous_variation) == (
        Change.ADVANCE,
        20,
        None,
        None,
    )


def test_history_for_picks_the_exercise_newest_first() -> None:
    older, other, newer = plank(1, 15), session(2, sets_of("single-leg-stand", 30)), plank(3, 15)
    assert history_for("side-plank", [older, other, newer]) == [newer, older]
    assert history_for("single-leg-stand", [older, other, newer]) == [other]
    assert history_for("bird-dog", [older, other, newer]) == []


# -- whole routines -------------------------------------------------------------------------------

ROUTINE = Routine(
    id="my-plan",
    name="My plan",
    prepare_s=10,
    steps=(
        step_for("side-plank", hold_s=15, rest_s=45),
        step_for("test-bridge", hold_s=20),
        step_for("wall-clamshell", reps=15),
    ),
    description="Mine",
)
ROUTINE_HISTORY = [
    session(1, sets_of("side-plank", 15), sets_of("test-bridge", 30, sides=ONE_SIDE)),
    session(2, sets_of("side-plank", 15), sets_of("test-bridge", 30, sides=ONE_SIDE, pain=6)),
]


def test_suggest_routine_gives_one_suggestion_per_step() -> None:
    found = suggest_routine(ROUTINE, LIBRARY, ROUTINE_HISTORY, {"test-bridge": "Banded"})
    assert [(s.step_index, s.exercise_id, s.change, s.suggested, s.variation) for s in found] == [
        (0, "side-plank", Change.ADVANCE, 20, None),
        (1, "test-bridge", Change.EASIER, 30, None),  # pain on the harder one: the main bridge
        (2, "wall-clamshell", Change.START, 15, None),
    ]
    assert found[1].previous_variation == "Banded"


def test_apply_takes_accepted_suggestions_and_keeps_last_time_for_the_rest() -> None:
    history = [
        *ROUTINE_HISTORY[:1],
        session(2, sets_of("side-plank", 15), sets_of("test-bridge", 30, sides=ONE_SIDE)),
    ]
    found = suggest_routine(ROUTINE, LIBRARY, history)
    assert [(s.change, s.previous, s.suggested, s.variation) for s in found] == [
        (Change.ADVANCE, 15, 20, None),
        (Change.HARDER, 30, 30, "Banded"),
        (Change.START, 15, 15, None),
    ]
    taken = apply_suggestions(ROUTINE, found, accepted={1})
    assert (taken.id, taken.name, taken.prepare_s, taken.description) == (
        "my-plan",
        "My plan",
        10,
        "Mine",
    )
    assert taken.steps == (
        step_for("side-plank", hold_s=15, rest_s=45),  # not accepted: as last time
        step_for("test-bridge", hold_s=30, variation="Banded"),  # from last time's 30 s
        step_for("wall-clamshell", reps=15),
    )
    everything = apply_suggestions(ROUTINE, found, accepted={0, 1, 2})
    assert [s.target for s in everything.steps] == [20, 30, 15]
    assert everything.steps[0].rest_s == 45  # the other keys stay
    validate_routine(everything, LIBRARY)


def test_apply_writes_last_time_dose_and_variation_when_declined() -> None:
    step = step_for("test-bridge", hold_s=15, variation="Supported")
    routine = Routine("r", "R", 5, (step,))
    found = suggest_routine(routine, LIBRARY, [bridge(1, 20), bridge(2, 20)])
    assert (found[0].change, found[0].previous_variation) == (Change.STANDARD, "Supported")
    declined = apply_suggestions(routine, found, accepted=())
    assert declined.steps == (step_for("test-bridge", hold_s=20, variation="Supported"),)
    accepted = apply_suggestions(routine, found, accepted=[0])
    assert accepted.steps == (step_for("test-bridge", hold_s=20),)


def test_apply_refuses_a_suggestion_for_another_step() -> None:
    found = suggest_routine(ROUTINE, LIBRARY, [])
    with pytest.raises(ValueError, match="does not fit step 0"):
        apply_suggestions(ROUTINE, [replace(found[1], step_index=0)], accepted={0})
    with pytest.raises(ValueError, match="the routine has 3"):
        apply_suggestions(ROUTINE, [replace(found[1], step_index=3)], accepted={3})


# -- the new routine fields -----------------------------------------------------------------------


def parse_steps(steps: str) -> Routine:
    return parse_routine(f'name = "Plan"\nprepare_s = 5\n{steps}', "plan.toml", LIBRARY)


def error_for(steps: str) -> str:
    with pytest.raises(RoutineError) as caught:
        parse_steps(steps)
    return str(caught.value)


def test_variation_and_extra_side_are_read_and_written_back() -> None:
    routine = parse_steps(
        '[[steps]]\nexercise = "side-plank"\nsets = 3\nhold_s = 15\n'
        'variation = "From the knees"\nextra_side = "left"\n'
        '\n[[steps]]\nexercise = "single-leg-stand"\nsets = 2\nhold_s = 30\nextra_side = "right"\n'
    )
    first, second = routine.steps
    assert (first.variation, first.extra_side, first.set_count) == ("From the knees", Side.LEFT, 4)
    assert (second.variation, second.extra_side, second.set_count) == (None, Side.RIGHT, 3)
    text = routine_to_toml(routine)
    assert 'variation = "From the knees"' in text
    assert 'extra_side = "left"' in text
    assert text.count("variation") == 1  # left out when not set
    assert parse_routine(text, "plan.toml", LIBRARY) == routine


def test_step_variation_finds_the_library_variation() -> None:
    easier = step_for("side-plank", hold_s=15, variation="From the knees")
    harder = step_for("side-plank", hold_s=30, variation="Top-leg hold")
    assert step_variation(easier, LIBRARY) is LIBRARY["side-plank"].easier[0]
    assert step_variation(harder, LIBRARY) is LIBRARY["side-plank"].harder[1]
    assert step_variation(PLANK_15, LIBRARY) is None
    with pytest.raises(KeyError, match="no variation named 'Nope'"):
        step_variation(step_for("side-plank", hold_s=15, variation="Nope"), LIBRARY)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            'variation = "From knees"',
            "plan.toml: steps[1].variation (line 7): 'From knees' is not a variation of "
            "'Side plank'; use one of 'From the knees', 'Top-leg lifts', 'Top-leg hold'",
        ),
        (
            'extra_side = "both"',
            'plan.toml: steps[1].extra_side (line 7): must be "left" or "right": the extra set '
            "is for one side only",
        ),
        (
            'extra_side = "up"',
            'plan.toml: steps[1].extra_side (line 7): must be "left" or "right", not \'up\'',
        ),
        (
            "extra_side = 1",
            "plan.toml: steps[1].extra_side (line 7): must be text in quotes, not a whole number",
        ),
        (
            'per_side = false\nextra_side = "left"',
            "plan.toml: steps[1].extra_side (line 8): only a step done one side at a time can add "
            "a set on one side (set per_side = true, or leave extra_side out)",
        ),
    ],
    ids=["unknown-variation", "both-sides", "not-a-side", "not-text", "not-per-side"],
)
def test_bad_new_fields(lines: str, message: str) -> None:
    steps = f'[[steps]]\nexercise = "side-plank"\nsets = 3\nhold_s = 15\n{lines}\n'
    assert error_for(steps) == message


def test_variation_of_an_exercise_without_any() -> None:
    steps = '[[steps]]\nexercise = "squat-side-step"\nsets = 1\nsteps_count = 5\nvariation = "X"\n'
    assert error_for(steps) == (
        "plan.toml: steps[1].variation (line 7): 'X' is not a variation of 'Squat with side step'; "
        "it has no easier or harder variations"
    )


def test_extra_side_on_an_exercise_done_with_both_legs() -> None:
    steps = '[[steps]]\nexercise = "glute-bridge"\nsets = 1\nhold_s = 15\nextra_side = "left"\n'
    assert "only a step done one side at a time" in error_for(steps)
    per_side = steps.replace("extra_side", "per_side = true\nextra_side")
    assert parse_steps(per_side).steps[0].extra_side is Side.LEFT
