"""What the session player shows at one moment, decided from the engine without Qt or words."""

from __future__ import annotations

import math
from enum import StrEnum

from msgspec import Struct

from gluteapp.core.engine import Phase, PhaseKind, RepPosition, Session, SubPhase
from gluteapp.core.exercises import Library, Tempo, Variation
from gluteapp.core.records import Side
from gluteapp.core.routines import RoutineStep, step_variation

__all__ = [
    "Accent",
    "Dose",
    "DoseUnit",
    "HurtSubject",
    "NextUp",
    "NumberUnit",
    "PlayerDisplay",
    "RingCaption",
    "display_for",
    "hurt_subject",
    "whole_seconds",
]


class Accent(StrEnum):
    """The colour key of the ring and the phase words; the GUI maps it to a colour."""

    PREPARE = "prepare"
    WORK = "work"
    REST = "rest"
    SWITCH = "switch"
    DONE = "done"
    PAUSED = "paused"


class NumberUnit(StrEnum):
    """What the ring's big number counts: seconds left (shown as 1:05 past a minute) or reps."""

    SECONDS = "seconds"
    COUNT = "count"


class RingCaption(StrEnum):
    """The small line under the ring's number."""

    PHASE = "phase"  # the phase in words, as the big label says it
    GET_READY = "get_ready"
    SECONDS = "seconds"
    SIDE = "side"  # the working side ("Left side"), see PlayerDisplay.work_side
    REST = "rest"
    SWITCH = "switch"
    REP_OF = "rep_of"  # "Rep n of m", see PlayerDisplay.rep_number and rep_count
    REPS = "reps"
    STEPS_EACH_WAY = "steps_each_way"
    PAUSED = "paused"


class NextUp(StrEnum):
    """What the 'next' line announces."""

    NOTHING = "nothing"
    NEXT_SET = "next_set"  # in a rest between sets: the set after it
    NEXT_EXERCISE = "next_exercise"  # during an exercise: the one after it
    COMING_UP = "coming_up"  # before an exercise: that exercise and its dose
    LAST_EXERCISE = "last_exercise"


class DoseUnit(StrEnum):
    HOLD_S = "hold_s"
    STEPS = "steps"
    REPS = "reps"


class Dose(Struct, frozen=True):
    """A routine step's dose, e.g. 3 sets of a 20 s hold, plus one set for the left side."""

    sets: int
    amount: int | None
    unit: DoseUnit
    extra_side: Side | None  # LEFT or RIGHT when the step adds a set for a lagging side


class PlayerDisplay(Struct, frozen=True):
    """Everything the player shows at one moment, as numbers, enums and ids."""

    phase: Phase  # the GUI says it in words with gui.words.phase_words
    sub_phase: SubPhase | None  # the part of a tempo rep under way
    started: bool
    paused: bool
    finished: bool
    step_number: int  # "Exercise n of m"
    step_count: int
    progress: float  # of the whole session, 0.0 to 1.0
    exercise_id: str | None
    variation: Variation | None  # the easier or harder version done at this step, if any
    number: int | None  # the ring's big number; None shows nothing
    number_unit: NumberUnit
    fraction: float  # how full the ring is, 0.0 to 1.0
    accent: Accent
    caption: RingCaption
    rep_number: int  # the tempo rep under way, 0 outside tempo work
    rep_count: int
    set_number: int  # "Set n of m"; 0 when the phase is not one set of several
    set_count: int
    last_set: bool
    work_side: Side | None  # LEFT or RIGHT while working one side
    hold_s: int | None  # the target of a hold
    tempo: Tempo | None  # the tempo of tempo work
    awaits_done: bool  # self-paced work ends when the person presses Done
    next_up: NextUp
    next_exercise_id: str | None
    next_set_number: int
    next_set_count: int
    next_dose: Dose | None  # with NextUp.COMING_UP
    can_adjust_rest: bool  # the phase may be lengthened or shortened
    can_move: bool  # skip and back do something
    phase_index: int = 0  # changes with every phase: the moment to announce the new one
    steps_exercise_id: str | None = None  # get-ready or the rest before it: show how it is done
    coming_side: Side | None = None  # the side about to be worked: after a switch, or first
    # With the steps: how far into their phase, and how long it lasts (None: not timed). Stands
    # still while paused, so the page of steps shown does too.
    steps_elapsed_s: float = 0.0
    steps_duration_s: float | None = None

    @property
    def kind(self) -> PhaseKind:
        return self.phase.kind

    @property
    def side(self) -> Side | None:
        """The side to show big: the one worked now, else the one coming."""
        return self.work_side or self.coming_side


