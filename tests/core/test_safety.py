"""The one safety rule about pain, table by table: levels, verdicts and what each verdict does."""

from __future__ import annotations

from typing import Any

import pytest

from gluteapp.core import safety
from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Equipment, Library, Muscle
from gluteapp.core.safety import PainLevel, RulePoint, Verdict, pain_level, verdict


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


@pytest.mark.parametrize(
    ("pain", "level"),
    [
        (0, PainLevel.NONE),
        (1, PainLevel.MILD),
        (2, PainLevel.MILD),
        (3, PainLevel.MILD),
        (4, PainLevel.STOPS),
        (5, PainLevel.STOPS),
        (10, PainLevel.STOPS),
    ],
)
def test_pain_levels(pain: int, level: PainLevel) -> None:
    assert pain_level(pain) is level


@pytest.mark.parametrize("pain", [-1, 11])
def test_a_rating_off_the_scale_is_refused(pain: int) -> None:
    with pytest.raises(ValueError, match="pain is rated 0 to 10"):
        pain_level(pain)


def test_the_thresholds_are_the_ones_the_words_state() -> None:
    # The GUI's words and the pages say "4 out of 10" and "two sessions in a row"; a change
    # here must change them too (tests/gui/test_safety_words.py checks they match).
    assert (safety.STOP_PAIN_MIN, safety.PAIN_MAX, safety.PAIN_FREE_SESSIONS_TO_PROGRESS) == (
        4, 10, 2)


Sessions = list[list[int]]

VERDICTS: list[Any] = [
    pytest.param([], Verdict.MAY_PROGRESS, id="no-history"),
    pytest.param([[0, 0, 0], [0, 0]], Verdict.MAY_PROGRESS, id="no-pain-twice"),
    pytest.param([[], []], Verdict.MAY_PROGRESS, id="unrated-is-the-progressions-question"),
    pytest.param([[0, 1, 0], [0]], Verdict.HOLD, id="pain-1-holds"),
    pytest.param([[0], [0, 3]], Verdict.HOLD, id="mild-pain-in-the-older-session-holds"),
    pytest.param([[0], [4]], Verdict.HOLD, id="stopping-pain-only-in-the-older-session-holds"),
    pytest.param([[0], [0], [7]], Verdict.MAY_PROGRESS, id="only-the-newest-two-count"),
    pytest.param([[0, 4]], Verdict.EASIER, id="pain-4-stops-a-set"),
    pytest.param([[10], [0]], Verdict.EASIER, id="stopping-pain-in-the-newest"),
    pytest.param([[3, 6], [2]], Verdict.EASIER, id="stopping-after-mild"),
    pytest.param([[4], [5]], Verdict.ASK, id="stopping-pain-twice-in-a-row"),
    pytest.param([[0, 9], [4, 0], [0]], Verdict.ASK, id="twice-in-a-row-among-others"),
]


@pytest.mark.parametrize(("sessions", "expected"), VERDICTS)
def test_verdict(sessions: Sessions, expected: Verdict) -> None:
    assert verdict(sessions) is expected


def test_the_rule_has_six_points_in_order() -> None:
    assert list(RulePoint) == [
        RulePoint.ASK_FIRST,
        RulePoint.BURN_IS_NOT_PAIN,
        RulePoint.NO_PAIN_TO_PROGRESS,
        RulePoint.MILD_PAIN_HOLDS,
        RulePoint.STOP_THE_SET,
        RulePoint.ASK_A_PROFESSIONAL,
    ]
    assert safety.AFTER_IT_HURTS == (RulePoint.STOP_THE_SET, RulePoint.ASK_A_PROFESSIONAL)


# -- another exercise for the same muscle ---------------------------------------------------------


def test_alternatives_share_the_muscle_and_leave_out_the_exercise(library: Library) -> None:
    plank = library["side-plank"]
    found = safety.same_muscle_alternatives(plank, library, None, {plank.id})
    assert len(found) == safety.MAX_ALTERNATIVES
    assert plank.id not in found
    for other in found:
        assert Muscle.GLUTEUS_MEDIUS in library[other].primary_muscles


def test_alternatives_of_a_version_follow_its_own_muscles(library: Library) -> None:
    # The single-leg stand works the side glutes; its harder version is a maximus hinge.
    stand = library["single-leg-stand"]
    hinge = stand.harder[0]
    found = safety.same_muscle_alternatives(hinge, library, None, {stand.id})
    assert found[0] == "single-leg-rdl"  # both of its main muscles
    assert all(Muscle.GLUTEUS_MAXIMUS in library[o].primary_muscles
               or Muscle.GLUTEUS_MEDIUS in library[o].primary_muscles for o in found)


def test_alternatives_need_only_what_is_at_hand(library: Library) -> None:
    plank = library["side-plank"]
    found = safety.same_muscle_alternatives(plank, library, set(), {plank.id})
    assert found
    assert all(library[o].needs_no_equipment for o in found)
    with_band = safety.same_muscle_alternatives(plank, library, {Equipment.MINI_BAND}, {plank.id})
    assert any(Equipment.MINI_BAND in library[o].equipment for o in with_band)
