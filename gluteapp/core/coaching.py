"""What the coach reads from the history: the Plan's picture and the advice before a session."""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import date, datetime, timedelta
from typing import NamedTuple, Protocol

from msgspec.structs import replace

from gluteapp.core.advice import SESSIONS_NEEDED, SessionAdvice, advise
from gluteapp.core.exercises import Library
from gluteapp.core.felt import FeltElsewhere, felt_elsewhere
from gluteapp.core.history_records import SessionRecord
from gluteapp.core.next_routine import suggest_routine_id
from gluteapp.core.plan import CheckIn, WeekPlan, check_in, last_in_pair, week_plan
from gluteapp.core.routines import Routine, builtin_routines
from gluteapp.core.sides import SideFinding, weaker_side
from gluteapp.core.vocabulary import Equipment

log = logging.getLogger(__name__)

#: The Plan reads six weeks back: this week, the A/B turn and the latest check-in fortnight.
RECENT_DAYS = 42
#: The check-in compares the latest fortnight with the first three weeks of the history.
EARLY_DAYS = 21


class HistoryReader(Protocol):
    """The reads the coach needs; the GUI's history service and the store both provide them."""

    def list_sessions(self, since: datetime | None = None,
                      until: datetime | None = None) -> list[SessionRecord]: ...

    def latest_sessions(self, limit: int) -> list[SessionRecord]: ...

    def first_started_at(self) -> datetime | None: ...

    def last_variations(self) -> dict[str, str]: ...


class PlanPicture(NamedTuple):
    """Everything the Plan area shows."""

    plan: WeekPlan
    check_in: CheckIn | None
    side: SideFinding | None
    felt: list[FeltElsewhere]


def next_routine_id(library: Library, at_hand: Collection[Equipment],
                    latest: list[SessionRecord], today: date) -> str | None:
    """Next in the medius A/B turn (as the Plan counts it), or the first the equipment allows."""
    return suggest_routine_id(builtin_routines(library), library, at_hand,
                              last_in_pair(latest, today))


def plan_picture(history: HistoryReader, library: Library, at_hand: Collection[Equipment],
                 goal_per_week: int, today: date, now: datetime) -> PlanPicture:
    """The week against the goal, the check-in, the weaker side and the felt-elsewhere flags."""
    recent = history.list_sessions(since=now - timedelta(days=RECENT_DAYS))
    first = history.first_started_at()
    early = (history.list_sessions(since=first, until=first + timedelta(days=EARLY_DAYS))
             if first is not None else [])
    seen = {s.id for s in recent}
    sessions = [s for s in early if s.id not in seen] + recent
    latest = history.latest_sessions(SESSIONS_NEEDED)
    plan = week_plan(sessions, today, goal_per_week)
    # The same next routine as the Sessions list: the A/B turn, if the equipment allows.
    suggested = next_routine_id(library, at_hand, latest, today)
    if suggested is not None:
        plan = replace(plan, next_routine_id=suggested)
    return PlanPicture(plan, check_in(sessions, today), weaker_side(latest),
                       felt_elsewhere(latest, library, at_hand))


def advice_for(history: HistoryReader, routine: Routine, library: Library,
               at_hand: Collection[Equipment]) -> SessionAdvice:
    """The coach's suggestions for a routine from the recent history (reads may raise)."""
    advice = advise(routine, library, history.latest_sessions(SESSIONS_NEEDED),
                    history.last_variations(), at_hand)
    for s in advice.suggestions:
        log.info("dose suggested: %s %s %s%s -> %s%s (%s)", s.exercise_id, s.change.value,
                 s.previous, s.unit, s.suggested, s.unit,
                 s.reason.value + (f", variation {s.variation}" if s.variation else ""))
    if advice.side is not None:
        log.info("weaker side: %s, %.0f %% behind", advice.side.weaker.value,
                 advice.side.gap_percent)
    return advice
