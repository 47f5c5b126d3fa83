"""Where each exercise was felt: the glute share over time, and exercises felt mostly elsewhere.

A rated set is one with an answer to "where did you feel it?", "nowhere" included: feeling it
nowhere is an answer, and it lowers the glute share. Unrated sets are left out, never counted as
glutes or as anything else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from datetime import date, tzinfo

from msgspec import Struct

from gluteapp.core.exercises import Equipment, Library
from gluteapp.core.history_records import SessionRecord
from gluteapp.core.records import FeltIn
from gluteapp.core.safety import same_muscle_alternatives
from gluteapp.core.stats import local_day

DEFAULT_WINDOW = 3
DEFAULT_MIN_RATED = 3

_ELSEWHERE = (FeltIn.LOWER_BACK, FeltIn.HAMSTRINGS)


class FeltShare(Struct, frozen=True):
    """Where one exercise's rated sets were felt in one session."""

    day: date
    exercise_id: str
    rated: int
    glutes: int
    lower_back: int
    hamstrings: int

    @property
    def glute_share(self) -> float | None:
        """Share (0-1) of the rated sets felt in the glutes; None when no set was rated."""
        return self.glutes / self.rated if self.rated else None


def _felt_counts(session: SessionRecord) -> dict[str, Counter[FeltIn]]:
    """Per exercise in the session (rated or not), how many of its sets were felt where."""
    counts: dict[str, Counter[FeltIn]] = {}
    for stored in session.sets:
        per_exercise = counts.setdefault(stored.exercise_id, Counter())
        if stored.felt_in is not None:
            per_exercise[stored.felt_in] += 1
    return counts


def felt_in_by_exercise(
    sessions: Iterable[SessionRecord], tz: tzinfo | None = None
) -> dict[str, list[FeltShare]]:
    """Per exercise, one point for each session that rated it, oldest first.

    Exercises appear in the order they were first rated.
    """
    shares: dict[str, list[FeltShare]] = {}
    for session in sorted(sessions, key=lambda s: s.started_at):
        day = local_day(session.started_at, tz)
        for exercise_id, counts in _felt_counts(session).items():
            rated = counts.total()
            if not rated:
                continue
            shares.setdefault(exercise_id, []).append(
                FeltShare(
                    day=day,
                    exercise_id=exercise_id,
                    rated=rated,
                    glutes=counts[FeltIn.GLUTES],
                    lower_back=counts[FeltIn.LOWER_BACK],
                    hamstrings=counts[FeltIn.HAMSTRINGS],
                )
            )
    return shares


class FeltElsewhere(Struct, frozen=True):
    """An exercise felt mostly in the lower back or hamstrings, with what to try instead."""

    exercise_id: str
    region: FeltIn
    share: float
    rated: int
    easier: str | None
    alternatives: tuple[str, ...]


def _recent_counts(sessions: Sequence[SessionRecord], window: int) -> dict[str, Counter[FeltIn]]:
    """Per exercise, the felt-in answers summed over the newest `window` sessions containing it."""
    totals: dict[str, Counter[FeltIn]] = {}
    sessions_seen: Counter[str] = Counter()
    for session in sorted(sessions, key=lambda s: s.started_at, reverse=True):
        for exercise_id, counts in _felt_counts(session).items():
            if sessions_seen[exercise_id] == window:
                continue
            sessions_seen[exercise_id] += 1
            totals.setdefault(exercise_id, Counter()).update(counts)
    return totals


def _elsewhere_share(counts: Counter[FeltIn]) -> float | None:
    rated = counts.total()
    if not rated:
        return None
    return sum(counts[region] for region in _ELSEWHERE) / rated


def felt_elsewhere(
    sessions: Sequence[SessionRecord],
    library: Library,
    at_hand: Collection[Equipment] | None = None,
    window: int = DEFAULT_WINDOW,
    min_rated: int = DEFAULT_MIN_RATED,
) -> list[FeltElsewhere]:
    """Exercises whose rated sets were mostly (more than half) felt in the lower back or
    hamstrings over the newest `window` sessions containing them, highest share first.

    An exercise needs at least `min_rated` rated sets in that window to be judged. Alternatives
    leave out every exercise whose own rated sets lean the same way, however few there are: with
    plenty of exercises for each muscle, there is no need to suggest one already felt in the back.
    `at_hand` None means the equipment is not known, so it does not narrow the alternatives.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    recent = _recent_counts(sessions, window)
    leaning = {
        exercise_id
        for exercise_id, counts in recent.items()
        if (share := _elsewhere_share(counts)) is not None and share > 0.5
    }
    found: list[tuple[float, int, int, FeltElsewhere]] = []
    order = {exercise_id: number for number, exercise_id in enumerate(library.ids)}
    for exercise_id in leaning:
        exercise = library.get(exercise_id)
        counts = recent[exercise_id]
        rated = counts.total()
        if exercise is None or rated < min_rated:
            continue
        share = _elsewhere_share(counts)
        assert share is not None, "a leaning exercise has rated sets"
        # On a tie the lower back wins: it is the region the cautions worry about more.
        region = (
            FeltIn.LOWER_BACK
            if counts[FeltIn.LOWER_BACK] >= counts[FeltIn.HAMSTRINGS]
            else FeltIn.HAMSTRINGS
        )
        finding = FeltElsewhere(
            exercise_id=exercise_id,
            region=region,
            share=share,
            rated=rated,
            easier=exercise.easier[0].name if exercise.easier else None,
            alternatives=same_muscle_alternatives(
                exercise, library, at_hand, {*leaning, exercise_id}),
        )
        found.append((-share, -rated, order[exercise_id], finding))
    found.sort(key=lambda item: item[:3])
    return [finding for *_, finding in found]
