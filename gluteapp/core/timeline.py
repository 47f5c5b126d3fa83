"""A routine compiled into the flat list of phases the session engine walks through."""

from __future__ import annotations

from enum import StrEnum

from msgspec import Struct
from msgspec.structs import replace

from gluteapp.core.exercises import Exercise, Library, Mode, Position, Tempo
from gluteapp.core.records import Side
from gluteapp.core.routines import Routine, RoutineStep, what_step_runs

# Self-paced work has no deadline; these only feed progress bars and duration estimates.
SELF_PACED_REP_S = 3.0
SELF_PACED_STEP_S = 1.5


class PhaseKind(StrEnum):
    PREPARE = "prepare"
    HOLD = "hold"
    TEMPO = "tempo"
    REPS = "reps"
    STEPS = "steps"
    SWITCH_SIDES = "switch_sides"
    REST_SET = "rest_set"
    REST_EXERCISE = "rest_exercise"
    DONE = "done"

    @property
    def is_work(self) -> bool:
        return self in _WORK

    @property
    def is_timed(self) -> bool:
        """Whether the phase ends by itself at a deadline (self-paced work waits for Done)."""
        return self not in (PhaseKind.REPS, PhaseKind.STEPS, PhaseKind.DONE)

    @property
    def is_rest(self) -> bool:
        return self in (PhaseKind.REST_SET, PhaseKind.REST_EXERCISE)


_WORK = frozenset({PhaseKind.HOLD, PhaseKind.TEMPO, PhaseKind.REPS, PhaseKind.STEPS})
_KIND_BY_MODE = {
    Mode.HOLD: PhaseKind.HOLD,
    Mode.TEMPO: PhaseKind.TEMPO,
    Mode.REPS: PhaseKind.REPS,
    Mode.STEPS: PhaseKind.STEPS,
}


class SubPhase(StrEnum):
    DOWN = "down"
    PAUSE = "pause"
    UP = "up"

    @property
    def label(self) -> str:
        return {SubPhase.DOWN: "Down", SubPhase.PAUSE: "Hold", SubPhase.UP: "Up"}[self]


class SessionOptions(Struct, frozen=True):
    """How a person likes their sessions run; every field has a sensible default."""

    weaker_side: Side | None = None  # LEFT or RIGHT: that side goes first in every set
    switch_sides_s: int = 5
    countdown_from: int = 3  # CountdownTick 3, 2, 1 before a timed phase ends
    last_seconds: int = 10  # LastSeconds(10) in holds and rests longer than twice this
    back_grace_s: float = 2.0  # a back this soon after a phase start goes to the previous one
    min_recorded_hold_s: float = 1.0  # a hold cut shorter than this is not a set

    def __post_init__(self) -> None:
        if self.weaker_side is Side.BOTH:
            raise ValueError("weaker_side is LEFT, RIGHT or None")
        if not 1 <= self.switch_sides_s <= 1800:
            raise ValueError("switch_sides_s must be 1 to 1800 seconds")


class Phase(Struct, frozen=True):
    """One step of the timeline. Durations are None for self-paced work and for DONE.

    `step_index` and `exercise_id` name the routine step the phase belongs to; for PREPARE and
    REST_EXERCISE that is the exercise coming next. `side` is the working side for work phases
    (BOTH when bilateral) and the side to switch to for SWITCH_SIDES; None elsewhere.
    """

    kind: PhaseKind
    label: str
    step_index: int
    exercise_id: str | None
    set_number: int  # 1-based; 0 for PREPARE, REST_EXERCISE and DONE
    set_count: int
    duration_s: float | None
    side: Side | None = None
    target_reps: int | None = None  # reps or steps
    target_hold_s: int | None = None
    tempo: Tempo | None = None
    index: int = 0  # position in the timeline

    @property
    def estimated_s(self) -> float:
        if self.duration_s is not None:
            return self.duration_s
        if self.kind is PhaseKind.REPS:
            return (self.target_reps or 0) * SELF_PACED_REP_S
        if self.kind is PhaseKind.STEPS:
            return (self.target_reps or 0) * SELF_PACED_STEP_S
        return 0.0


def limb_word(exercise: Exercise) -> str:
    """'side' for side planks and other side-lying holds, 'leg' for everything else."""
    if exercise.mode is Mode.HOLD and exercise.position is Position.SIDE_LYING:
        return "side"
    return "leg"


