"""Which exercises a person can do with the equipment they said they have at home."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from gluteapp.core.vocabulary import Equipment

if TYPE_CHECKING:  # the settings read the answer at start-up, before the library is loaded
    from gluteapp.core.exercises import Exercise

#: Everyone has a floor; a towel does as a mat, so a mat is never what rules an exercise out.
ALWAYS_AT_HAND: frozenset[Equipment] = frozenset({Equipment.MAT})

#: Having one thing means having another: a chair back is the "handrail" of balance exercises.
IMPLIED: dict[Equipment, frozenset[Equipment]] = {
    Equipment.CHAIR: frozenset({Equipment.HANDRAIL}),
}


def parse_equipment(text: str) -> frozenset[Equipment]:
    """The stored answer ('wall,chair') as enum members; unknown ids are ignored."""
    known = {e.value for e in Equipment}
    return frozenset(Equipment(part.strip()) for part in text.split(",") if part.strip() in known)


def expand_at_hand(at_hand: Iterable[Equipment]) -> frozenset[Equipment]:
    """What is at hand, plus the mat, plus what the items imply."""
    items = set(at_hand) | ALWAYS_AT_HAND
    for item in list(items):
        items |= IMPLIED.get(item, frozenset())
    return frozenset(items)


def missing_equipment(exercise: Exercise, at_hand: Iterable[Equipment]) -> frozenset[Equipment]:
    """What the exercise needs that is not at hand (empty when it can be done)."""
    return frozenset(exercise.equipment) - expand_at_hand(at_hand)


def is_usable(exercise: Exercise, at_hand: Iterable[Equipment]) -> bool:
    return not missing_equipment(exercise, at_hand)


def usable_exercises(
    exercises: Iterable[Exercise], at_hand: Iterable[Equipment]
) -> list[Exercise]:
    """The exercises, in their order, that need nothing beyond what is at hand (and a mat)."""
    have = expand_at_hand(at_hand)
    return [e for e in exercises if not frozenset(e.equipment) - have]
