"""The weaker side: left against right over the last few sessions, for per-side coaching.

A session's left/right ratio compares each side's mean result per set (seconds held, or reps) for
every exercise done on both sides, and combines the exercises by geometric mean so that a long
hold does not outweigh a short rep count. Means rather than totals are compared because the app
offers the weaker side one extra set: with totals, that extra set would make the weaker side look
stronger the very next session, and a session ended between the left and the right set would
tilt the balance too. A side cut short (`core.stats.partial`) is left out: stopped halfway, it
would make the stronger side look weaker.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import fmean

from msgspec import Struct

from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import Side
from gluteapp.core.stats import Measure, achieved, partial

DEFAULT_WINDOW = 3
DEFAULT_THRESHOLD = 0.10

# Ratios are floating point: without a little slack, a gap of exactly 10 % could read as 10.0000001.
_SLACK = 1e-9


class SideFinding(Struct, frozen=True):
    """One side stayed behind the other by more than the threshold in every session looked at."""

    weaker: Side
    exercise_ids: tuple[str, ...]
    ratios: tuple[float, ...]

    @property
    def gap_percent(self) -> float:
        """How far the weaker side stays behind, on average: 18.0 for ratios averaging 0.82."""
        return (1.0 - fmean(self.ratios)) * 100.0 if self.ratios else 0.0


def _has_result(stored: StoredSet) -> bool:
    return stored.achieved_hold_s is not None or stored.achieved_reps is not None


def _exercise_ratios(session: SessionRecord) -> dict[str, float]:
    """left/right per exercise with a measured set on each side, in order of first appearance.

    An exercise is measured in seconds if any of its sets has a hold result, else in reps. A side
    whose mean is zero cannot be put in a ratio, so such an exercise is left out.
    """
    by_exercise: dict[str, list[StoredSet]] = {}
    for stored in session.sets:
        if stored.side is not Side.BOTH and _has_result(stored) and not partial(stored):
            by_exercise.setdefault(stored.exercise_id, []).append(stored)
    ratios: dict[str, float] = {}
    for exercise_id, sets in by_exercise.items():
        measure = (
            Measure.HOLD if any(st.achieved_hold_s is not None for st in sets) else Measure.REPS
        )
        left, right = (
            [v for st in sets if st.side is side and (v := achieved(st, measure)) is not None]
            for side in (Side.LEFT, Side.RIGHT)
        )
        if not left or not right:
            continue
        left_mean, right_mean = fmean(left), fmean(right)
        if left_mean > 0 and right_mean > 0:
            ratios[exercise_id] = left_mean / right_mean
    return ratios


def _geometric_mean(values: Sequence[float]) -> float:
    if len(values) == 1:
        return values[0]
    return math.exp(fmean(math.log(v) for v in values))


def session_side_ratio(session: SessionRecord) -> float | None:
    """left/right for one session (below 1: left weaker); None when no exercise has both sides."""
    ratios = _exercise_ratios(session)
    return _geometric_mean(list(ratios.values())) if ratios else None


def _weaker_in(ratio: float, threshold: float) -> Side | None:
    """Which side is behind by more than `threshold` in a left/right ratio, if either."""
    if ratio < 1.0 - threshold - _SLACK:
        return Side.LEFT
    if 1.0 / ratio < 1.0 - threshold - _SLACK:
        return Side.RIGHT
    return None


def _as_weaker_over_stronger(ratio: float, weaker: Side) -> float:
    return ratio if weaker is Side.LEFT else 1.0 / ratio


def weaker_side(
    sessions: Sequence[SessionRecord],
    window: int = DEFAULT_WINDOW,
    threshold: float = DEFAULT_THRESHOLD,
) -> SideFinding | None:
    """The side that stayed behind by more than `threshold` in each of the newest `window`
    sessions with a left/right result; None with fewer such sessions, mixed sides or a small gap.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
    newest_first = sorted(sessions, key=lambda s: s.started_at, reverse=True)
    used: list[tuple[float, dict[str, float]]] = []
    for session in newest_first:
        per_exercise = _exercise_ratios(session)
        if per_exercise:
            used.append((_geometric_mean(list(per_exercise.values())), per_exercise))
            if len(used) == window:
                break
    if len(used) < window:
        return None
    sides = {_weaker_in(ratio, threshold) for ratio, _ in used}
    if len(sides) != 1:
        return None
    weaker = sides.pop()
    if weaker is None:
        return None

    # Exercises that show the same gap every time they were done, in at least two of the sessions.
    seen: dict[str, list[float]] = {}
    for _, per_exercise in used:
        for exercise_id, ratio in per_exercise.items():
            seen.setdefault(exercise_id, []).append(ratio)
    gaps = {
        exercise_id: fmean(_as_weaker_over_stronger(r, weaker) for r in ratios)
        for exercise_id, ratios in seen.items()
        if len(ratios) >= 2 and all(_weaker_in(r, threshold) is weaker for r in ratios)
    }
    return SideFinding(
        weaker=weaker,
        exercise_ids=tuple(sorted(gaps, key=lambda exercise_id: (gaps[exercise_id], exercise_id))),
        ratios=tuple(_as_weaker_over_stronger(ratio, weaker) for ratio, _ in used),
    )
