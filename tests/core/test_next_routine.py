"""The suggested routine: the medius pair alternates, but only with the equipment at hand."""

from __future__ import annotations

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Equipment, Library
from gluteapp.core.next_routine import routine_missing_equipment, suggest_routine_id
from gluteapp.core.routines import Routine, RoutineStep, builtin_routines

E = Equipment


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


@pytest.fixture(scope="module")
def routines(library: Library) -> list[Routine]:
    return builtin_routines(library)


def test_the_builtins_need_what_these_tables_assume(
    library: Library, routines: list[Routine]
) -> None:
    # If a routine's exercises change, the tables below stop meaning what they say.
    needs = {r.id: routine_missing_equipment(r, library, []) for r in routines}
    assert needs == {
        "glute-amnesia-wake-up": {E.MINI_BAND, E.WALL},
        "desk-break": {E.WALL},
        "gluteus-medius-a": {E.CHAIR},
        "gluteus-medius-b": {E.STEP},
        "gluteus-minimus-focus": {E.CHAIR, E.MINI_BAND},
        "atrophy-starter": {E.MINI_BAND},
        "warm-up-before-leg-day": {E.MINI_BAND, E.WALL},
        "standing-break": {E.WALL},
    }


@pytest.mark.parametrize(
    ("at_hand", "last_pair_id", "expected"),
    [
        # The pair alternates when both halves can be done.
        ({E.CHAIR, E.STEP}, None, "gluteus-medius-a"),
        ({E.CHAIR, E.STEP}, "gluteus-medius-a", "gluteus-medius-b"),
        ({E.CHAIR, E.STEP}, "gluteus-medius-b", "gluteus-medius-a"),
        # The default answer (wall, chair): A is fine, B needs a step, so after A the first
        # usable built-in comes instead (the wake-up needs a band; the desk break a wall).
        ({E.WALL, E.CHAIR}, None, "gluteus-medius-a"),
        ({E.WALL, E.CHAIR}, "gluteus-medius-a", "desk-break"),
        # No chair: A is out; with a band and a wall the wake-up routine is first in order.
        ({E.MINI_BAND, E.WALL}, "gluteus-medius-b", "glute-amnesia-wake-up"),
        # Only a step: nothing before B in BUILTIN_ORDER can be done, so B even after B.
        ({E.STEP}, "gluteus-medius-b", "gluteus-medius-b"),
        # A band and nothing else: the atrophy starter is the only routine that fits.
        ({E.MINI_BAND}, None, "atrophy-starter"),
        # Nothing at all (a mat is assumed): no routine can be done.
        (set(), None, None),
        (set(), "gluteus-medius-a", None),
        # Something that is not half of the pair counts as no pair history.
        ({E.CHAIR}, "desk-break", "gluteus-medius-a"),
    ],
)
def test_suggestion(
    library: Library,
    routines: list[Routine],
    at_hand: set[Equipment],
    last_pair_id: str | None,
    expected: str | None,
) -> None:
    assert suggest_routine_id(routines, library, at_hand, last_pair_id) == expected


def test_the_standing_break_is_never_the_suggestion(
    library: Library, routines: list[Routine]
) -> None:
    # A wall alone allows the desk break and the standing break; without the desk break in the
    # list the standing break would be next in order, but it belongs to the sitting reminder.
    without_desk_break = [r for r in routines if r.id != "desk-break"]
    assert suggest_routine_id(routines, library, {E.WALL}, None) == "desk-break"
    assert suggest_routine_id(without_desk_break, library, {E.WALL}, None) is None


def test_user_routines_are_not_fallbacks(library: Library, routines: list[Routine]) -> None:
    # Only the built-ins have a known order; a person's own routine is theirs to pick.
    mine = Routine("mine", "Mine", 5, (RoutineStep("glute-bridge", 1, reps=10),))
    assert routine_missing_equipment(mine, library, []) == frozenset()
    assert suggest_routine_id([*routines, mine], library, [], None) is None


def test_only_routines_in_the_list_are_suggested(library: Library, routines: list[Routine]) -> None:
    only_b = [r for r in routines if r.id == "gluteus-medius-b"]
    assert suggest_routine_id(only_b, library, {E.CHAIR, E.STEP}, None) == "gluteus-medius-b"
    assert suggest_routine_id([], library, set(Equipment), None) is None
