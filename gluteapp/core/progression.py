"""Suggest each routine step's next dose from how the last two sessions of it went.

The coaching rule, under the one safety rule of `core.safety`: advance the hold time, reps or
steps (within the range, then to a harder version) only when the dose was completed in each of
the last two sessions with no pain at all and the work felt in the glutes. Any pain holds the
dose. Pain that stopped a set (rated `safety.STOP_PAIN_MIN` or more) in the latest session
suggests the easier version, with other exercises for the same muscle; in both of the last two,
the same, and asking a professional before going on. Two sessions in which the dose could not be
completed also suggest the easier version.

Every version is an exercise in its own right: a suggestion is a `StepDose`, the exercise or one
of its versions with that one's own kind of dose (hold, reps, tempo or steps), range, sets and
sides. Moving to a version of another kind starts at the low end of that version's range; to one
of the same kind, the dose carries over, held to the new range. A version with more or fewer
sets than the exercise adds or removes as many from the step's sets.

How the history is read, per exercise, over the sessions holding a set of it (newest first):

- Only sets whose target is of the kind done last time count: `target_hold_s` for a hold,
  `target_reps` for reps, tempo and steps. A session with none of them is no history here.
- A set recorded twice (redone after going back) counts once, as its later record.
- The dose done is the largest target among those sets.
- A session is completed when it has at least the sets of what was done (twice that when done
  one side at a time) and every one reached its target; a hold may fall 0.5 s short. A set
  without an achieved value counts as reached: the engine fills it in for timed work, and a
  self-paced set marked Done without a correction was done as prescribed.
- Advancing also needs both sessions at the latest dose: right after an advance only one session
  at the new dose exists, so the answer is to keep it (reason ONE_SESSION).

The history does not record which version was done. That comes from `last_variation` (the GUI
remembers what the person chose), or else from the step's own `variation` field, which
`apply_suggestions` writes. While on a harder version, being at the top of the range keeps the
dose (the harder versions are alternatives, not a ladder), and trouble goes back to the main
exercise. While on an easier version, going well returns to the main exercise, and trouble
lowers the dose.

Everything here is pure and deterministic: no clock, no storage.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from enum import StrEnum

import msgspec
import msgspec.structs
from msgspec import Struct

from gluteapp.core import safety
from gluteapp.core.exercises import Dosage, Equipment, Exercise, Library, Mode, Range, Variation
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn, Side
from gluteapp.core.routines import DOSE_KEY, Routine, RoutineStep, find_variation
from gluteapp.core.safety import same_muscle_alternatives

HOLD_TOLERANCE_S = 0.5  # a hold this much short of its target still reached it
DOSE_STEP = {Mode.HOLD: 5, Mode.REPS: 2, Mode.TEMPO: 2, Mode.STEPS: 2}
MAX_STEP_SETS = 20  # the most sets a routine step allows

_UNITS = {Mode.HOLD: "s", Mode.REPS: "reps", Mode.TEMPO: "reps", Mode.STEPS: "steps"}


class Change(StrEnum):
    START = "start"  # no history for this exercise: the routine's dose
    KEEP = "keep"  # hold the dose
    ADVANCE = "advance"  # more seconds, reps or steps, within the range
    HARDER = "harder"  # at the top of the range: the first harder version
    EASIER = "easier"  # the first easier version, or a lower dose when there is none
    STANDARD = "standard"  # last time was an easier version and it went well: the main exercise


class Reason(StrEnum):
    """Why; the values are stored with each choice, so old names keep their old values."""

    NO_HISTORY = "no_history"
    ONE_SESSION = "one_session"  # only one session (at this dose) so far: keep
    READY = "ready"  # completed twice with no pain, felt in the glutes
    PAIN_STOPPED = "pain_high"  # pain that stops a set in the latest session: easier
    PAIN_AGAIN = "pain_again"  # ...in each of the last two: easier, and ask a professional
    IT_HURT = "it_hurt"  # "It hurts" was pressed in the latest session: easier
    MISSED_TWICE = "missed_twice"  # dose not completed in the last two sessions
    NOT_COMPLETED = "not_completed"  # not completed in one of the last two: keep
    SOME_PAIN = "pain_moderate"  # any pain in the last two sessions: keep
    NOT_IN_GLUTES = "not_in_glutes"  # a rated set felt elsewhere: keep
    NOT_RATED = "not_rated"  # no pain or no felt-in rating in one of the two sessions: keep
    TOP_OF_RANGE = "top_of_range"  # at the range's top and no harder version: keep
    NO_RANGE = "no_range"  # the step's kind of dose is not the exercise's own: keep

    @property
    def is_pain(self) -> bool:
        """Pain stopped a set: the person is offered another exercise for the same muscle."""
        return self in (Reason.PAIN_STOPPED, Reason.PAIN_AGAIN, Reason.IT_HURT)


class StepDose(Struct, frozen=True):
    """One way to do a routine step: the exercise or one of its versions, as a step runs it."""

    variation: str | None  # the version's name; None for the exercise itself
    mode: Mode  # its kind of dose
    amount: int  # seconds, reps or steps
    sets: int
    per_side: bool
    tempo: str | None = None  # "2-0-2" for tempo reps, else None

    @property
    def unit(self) -> str:
        return _UNITS[self.mode]


class DoseSuggestion(Struct, frozen=True):
    """Today's dose for one routine step, next to the one done last time, and why."""

    step_index: int
    exercise_id: str
    last: StepDose  # done last time; the routine's dose when there is no history
    today: StepDose  # suggested for today
    change: Change
    reason: Reason
    worst_pain: int | None = None  # worst pain in the latest session, when rated
    low: int | None = None  # the range of today's dose, when its kind has one
    high: int | None = None
    alternatives: tuple[str, ...] = ()  # other exercises for the same muscle, after pain

    @property
    def mode(self) -> Mode:
        return self.today.mode

    @property
    def previous(self) -> int:
        return self.last.amount

    @property
    def suggested(self) -> int:
        return self.today.amount

    @property
    def variation(self) -> str | None:
        return self.today.variation

    @property
    def previous_variation(self) -> str | None:
        return self.last.variation

    @property
    def unit(self) -> str:
        return self.today.unit

    @property
    def previous_unit(self) -> str:
        return self.last.unit

    @property
    def is_change(self) -> bool:
        return self.today != self.last

    @property
    def ask_a_professional(self) -> bool:
        """Pain stopped a set twice in a row: the rule says to ask before going on."""
        return self.reason is Reason.PAIN_AGAIN