def side_order(per_side: bool, weaker_side: Side | None) -> tuple[Side, ...]:
    if not per_side:
        return (Side.BOTH,)
    if weaker_side is Side.RIGHT:
        return (Side.RIGHT, Side.LEFT)
    return (Side.LEFT, Side.RIGHT)


def step_per_side(step: RoutineStep, library: Library) -> bool:
    """Whether the step runs one side at a time: its own setting, else its version's, else the
    exercise's (a version may turn a one-leg exercise into a two-leg one, or back)."""
    if step.per_side is not None:
        return step.per_side
    return what_step_runs(step, library[step.exercise]).per_side


def step_rest_s(step: RoutineStep, library: Library) -> int:
    """The rest between sets: the step's own, else its version's, else the exercise's."""
    if step.rest_s is not None:
        return step.rest_s
    return what_step_runs(step, library[step.exercise]).dosage.rest_s


def step_rest_after_s(step: RoutineStep, library: Library) -> int:
    return step_rest_s(step, library) if step.rest_after_s is None else step.rest_after_s


def _work_label(kind: PhaseKind, step: RoutineStep) -> str:
    if kind is PhaseKind.HOLD:
        return "Hold"
    if kind is PhaseKind.TEMPO:
        return "Tempo reps"
    if kind is PhaseKind.STEPS:
        return f"Take {step.target} steps"
    return f"Do {step.target} reps"


def compile_timeline(
    routine: Routine, library: Library, options: SessionOptions | None = None
) -> tuple[Phase, ...]:
    """The phases of a session, in order, ending with DONE."""
    options = options or SessionOptions()
    steps = routine.steps
    phases = [
        Phase(
            PhaseKind.PREPARE,
            "Get ready",
            0,
            steps[0].exercise,
            0,
            steps[0].set_count,
            float(routine.prepare_s),
        )
    ]
    for step_index, step in enumerate(steps):
        exercise = library[step.exercise]
        kind = _KIND_BY_MODE[step.mode]
        tempo = step.tempo_parsed
        duration = None if kind in (PhaseKind.REPS, PhaseKind.STEPS) else float(step.target)
        if tempo is not None:
            duration = float(step.target * tempo.rep_s)
        set_count = step.set_count
        work = Phase(
            kind,
            _work_label(kind, step),
            step_index,
            step.exercise,
            set_number=0,
            set_count=set_count,
            duration_s=duration,
            target_reps=None if step.hold_s is not None else step.target,
            target_hold_s=step.hold_s,
            tempo=tempo,
        )
        rest = Phase(
            PhaseKind.REST_SET,
            "Rest",
            step_index,
            step.exercise,
            0,
            set_count,
            float(step_rest_s(step, library)),
        )
        sides = side_order(step_per_side(step, library), options.weaker_side)
        for set_number in range(1, step.sets + 1):
            for position, side in enumerate(sides):
                if position > 0:
                    label = f"Switch to your {side.value} {limb_word(exercise)}"
                    phases.append(
                        Phase(
                            PhaseKind.SWITCH_SIDES,
                            label,
                            step_index,
                            step.exercise,
                            set_number,
                            set_count,
                            float(options.switch_sides_s),
                            side,
                        )
                    )
                phases.append(replace(work, set_number=set_number, side=side))
            if set_number < set_count:
                phases.append(replace(rest, set_number=set_number))
        if step.extra_side is not None:
            # The rest before it leaves time to turn to that side, so no switch phase.
            phases.append(replace(work, set_number=set_count, side=step.extra_side))
        if step_index + 1 < len(steps):
            upcoming = steps[step_index + 1]
            phases.append(
                Phase(
                    PhaseKind.REST_EXERCISE,
                    "Rest",
                    step_index + 1,
                    upcoming.exercise,
                    0,
                    upcoming.set_count,
                    float(step_rest_after_s(step, library)),
                )
            )
    phases.append(Phase(PhaseKind.DONE, "Done", len(steps), None, 0, 0, None))
    return tuple(replace(phase, index=index) for index, phase in enumerate(phases))


def routine_duration_s(
    routine: Routine, library: Library, options: SessionOptions | None = None
) -> float:
    """How long a routine takes, rests included: exact for timed phases, estimated otherwise."""
    return sum(phase.estimated_s for phase in compile_timeline(routine, library, options))
