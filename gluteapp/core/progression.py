"""Suggest each routine step's next dose from how the last two sessions of it went.

The coaching rule: advance the hold time, reps or steps (within the article's range, then to a
harder variation) only when the dose was completed in each of the last two sessions with pain of
at most 2 out of 10 and the work felt in the glutes; suggest the easier variation after pain of 5
or more, or after two sessions in which the dose could not be completed; otherwise hold the dose.

How the history is read, per exercise, over the sessions holding a set of it (newest first):

- Only sets whose target is of the step's kind count: `target_hold_s` for a hold step,
  `target_reps` for reps, tempo and steps. A session with none of them is no history here.
- A set recorded twice (redone after going back) counts once, as its later record.
- The dose done is the largest target among those sets.
- A session is completed when it has at least `sets` sets (twice that for a per-side step) and
  every one reached its target; a hold may fall 0.5 s short. A set without an achieved value
  counts as reached: the engine fills it in for timed work, and a self-paced set marked Done
  without a correction was done as prescribed.
- Advancing also needs both sessions at the latest dose: right after an advance only one session
  at the new dose exists, so the answer is to keep it (reason ONE_SESSION).

The history does not record which variation was done. That comes from `last_variation` (the GUI
remembers what the person chose), or else from the step's own `variation` field, which
`apply_suggestions` writes. While on a harder variation, being at the top of the range keeps the
dose (the harder variations are alternatives, not a ladder), and trouble goes back to the main
exercise. While on an easier variation, going well returns to the main exercise, and trouble
lowers the dose.

Everything here is pure and deterministic: no clock, no storage.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import msgspec

from gluteapp.core.exercises import Dosage, Exercise, Library, Mode, Range, Variation
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn, Side
from gluteapp.core.routines import Routine, RoutineStep, find_variation

PAIN_OK_MAX = 2  # worst pain, out of 10, that still allows an advance
PAIN_HIGH_MIN = 5  # pain from which the easier variation is suggested
HOLD_TOLERANCE_S = 0.5  # a hold this much short of its target still reached it
DOSE_STEP = {Mode.HOLD: 5, Mode.REPS: 2, Mode.TEMPO: 2, Mode.STEPS: 2}

_UNITS = {Mode.HOLD: "s", Mode.REPS: "reps", Mode.TEMPO: "reps", Mode.STEPS: "steps"}
_DOSE_FIELD = {
    Mode.HOLD: "hold_s",
    Mode.REPS: "reps",
    Mode.TEMPO: "reps",
    Mode.STEPS: "steps_count",
}


class Change(StrEnum):
    START = "start"  # no history for this exercise: the routine's dose
    KEEP = "keep"  # hold the dose
    ADVANCE = "advance"  # more seconds, reps or steps, within the article's range
    HARDER = "harder"  # at the top of the range: the first harder variation
    EASIER = "easier"  # the first easier variation, or a lower dose when there is none
    STANDARD = "standard"  # last time was an easier variation and it went well: the main exercise


class Reason(StrEnum):
    NO_HISTORY = "no_history"
    ONE_SESSION = "one_session"  # only one session (at this dose) so far: keep
    READY = "ready"  # completed twice, pain <= 2, felt in the glutes
    PAIN_HIGH = "pain_high"  # pain >= 5 in the latest session
    MISSED_TWICE = "missed_twice"  # dose not completed in the last two sessions
    NOT_COMPLETED = "not_completed"  # not completed in one of the last two: keep
    PAIN_MODERATE = "pain_moderate"  # worst pain 3 or more, below 5 in the latest: keep
    NOT_IN_GLUTES = "not_in_glutes"  # a rated set felt elsewhere: keep
    NOT_RATED = "not_rated"  # no pain or no felt-in rating in one of the two sessions: keep
    TOP_OF_RANGE = "top_of_range"  # at the range's top and no harder variation: keep
    NO_RANGE = "no_range"  # the article gives no range of the step's kind: keep


@dataclass(frozen=True)
class DoseSuggestion:
    """Today's dose for one routine step, next to the one done last time, and why."""

    step_index: int
    exercise_id: str
    mode: Mode  # the step's mode
    previous: int  # the dose done last time (seconds, reps or steps); the routine's when no history
    suggested: int  # today's suggested dose
    change: Change
    reason: Reason
    variation: str | None = None  # the variation to do today; None for the main exercise
    previous_variation: str | None = None  # the variation done last time, if any
    worst_pain: int | None = None  # worst pain in the latest session, when rated
    low: int | None = None  # the article's range for the suggested dose, when it gives one
    high: int | None = None

    @property
    def unit(self) -> str:
        return _UNITS[self.mode]

    @property
    def is_change(self) -> bool:
        return self.suggested != self.previous or self.variation != self.previous_variation


