"""The one safety rule about pain: its thresholds and its points, which every screen follows.

The rule, as the disclaimer, the first run, the "It hurts" panel, the rating and the coaching
all say it (their words live in `gluteapp.gui.words`; core holds only the numbers and the points):

- Before starting, anyone with pain now, a medical condition, or an injury or operation behind
  them asks a doctor or physiotherapist first; a physiotherapist's programme comes first.
- Effort, a burn or tiredness in the working muscles is not pain: it is rated 0.
- A dose moves up only after two sessions in a row done in full with no pain at all.
- Mild pain (1 to 3 of 10) that stays the same and settles soon: the set may be finished, but
  the dose stays where it is.
- Pain of 4 or more, pain that grows, sharp pain, or pain in a joint or the lower back stops the
  set (the "It hurts" button). Next time: the easier version, or another exercise for the same
  muscle.
- Pain that spreads down a leg, comes with numbness, tingling or dizziness, has not settled by the
  next day, or keeps coming back (pain that stops a set in two sessions in a row): stop, and ask a
  doctor or physiotherapist before training again.

Why these lines: the Fitness Volt guide expects a burn in working glutes, warns that doing too
much too soon causes problems, and says to see a doctor if an exercise causes pain; the Move
Therapy disclaimer asks anyone with existing pain to see their physician first. The numbers are
ours, set where a careful physiotherapist would set them for home exercise without supervision.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from msgspec import Struct

from gluteapp.core.equipment import is_usable

if TYPE_CHECKING:
    from gluteapp.core.exercises import Equipment, Exercise, Library, Variation

#: The top of the pain scale the rating uses (0 is no pain).
PAIN_MAX = 10
#: The lowest pain that stops a set; below it (and above 0) is mild pain, which holds the dose.
STOP_PAIN_MIN = 4
#: Sessions in a row, done in full without pain, before a dose moves up.
PAIN_FREE_SESSIONS_TO_PROGRESS = 2
#: Other exercises for the same muscle offered after pain (or felt elsewhere), at most.
MAX_ALTERNATIVES = 3


class PainLevel(StrEnum):
    """How much one rated pain (0 to 10) counts under the rule."""

    NONE = "none"  # 0: no pain; a burn or effort in the muscles is rated 0
    MILD = "mild"  # 1 to STOP_PAIN_MIN - 1: the set may be finished; the dose stays
    STOPS = "stops"  # STOP_PAIN_MIN and above: the set stops


class Verdict(StrEnum):
    """What the rule says about the next session of an exercise, from the pain rated in it."""

    MAY_PROGRESS = "may_progress"  # no pain: the dose may move up (if everything else allows)
    HOLD = "hold"  # some pain: the dose stays where it is
    EASIER = "easier"  # pain stopped a set: the easier version, or another exercise
    ASK = "ask"  # pain stopped a set twice in a row: stop it and ask a professional


class RulePoint(StrEnum):
    """The points of the rule, in the order every page and panel says them."""

    ASK_FIRST = "ask_first"
    BURN_IS_NOT_PAIN = "burn_is_not_pain"
    NO_PAIN_TO_PROGRESS = "no_pain_to_progress"
    MILD_PAIN_HOLDS = "mild_pain_holds"
    STOP_THE_SET = "stop_the_set"
    ASK_A_PROFESSIONAL = "ask_a_professional"


#: What the "It hurts" panel says, in this order, around the exercise's own advice.
AFTER_IT_HURTS = (RulePoint.STOP_THE_SET, RulePoint.ASK_A_PROFESSIONAL)


def pain_level(pain: int) -> PainLevel:
    """The level of one pain rating; a rating outside 0-10 is a bug, not a level."""
    if not 0 <= pain <= PAIN_MAX:
        raise ValueError(f"pain is rated 0 to {PAIN_MAX}, not {pain}")
    if pain == 0:
        return PainLevel.NONE
    return PainLevel.MILD if pain < STOP_PAIN_MIN else PainLevel.STOPS


def stops_a_set(pains: Iterable[int]) -> bool:
    """Whether any of these ratings is pain that stops a set."""
    return any(pain_level(pain) is PainLevel.STOPS for pain in pains)


def verdict(sessions: Sequence[Sequence[int]]) -> Verdict:
    """The rule's word on an exercise, from the pains rated in its sessions, newest first.

    Only the newest two sessions count. Pain that stopped a set in the newest one asks for the
    easier version; in both of them, for a professional. Otherwise any pain in either holds the
    dose. Unrated sessions (no ratings) count as no pain here: whether a dose may move up without
    ratings is the progression's question, not this rule's.
    """
    recent = [list(pains) for pains in sessions[:PAIN_FREE_SESSIONS_TO_PROGRESS]]
    if recent and stops_a_set(recent[0]):
        if len(recent) > 1 and stops_a_set(recent[1]):
            return Verdict.ASK
        return Verdict.EASIER
    if any(pain_level(pain) is not PainLevel.NONE for pains in recent for pain in pains):
        return Verdict.HOLD
    return Verdict.MAY_PROGRESS


def same_muscle_alternatives(
    exercise: Exercise | Variation,
    library: Library,
    at_hand: Collection[Equipment] | None,
    avoid: Collection[str],
) -> tuple[str, ...]:
    """Other exercises for the same primary muscles: most muscles in common, then library order.

    `exercise` may be a version, whose own muscles count; `avoid` holds ids left out, the
    exercise the version belongs to among them.
    """
    muscles = set(exercise.primary_muscles)
    ranked: list[tuple[int, int, str]] = []
    for order, other in enumerate(library):
        if other is exercise or other.id in avoid:
            continue
        shared = len(muscles & set(other.primary_muscles))
        if not shared:
            continue
        if at_hand is not None and not is_usable(other, at_hand):
            continue
        ranked.append((-shared, order, other.id))
    ranked.sort()
    return tuple(other_id for _, _, other_id in ranked[:MAX_ALTERNATIVES])


class AfterPain(Struct, frozen=True):
    """What the rule offers for next time after pain stopped a set of an exercise or version."""

    easier: Variation | None  # the easier version to try, when there is one
    back_to_exercise: bool  # a harder version hurt: the exercise itself is the easier step
    alternatives: tuple[str, ...]  # other exercises for the same muscle


def after_pain(
    exercise: Exercise,
    doing: Variation | None,
    library: Library,
    at_hand: Collection[Equipment] | None = None,
) -> AfterPain:
    """The easier version of what hurt, and other exercises for the muscles it works."""
    others = same_muscle_alternatives(doing or exercise, library, at_hand, {exercise.id})
    if doing is None:
        return AfterPain(exercise.easier[0] if exercise.easier else None, False, others)
    if doing not in exercise.easier:
        return AfterPain(None, True, others)
    return AfterPain(None, False, others)  # already the easier version: other exercises