def whole_seconds(seconds: float) -> int:
    """Whole seconds to show, rounded up so 0.2 s left still shows 1; never negative."""
    return max(0, math.ceil(seconds - 1e-9))


_ACCENTS = {
    PhaseKind.PREPARE: Accent.PREPARE,
    PhaseKind.SWITCH_SIDES: Accent.SWITCH,
    PhaseKind.REST_SET: Accent.REST,
    PhaseKind.REST_EXERCISE: Accent.REST,
    PhaseKind.DONE: Accent.DONE,
}
_KIND_CAPTIONS = {
    PhaseKind.REPS: RingCaption.REPS,
    PhaseKind.STEPS: RingCaption.STEPS_EACH_WAY,
    PhaseKind.REST_SET: RingCaption.REST,
    PhaseKind.REST_EXERCISE: RingCaption.REST,
    PhaseKind.SWITCH_SIDES: RingCaption.SWITCH,
    PhaseKind.PREPARE: RingCaption.GET_READY,
}
_SELF_PACED = (PhaseKind.REPS, PhaseKind.STEPS)
_ADJUSTABLE = (PhaseKind.REST_SET, PhaseKind.REST_EXERCISE, PhaseKind.PREPARE,
               PhaseKind.SWITCH_SIDES)


class _Ring(Struct, frozen=True):
    number: int | None
    unit: NumberUnit
    fraction: float


def _ring(session: Session, now: float, position: RepPosition | None) -> _Ring:
    phase = session.phase
    if position is not None:
        tempo = phase.tempo
        length = {
            SubPhase.DOWN: tempo.down_s, SubPhase.PAUSE: tempo.pause_s, SubPhase.UP: tempo.up_s,
        }[position.sub_phase] if tempo else 1
        fraction = position.remaining_s / length if length else 0.0
        return _Ring(whole_seconds(position.remaining_s), NumberUnit.SECONDS, fraction)
    if phase.kind in _SELF_PACED:
        return _Ring(phase.target_reps or None, NumberUnit.COUNT, 1.0)
    remaining = session.remaining_s(now)
    if remaining is None:
        return _Ring(None, NumberUnit.SECONDS, 1.0)
    duration = session.phase_duration_s
    return _Ring(whole_seconds(remaining), NumberUnit.SECONDS,
                 remaining / duration if duration else 1.0)


def _caption(phase: Phase, paused: bool, position: RepPosition | None,
             work_side: Side | None) -> RingCaption:
    if paused:
        return RingCaption.PAUSED
    if position is not None:
        return RingCaption.REP_OF
    if phase.kind is PhaseKind.HOLD:
        return RingCaption.SIDE if work_side is not None else RingCaption.SECONDS
    return _KIND_CAPTIONS.get(phase.kind, RingCaption.PHASE)


def _step(session: Session, step_index: int) -> RoutineStep | None:
    steps = session.routine.steps
    return steps[step_index] if 0 <= step_index < len(steps) else None


def _variation(step: RoutineStep | None, library: Library) -> Variation | None:
    if step is None:
        return None
    try:
        return step_variation(step, library)
    except KeyError:  # a routine naming a variation the library no longer has
        return None


def _dose(step: RoutineStep) -> Dose:
    amount: int | None
    if step.hold_s:
        amount, unit = step.hold_s, DoseUnit.HOLD_S
    elif step.steps_count:
        amount, unit = step.steps_count, DoseUnit.STEPS
    else:
        amount, unit = step.reps, DoseUnit.REPS
    extra = step.extra_side if step.extra_side in (Side.LEFT, Side.RIGHT) else None
    return Dose(step.sets, amount, unit, extra)


class _Next(Struct, frozen=True):
    up: NextUp
    exercise_id: str | None = None
    set_number: int = 0
    set_count: int = 0
    dose: Dose | None = None


def _next(session: Session) -> _Next:
    phase = session.phase
    upcoming = session.upcoming_exercise_id
    following = session.next_phase
    if phase.kind is PhaseKind.REST_SET and following is not None:
        return _Next(NextUp.NEXT_SET, set_number=following.set_number,
                     set_count=following.set_count)
    if upcoming and upcoming != phase.exercise_id:
        return _Next(NextUp.NEXT_EXERCISE, upcoming)
    if upcoming and phase.kind in (PhaseKind.PREPARE, PhaseKind.REST_EXERCISE):
        step = _step(session, phase.step_index)
        return _Next(NextUp.COMING_UP, upcoming, dose=_dose(step) if step else None)
    return _Next(NextUp.LAST_EXERCISE if session.is_started else NextUp.NOTHING)


_BEFORE_AN_EXERCISE = (PhaseKind.PREPARE, PhaseKind.REST_EXERCISE)