# -- reading the history --------------------------------------------------------------------------


class _Outcome(Struct, frozen=True):
    """How one session went for one exercise."""

    dose: int
    completed: bool
    pains: tuple[int, ...]
    felt_in: tuple[FeltIn, ...]
    hurt: bool = False  # "It hurts" was pressed during it

    @property
    def worst_pain(self) -> int | None:
        return max(self.pains) if self.pains else None

    @property
    def pain_signals(self) -> tuple[int, ...]:
        """The pains rated, and an "It hurts" as pain that stops a set (the safety rule's)."""
        return (*self.pains, safety.STOP_PAIN_MIN) if self.hurt else self.pains


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
        hurt=any(hurt.exercise_id == exercise_id for hurt in session.hurts),
    )


# -- what a step runs -----------------------------------------------------------------------------


def _dosage(exercise: Exercise, variation: Variation | None) -> Dosage:
    return variation.dosage if variation is not None else exercise.dosage


def _own_range(dosage: Dosage, mode: Mode) -> Range | None:
    """The dosage's range for a dose of this kind; None when it is of another kind."""
    if mode is Mode.HOLD:
        return dosage.hold_s
    if mode is Mode.STEPS:
        return dosage.steps
    return dosage.reps


def _clamp(value: int, limits: Range | None) -> int:
    return value if limits is None else max(limits.min, min(limits.max, value))


def _is_easier(exercise: Exercise, variation: Variation | None) -> bool:
    return variation is not None and variation in exercise.easier


def _is_harder(exercise: Exercise, variation: Variation | None) -> bool:
    return variation is not None and not _is_easier(exercise, variation)