# -- reading the history --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    """How one session went for one exercise."""

    dose: int
    completed: bool
    pains: tuple[int, ...]
    felt_in: tuple[FeltIn, ...]

    @property
    def worst_pain(self) -> int | None:
        return max(self.pains) if self.pains else None


def history_for(exercise_id: str, sessions: Sequence[SessionRecord]) -> list[SessionRecord]:
    """The sessions holding at least one set of the exercise, newest first."""
    found = [s for s in sessions if any(st.exercise_id == exercise_id for st in s.sets)]
    return sorted(found, key=lambda s: (s.started_at, s.id), reverse=True)


def _target(stored: StoredSet, mode: Mode) -> float | None:
    if mode is Mode.HOLD:
        return stored.target_hold_s
    return float(stored.target_reps) if stored.target_reps is not None else None


def _reached(stored: StoredSet, mode: Mode) -> bool:
    target = _target(stored, mode)
    assert target is not None, "only sets with a target of the step's kind are judged"
    if mode is Mode.HOLD:
        held = stored.achieved_hold_s
        return held is None or held >= target - HOLD_TOLERANCE_S
    return stored.achieved_reps is None or stored.achieved_reps >= target


def _outcome(
    session: SessionRecord, exercise_id: str, mode: Mode, sets_needed: int
) -> _Outcome | None:
    standing: dict[tuple[int, Side], StoredSet] = {}
    for stored in session.sets:  # in the order completed, so a redone set replaces the first
        if stored.exercise_id == exercise_id and _target(stored, mode) is not None:
            standing[(stored.set_number, stored.side)] = stored
    if not standing:
        return None
    done = list(standing.values())
    return _Outcome(
        dose=round(max(_target(st, mode) or 0.0 for st in done)),
        completed=len(done) >= sets_needed and all(_reached(st, mode) for st in done),
        pains=tuple(st.pain for st in done if st.pain is not None),
        felt_in=tuple(st.felt_in for st in done if st.felt_in is not None),
    )


# -- ranges and variations ------------------------------------------------------------------------


def _own_range(dosage: Dosage, mode: Mode) -> Range | None:
    if mode is Mode.HOLD:
        return dosage.hold_s
    if mode is Mode.STEPS:
        return dosage.steps
    return dosage.reps


def _range(exercise: Exercise, variation: Variation | None, mode: Mode) -> Range | None:
    """The range a dose of this kind is held to: the variation's own, else the exercise's."""
    own = _own_range(variation.dosage, mode) if variation is not None else None
    return own or _own_range(exercise.dosage, mode)


def _clamp(value: int, limits: Range | None) -> int:
    return value if limits is None else max(limits.min, min(limits.max, value))


def _is_easier(exercise: Exercise, variation: Variation | None) -> bool:
    return variation is not None and variation in exercise.easier


def _is_harder(exercise: Exercise, variation: Variation | None) -> bool:
    return variation is not None and not _is_easier(exercise, variation)


# -- the rule -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    """What every suggestion for one step shares."""

    step_index: int
    exercise: Exercise
    mode: Mode
    current: Variation | None  # the variation done last time
    previous: int
    worst_pain: int | None

    def suggest(
        self,
        change: Change,
        reason: Reason,
        suggested: int,
        variation: Variation | None,
        limits: Range | None,
    ) -> DoseSuggestion:
        return DoseSuggestion(
            step_index=self.step_index,
            exercise_id=self.exercise.id,
            mode=self.mode,
            previous=self.previous,
            suggested=suggested,
            change=change,
            reason=reason,
            variation=variation.name if variation is not None else None,
            previous_variation=self.current.name if self.current is not None else None,
            worst_pain=self.worst_pain,
            low=limits.min if limits is not None else None,
            high=limits.max if limits is not None else None,
        )

    def keep(self, reason: Reason) -> DoseSuggestion:
        limits = _range(self.exercise, self.current, self.mode)
        return self.suggest(Change.KEEP, reason, self.previous, self.current, limits)

    def easier(self, reason: Reason) -> DoseSuggestion:
        exercise, mode, previous = self.exercise, self.mode, self.previous
        if self.current is None and exercise.easier:
            variation = exercise.easier[0]
            own = _own_range(variation.dosage, mode)
            limits = _range(exercise, variation, mode)
            return self.suggest(Change.EASIER, reason, _clamp(previous, own), variation, limits)
        if _is_harder(exercise, self.current):
            limits = _range(exercise, None, mode)
            return self.suggest(Change.EASIER, reason, _clamp(previous, limits), None, limits)
        # No easier variation left: a smaller dose of the same one, not below the range's low.
        limits = _range(exercise, self.current, mode)
        floor = min(limits.min, previous) if limits is not None else 1
        lower = max(floor, previous - DOSE_STEP[mode])
        return self.suggest(Change.EASIER, reason, lower, self.current, limits)

    def ready(self) -> DoseSuggestion:
        exercise, mode, previous = self.exercise, self.mode, self.previous
        if _is_easier(exercise, self.current):
            limits = _range(exercise, None, mode)
            return self.suggest(Change.STANDARD, Reason.READY, previous, None, limits)
        limits = _range(exercise, self.current, mode)
        if limits is None:
            return self.keep(Reason.NO_RANGE)
        if previous < limits.max:
            more = limits.min if previous < limits.min else previous + DOSE_STEP[mode]
            return self.suggest(
                Change.ADVANCE, Reason.READY, min(more, limits.max), self.current, limits
            )
        if self.current is not None or not exercise.harder:
            return self.keep(Reason.TOP_OF_RANGE)
        harder = exercise.harder[0]
        own = _own_range(harder.dosage, mode)
        return self.suggest(
            Change.HARDER,
            Reason.READY,
            _clamp(previous, own),
            harder,
            _range(exercise, harder, mode),
        )