def _coming_side(session: Session) -> Side | None:
    """After a switch, or before a one-sided exercise: the side the next work phase uses."""
    phase = session.phase
    if phase.kind is PhaseKind.SWITCH_SIDES or phase.kind in _BEFORE_AN_EXERCISE:
        following = session.next_phase
        if following is not None and following.kind.is_work and following.side in (
                Side.LEFT, Side.RIGHT):
            return following.side
    return None


def _steps_exercise(session: Session) -> str | None:
    """The exercise whose steps to show: in get-ready and the rest before it, while running."""
    phase = session.phase
    if phase.kind in _BEFORE_AN_EXERCISE and not session.is_finished:
        return phase.exercise_id
    return None


def _steps_clock(session: Session, now: float) -> tuple[float, float | None]:
    """Seconds into the steps' phase and its length (rest extensions included)."""
    duration = session.phase_duration_s
    remaining = session.remaining_s(now)
    if duration is None or remaining is None:
        return 0.0, None
    return max(0.0, duration - remaining), duration


class HurtSubject(Struct, frozen=True):
    """What an 'It hurts' refers to: the exercise, set and side worked now or just before."""

    exercise_id: str
    step_index: int
    set_number: int
    side: Side
    more_to_come: bool  # sets of it are still ahead, so skipping it skips something


def hurt_subject(session: Session) -> HurtSubject | None:
    """The work under way, else the set completed last; None when nothing was worked yet.

    In a rest after a set that is the set just done, not the exercise coming next: pain
    belongs to what caused it. With nothing worked yet (get-ready before the first exercise)
    there is no answer to give and the person is asked.
    """
    phase = session.phase
    if phase.kind.is_work and phase.exercise_id is not None:
        return HurtSubject(phase.exercise_id, phase.step_index, phase.set_number,
                           phase.side or Side.BOTH, more_to_come=True)
    done = session.completed_sets
    if not done:
        return None
    last = done[-1]
    # Within the exercise just worked (a rest between its sets, a switch) more of it follows.
    more = not session.is_finished and phase.step_index == last.step_index and (
        phase.kind not in _BEFORE_AN_EXERCISE)
    return HurtSubject(last.exercise_id, last.step_index, last.set_number, last.side, more)


def display_for(session: Session, now: float, library: Library) -> PlayerDisplay:
    """What the player shows of `session` at monotonic time `now`."""
    phase = session.phase
    kind = phase.kind
    started, paused = session.is_started, session.is_paused
    position = session.rep_position(now)
    ring = _ring(session, now, position)
    work_side = phase.side if kind.is_work and phase.side in (Side.LEFT, Side.RIGHT) else None
    in_set = bool(phase.set_count and phase.set_number)
    following = _next(session)
    step_count = len(session.routine.steps)
    steps_exercise_id = _steps_exercise(session)
    steps_elapsed, steps_duration = (_steps_clock(session, now) if steps_exercise_id
                                     else (0.0, None))
    return PlayerDisplay(
        phase=phase,
        sub_phase=position.sub_phase if position else None,
        started=started,
        paused=paused,
        finished=session.is_finished,
        step_number=min(phase.step_index + 1, step_count),
        step_count=step_count,
        progress=session.progress(now),
        exercise_id=phase.exercise_id,
        variation=_variation(_step(session, phase.step_index), library),
        number=ring.number,
        number_unit=ring.unit,
        fraction=min(1.0, max(0.0, ring.fraction)),
        accent=Accent.PAUSED if paused else _ACCENTS.get(kind, Accent.WORK),
        caption=_caption(phase, paused, position, work_side),
        rep_number=position.rep_number if position else 0,
        rep_count=position.rep_count if position else 0,
        set_number=phase.set_number if in_set else 0,
        set_count=phase.set_count if in_set else 0,
        last_set=in_set and kind.is_work and 1 < phase.set_count == phase.set_number,
        work_side=work_side,
        hold_s=phase.target_hold_s if kind is PhaseKind.HOLD and phase.target_hold_s else None,
        tempo=phase.tempo if kind is PhaseKind.TEMPO else None,
        awaits_done=started and kind in _SELF_PACED,
        next_up=following.up,
        next_exercise_id=following.exercise_id,
        next_set_number=following.set_number,
        next_set_count=following.set_count,
        next_dose=following.dose,
        can_adjust_rest=started and kind in _ADJUSTABLE,
        can_move=started and not session.is_finished,
        phase_index=session.phase_index,
        steps_exercise_id=steps_exercise_id,
        coming_side=_coming_side(session),
        steps_elapsed_s=steps_elapsed,
        steps_duration_s=steps_duration,
    )