class _Doses(Struct, frozen=True):
    """Turns the exercise or one of its versions into the StepDose one routine step runs."""

    step: RoutineStep
    exercise: Exercise

    def is_own(self, variation: Variation | None) -> bool:
        """Whether this is what the step itself names, whose kind, sets and sides it sets."""
        return (variation.name if variation is not None else None) == self.step.variation

    def mode(self, variation: Variation | None) -> Mode:
        if self.is_own(variation):
            return self.step.mode
        return variation.mode if variation is not None else self.exercise.mode

    def sets(self, variation: Variation | None) -> int:
        """The step's sets, plus as many as this one has more than what the step names."""
        own = _dosage(self.exercise, find_variation(self.exercise, self.step.variation))
        more = _dosage(self.exercise, variation).sets - own.sets
        return max(1, min(MAX_STEP_SETS, self.step.sets + more))

    def per_side(self, variation: Variation | None) -> bool:
        if self.is_own(variation) and self.step.per_side is not None:
            return self.step.per_side
        return (variation or self.exercise).per_side

    def range(self, variation: Variation | None) -> Range | None:
        return _own_range(_dosage(self.exercise, variation), self.mode(variation))

    def dose(self, variation: Variation | None, amount: int) -> StepDose:
        mode = self.mode(variation)
        if mode is not Mode.TEMPO:
            tempo = None
        elif self.is_own(variation):
            tempo = self.step.tempo
        else:
            tempo = _dosage(self.exercise, variation).tempo
        return StepDose(
            variation=variation.name if variation is not None else None,
            mode=mode,
            amount=amount,
            sets=self.sets(variation),
            per_side=self.per_side(variation),
            tempo=tempo,
        )

    def start_amount(self, variation: Variation | None) -> int:
        """The step's own dose for what it names; the low end of the range for anything else."""
        limits = self.range(variation)
        if self.is_own(variation) or limits is None:
            return self.step.target
        return limits.min


# -- the rule -------------------------------------------------------------------------------------


class _Step(Struct, frozen=True):
    """What every suggestion for one step shares."""

    step_index: int
    doses: _Doses
    current: Variation | None  # the version done last time
    last: StepDose
    worst_pain: int | None

    @property
    def exercise(self) -> Exercise:
        return self.doses.exercise

    def suggest(self, change: Change, reason: Reason, today: StepDose,
                limits: Range | None) -> DoseSuggestion:
        return DoseSuggestion(
            step_index=self.step_index,
            exercise_id=self.exercise.id,
            last=self.last,
            today=today,
            change=change,
            reason=reason,
            worst_pain=self.worst_pain,
            low=limits.min if limits is not None else None,
            high=limits.max if limits is not None else None,
        )

    def keep(self, reason: Reason) -> DoseSuggestion:
        return self.suggest(Change.KEEP, reason, self.last, self.doses.range(self.current))

    def move(self, change: Change, reason: Reason, to: Variation | None) -> DoseSuggestion:
        """To another version (or the exercise): the dose carries over if it is of the same
        kind, held to the new range; a dose of another kind starts at that range's low end."""
        limits = self.doses.range(to)
        same_kind = DOSE_KEY[self.doses.mode(to)] == DOSE_KEY[self.last.mode]
        amount = _clamp(self.last.amount, limits) if same_kind else self.doses.start_amount(to)
        return self.suggest(change, reason, self.doses.dose(to, amount), limits)

    def easier(self, reason: Reason) -> DoseSuggestion:
        if self.current is None and self.exercise.easier:
            return self.move(Change.EASIER, reason, self.exercise.easier[0])
        if _is_harder(self.exercise, self.current):
            return self.move(Change.EASIER, reason, None)
        # No easier version left: a smaller dose of the same one, not below the range's low.
        limits = self.doses.range(self.current)
        previous = self.last.amount
        floor = min(limits.min, previous) if limits is not None else 1
        lower = max(floor, previous - DOSE_STEP[self.last.mode])
        today = msgspec.structs.replace(self.last, amount=lower)
        return self.suggest(Change.EASIER, reason, today, limits)

    def ready(self) -> DoseSuggestion:
        exercise, previous = self.exercise, self.last.amount
        if _is_easier(exercise, self.current):
            return self.move(Change.STANDARD, Reason.READY, None)
        limits = self.doses.range(self.current)
        if limits is None:
            return self.keep(Reason.NO_RANGE)
        if previous < limits.max:
            more = limits.min if previous < limits.min else previous + DOSE_STEP[self.last.mode]
            today = msgspec.structs.replace(self.last, amount=min(more, limits.max))
            return self.suggest(Change.ADVANCE, Reason.READY, today, limits)
        if self.current is not None or not exercise.harder:
            return self.keep(Reason.TOP_OF_RANGE)
        return self.move(Change.HARDER, Reason.READY, exercise.harder[0])


