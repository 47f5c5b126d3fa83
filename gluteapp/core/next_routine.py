"""Which routine to suggest next, given what was done last and the equipment at hand."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gluteapp.core.equipment import expand_at_hand
from gluteapp.core.exercises import Equipment, Library
from gluteapp.core.routines import BUILTIN_ORDER, MEDIUS_PAIR, Routine, next_in_pair

#: The two-minute break the sitting reminder offers; never proposed as the next session.
NEVER_SUGGESTED = frozenset({"standing-break"})


def routine_missing_equipment(
    routine: Routine, library: Library, at_hand: Iterable[Equipment]
) -> frozenset[Equipment]:
    """What any exercise of the routine needs that is not at hand (empty when all can be done)."""
    have = expand_at_hand(at_hand)
    needed: set[Equipment] = set()
    for exercise_id in routine.exercise_ids:
        exercise = library.get(exercise_id)
        if exercise is not None:
            needed.update(exercise.equipment)
    return frozenset(needed - have)


def suggest_routine_id(
    routines: Sequence[Routine],
    library: Library,
    at_hand: Iterable[Equipment],
    last_pair_id: str | None,
) -> str | None:
    """The routine to suggest next: one that can be done with what the person has at home.

    The medius pair alternates (A, then B, then A again; A when neither was done). When the
    one due needs something not at hand, the first built-in in BUILTIN_ORDER that needs nothing
    missing is suggested instead. None when no routine in `routines` can be done.
    """
    have = expand_at_hand(at_hand)
    by_id: dict[str, Routine] = {}
    for routine in routines:
        by_id.setdefault(routine.id, routine)

    def doable(routine_id: str) -> bool:
        routine = by_id.get(routine_id)
        return routine is not None and not routine_missing_equipment(routine, library, have)

    due = next_in_pair(last_pair_id if last_pair_id in MEDIUS_PAIR else None)
    if doable(due):
        return due
    return next((rid for rid in BUILTIN_ORDER if rid not in NEVER_SUGGESTED and doable(rid)), None)
