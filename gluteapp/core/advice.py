"""Everything the coach has to say before a session, and the session the person's choices make.

Brings together the dose suggestions, the weaker side and where exercises were felt, for one
routine, so the screen before a session shows one consistent picture and stores what was chosen.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from msgspec import Struct, field
from msgspec.structs import replace as replace_step

from gluteapp.core.exercises import Equipment, Library
from gluteapp.core.felt import FeltElsewhere, felt_elsewhere
from gluteapp.core.history_records import SessionRecord
from gluteapp.core.progression import (
    Change,
    DoseSuggestion,
    apply_suggestions,
    suggest_routine,
)
from gluteapp.core.records import DoseChoice, Side
from gluteapp.core.routines import Routine
from gluteapp.core.sides import SideFinding, weaker_side

# Enough recent sessions to cover the last three of every exercise in an alternating A/B plan.
SESSIONS_NEEDED = 60


class SessionAdvice(Struct, frozen=True):
    """The coach's view of one routine today."""

    routine: Routine
    suggestions: tuple[DoseSuggestion, ...]
    side: SideFinding | None = None
    felt: Mapping[int, FeltElsewhere] = field(default_factory=dict)  # by step index
    extra_set_steps: tuple[int, ...] = ()  # per-side steps offered one extra set

    @property
    def worth_showing(self) -> bool:
        """Whether there is anything to decide or read before starting."""
        return (
            any(s.is_change for s in self.suggestions)
            or self.side is not None
            or bool(self.felt)
        )


def advise(
    routine: Routine,
    library: Library,
    sessions: Sequence[SessionRecord],
    last_variations: Mapping[str, str] | None = None,
    at_hand: Collection[Equipment] | None = None,
) -> SessionAdvice:
    """Suggestions for every step, the weaker side and the felt-elsewhere warnings."""
    suggestions = suggest_routine(routine, library, sessions, last_variations, at_hand)
    side = weaker_side(sessions)
    extra: tuple[int, ...] = ()
    if side is not None:
        # No extra work for an exercise that is being made easier (pain, or missed doses), and
        # none where today's version is done with both legs at once.
        extra = tuple(
            s.step_index for s in suggestions if s.today.per_side and s.change is not Change.EASIER
        )
    warnings = {w.exercise_id: w for w in felt_elsewhere(sessions, library, at_hand)}
    felt = {
        index: warnings[step.exercise]
        for index, step in enumerate(routine.steps)
        if step.exercise in warnings
    }
    return SessionAdvice(routine, suggestions, side, felt, extra)


def choose(
    advice: SessionAdvice, accepted: Collection[int], extra_sets: Collection[int] = ()
) -> tuple[Routine, list[DoseChoice]]:
    """The routine to run and what to store: accepted steps take the suggestion, others keep.

    `extra_sets` are step indices given one extra set for the weaker side; indices not offered
    are ignored.
    """
    routine = apply_suggestions(advice.routine, advice.suggestions, accepted)
    weaker = advice.side.weaker if advice.side is not None else None
    offered = set(advice.extra_set_steps)
    # Only where the dose that runs is done one side at a time (last time's may not be).
    one_sided = {
        s.step_index for s in advice.suggestions
        if (s.today if s.step_index in accepted else s.last).per_side
    }
    chosen_extra = {index for index in extra_sets if index in offered and index in one_sided}
    if weaker is not None and chosen_extra:
        steps = list(routine.steps)
        for index in chosen_extra:
            steps[index] = replace_step(steps[index], extra_side=weaker)
        routine = Routine(routine.id, routine.name, routine.prepare_s, tuple(steps),
                          routine.description)
    choices = [
        _choice(s, s.step_index in accepted, weaker if s.step_index in offered else None,
                weaker if s.step_index in chosen_extra else None)
        for s in advice.suggestions
    ]
    return routine, choices


def _choice(
    suggestion: DoseSuggestion, accepted: bool, offered_side: Side | None,
    chosen_side: Side | None,
) -> DoseChoice:
    # One unit column: the unit of the dose chosen, which is the dose that runs.
    return DoseChoice(
        step_index=suggestion.step_index,
        exercise_id=suggestion.exercise_id,
        unit=suggestion.unit if accepted else suggestion.previous_unit,
        previous=suggestion.previous,
        suggested=suggestion.suggested,
        chosen=suggestion.suggested if accepted else suggestion.previous,
        change=suggestion.change.value,
        reason=suggestion.reason.value,
        suggested_variation=suggestion.variation,
        chosen_variation=suggestion.variation if accepted else suggestion.previous_variation,
        suggested_extra_side=offered_side,
        chosen_extra_side=chosen_side,
    )


def safe_defaults(advice: SessionAdvice) -> set[int]:
    """Steps to accept when nobody is there to choose (a session started straight away).

    Only suggestions that make the dose easier are taken; everything else keeps last time's.
    """
    return {s.step_index for s in advice.suggestions if s.change is Change.EASIER}