def suggest_step(
    step_index: int,
    step: RoutineStep,
    exercise: Exercise,
    sessions: Sequence[SessionRecord],
    last_variation: str | None = None,
) -> DoseSuggestion:
    """Today's dose for one step.

    `last_variation` names the version done last time; None falls back to the step's own
    `variation`, and "" (or a name the exercise no longer has) means the main exercise.
    """
    doses = _Doses(step, exercise)
    done_last = step.variation if last_variation is None else last_variation
    current = find_variation(exercise, done_last)
    mode = doses.mode(current)
    sets_needed = doses.sets(current) * (2 if doses.per_side(current) else 1)
    outcomes = [
        outcome
        for session in history_for(exercise.id, sessions)
        if (outcome := _outcome(session, exercise.id, mode, sets_needed)) is not None
    ]
    if not outcomes:
        first = doses.dose(current, doses.start_amount(current))
        start = _Step(step_index, doses, current, first, None)
        return start.suggest(Change.START, Reason.NO_HISTORY, first, doses.range(current))

    latest = outcomes[0]
    rule = _Step(step_index, doses, current, doses.dose(current, latest.dose), latest.worst_pain)
    verdict = safety.verdict([outcome.pain_signals for outcome in outcomes])
    if verdict is safety.Verdict.ASK:
        return rule.easier(Reason.PAIN_AGAIN)
    if verdict is safety.Verdict.EASIER:
        return rule.easier(Reason.IT_HURT if latest.hurt else Reason.PAIN_STOPPED)
    if len(outcomes) == 1:
        return rule.keep(Reason.ONE_SESSION)
    last_two = (latest, outcomes[1])
    if not any(o.completed for o in last_two):
        return rule.easier(Reason.MISSED_TWICE)
    if not all(o.completed for o in last_two):
        return rule.keep(Reason.NOT_COMPLETED)
    if verdict is safety.Verdict.HOLD:
        return rule.keep(Reason.SOME_PAIN)
    if any(felt is not FeltIn.GLUTES for o in last_two for felt in o.felt_in):
        return rule.keep(Reason.NOT_IN_GLUTES)
    if not all(o.pains and o.felt_in for o in last_two):
        return rule.keep(Reason.NOT_RATED)
    if outcomes[1].dose < latest.dose:
        return rule.keep(Reason.ONE_SESSION)  # just advanced: the new dose needs a second session
    return rule.ready()


def _with_alternatives(
    suggestion: DoseSuggestion,
    exercise: Exercise,
    library: Library,
    at_hand: Collection[Equipment] | None,
) -> DoseSuggestion:
    """After pain, other exercises for the muscles of what hurt, as the safety rule offers."""
    if not suggestion.reason.is_pain:
        return suggestion
    hurt = find_variation(exercise, suggestion.previous_variation) or exercise
    others = same_muscle_alternatives(hurt, library, at_hand, {exercise.id})
    return msgspec.structs.replace(suggestion, alternatives=others)


def suggest_routine(
    routine: Routine,
    library: Library,
    sessions: Sequence[SessionRecord],
    last_variations: Mapping[str, str] | None = None,
    at_hand: Collection[Equipment] | None = None,
) -> tuple[DoseSuggestion, ...]:
    """A suggestion for every step; `last_variations` maps exercise ids to the version done.

    `at_hand` (None: not known) narrows the other exercises offered after pain.
    """
    chosen = last_variations or {}
    found = []
    for index, step in enumerate(routine.steps):
        exercise = library[step.exercise]
        suggestion = suggest_step(index, step, exercise, sessions, chosen.get(step.exercise))
        found.append(_with_alternatives(suggestion, exercise, library, at_hand))
    return tuple(found)


def written(step: RoutineStep, dose: StepDose) -> RoutineStep:
    """The step doing this dose: its kind, amount, tempo, sets and version.

    A new version's own sides replace the step's setting, and an extra set on one side goes
    when the dose is no longer done one side at a time.
    """
    changes: dict[str, object] = {
        "hold_s": None,
        "reps": None,
        "steps_count": None,
        DOSE_KEY[dose.mode]: dose.amount,
        "tempo": dose.tempo,
        "sets": dose.sets,
        "variation": dose.variation,
    }
    if dose.variation != step.variation:
        changes["per_side"] = None
    if not dose.per_side:
        changes["extra_side"] = None
    return msgspec.structs.replace(step, **changes)


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
        if step.exercise != suggestion.exercise_id:
            raise ValueError(
                f"suggestion for {suggestion.exercise_id!r} does not fit step {index}, "
                f"{step.exercise!r}"
            )
        dose = suggestion.today if index in accepted else suggestion.last
        steps[index] = written(step, dose)
    return msgspec.structs.replace(routine, steps=tuple(steps))