def _per_side(step: RoutineStep, exercise: Exercise) -> bool:
    return exercise.per_side if step.per_side is None else step.per_side


def suggest_step(
    step_index: int,
    step: RoutineStep,
    exercise: Exercise,
    sessions: Sequence[SessionRecord],
    last_variation: str | None = None,
) -> DoseSuggestion:
    """Today's dose for one step.

    `last_variation` names the variation done last time; None falls back to the step's own
    `variation`, and "" (or a name the exercise no longer has) means the main exercise.
    """
    mode = step.mode
    done_last = step.variation if last_variation is None else last_variation
    current = find_variation(exercise, done_last)
    sets_needed = step.sets * (2 if _per_side(step, exercise) else 1)
    outcomes = [
        outcome
        for session in history_for(exercise.id, sessions)
        if (outcome := _outcome(session, exercise.id, mode, sets_needed)) is not None
    ]
    if not outcomes:
        start = _Step(step_index, exercise, mode, current, step.target, None)
        limits = _range(exercise, current, mode)
        return start.suggest(Change.START, Reason.NO_HISTORY, step.target, current, limits)

    latest = outcomes[0]
    rule = _Step(step_index, exercise, mode, current, latest.dose, latest.worst_pain)
    if latest.worst_pain is not None and latest.worst_pain >= PAIN_HIGH_MIN:
        return rule.easier(Reason.PAIN_HIGH)
    if len(outcomes) == 1:
        return rule.keep(Reason.ONE_SESSION)
    last_two = (latest, outcomes[1])
    if not any(o.completed for o in last_two):
        return rule.easier(Reason.MISSED_TWICE)
    if not all(o.completed for o in last_two):
        return rule.keep(Reason.NOT_COMPLETED)
    if any(pain > PAIN_OK_MAX for o in last_two for pain in o.pains):
        return rule.keep(Reason.PAIN_MODERATE)
    if any(felt is not FeltIn.GLUTES for o in last_two for felt in o.felt_in):
        return rule.keep(Reason.NOT_IN_GLUTES)
    if not all(o.pains and o.felt_in for o in last_two):
        return rule.keep(Reason.NOT_RATED)
    if outcomes[1].dose < latest.dose:
        return rule.keep(Reason.ONE_SESSION)  # just advanced: the new dose needs a second session
    return rule.ready()


def suggest_routine(
    routine: Routine,
    library: Library,
    sessions: Sequence[SessionRecord],
    last_variations: Mapping[str, str] | None = None,
) -> tuple[DoseSuggestion, ...]:
    """A suggestion for every step; `last_variations` maps exercise ids to the variation done."""
    chosen = last_variations or {}
    return tuple(
        suggest_step(index, step, library[step.exercise], sessions, chosen.get(step.exercise))
        for index, step in enumerate(routine.steps)
    )


def apply_suggestions(
    routine: Routine, suggestions: Sequence[DoseSuggestion], accepted: Collection[int]
) -> Routine:
    """The routine with accepted suggestions taken and the others at last time's dose.

    `accepted` holds step indexes. A step without a suggestion is left as it is.
    """
    steps = list(routine.steps)
    for suggestion in suggestions:
        index = suggestion.step_index
        if not 0 <= index < len(steps):
            raise ValueError(f"suggestion for step {index}, but the routine has {len(steps)}")
        step = steps[index]
        if step.exercise != suggestion.exercise_id or step.mode is not suggestion.mode:
            raise ValueError(
                f"suggestion for {suggestion.exercise_id!r} ({suggestion.mode.value}) does not "
                f"fit step {index}, {step.exercise!r} ({step.mode.value})"
            )
        taken = index in accepted
        dose = suggestion.suggested if taken else suggestion.previous
        variation = suggestion.variation if taken else suggestion.previous_variation
        changes = {_DOSE_FIELD[step.mode]: dose, "variation": variation}
        steps[index] = msgspec.structs.replace(step, **changes)
    return dataclasses.replace(routine, steps=tuple(steps))
