"""Training-day reminders: on which weekdays and at what time, and whether one is due now.

No clock is read here: every method takes `now`, a local aware datetime, so tests drive it by
hand. Times are compared as the wall clock shows them (18:00 is 18:00 in summer and winter, and
in the zone the person has travelled to). A reminder belongs to one local date; once it was
given, skipped or found trained, that date and every earlier one are settled, so a clock set
back, a second 02:30 when summer time ends, or a change of time zone never brings it twice. One
missed while the app was closed or the machine asleep comes once, on the same day, within
CATCH_UP of its time, or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from msgspec import Struct

if TYPE_CHECKING:  # the settings read the weekdays at start-up; the history comes later
    from gluteapp.core.history_records import SessionRecord

#: Weekday keys in the settings, Monday first (the index is `date.weekday()`).
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SNOOZE = timedelta(minutes=15)
#: How long after its time a reminder missed (app closed, machine asleep) still comes.
CATCH_UP = timedelta(hours=3)
DEFAULT_TIME = time(18, 0)


class TrainingDaysError(ValueError):
    """A weekday list or a time of day that cannot be read; `str()` names the fault."""


def parse_days(text: str) -> frozenset[int]:
    """"mon,thu" -> {0, 3}. Blank parts are ignored; an unknown day is refused."""
    days: set[int] = set()
    for part in text.split(","):
        key = part.strip().lower()
        if not key:
            continue
        if key not in WEEKDAYS:
            raise TrainingDaysError(
                f"{part.strip()!r} is not a weekday (use {', '.join(WEEKDAYS)})")
        days.add(WEEKDAYS.index(key))
    return frozenset(days)


def parse_time_of_day(text: str) -> time:
    """"18:30" -> 18:30. Only HH:MM on a 24-hour clock is accepted."""
    hours, sep, minutes = text.strip().partition(":")
    if (not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2
            or len(hours) > 2):
        raise TrainingDaysError(f"{text!r} is not a time of day as HH:MM, such as 18:30")
    if int(hours) > 23 or int(minutes) > 59:
        raise TrainingDaysError(f"{text!r} is not a time of day: hours 0-23, minutes 0-59")
    return time(int(hours), int(minutes))


def format_time_of_day(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def trained_on(sessions: Iterable[SessionRecord], day: date, now: datetime) -> bool:
    """Whether a session of the week's goal (sets recorded, not the standing break) began on
    the local `day`, in the zone of `now`."""
    from gluteapp.core.stats import counts_toward_goal, local_day

    return any(counts_toward_goal(s) and local_day(s.started_at, now.tzinfo) == day
               for s in sessions)


def _wall(now: datetime) -> datetime:
    """The time as the local wall clock shows it (naive), whatever the offset."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware local datetime")
    return now.replace(tzinfo=None)


class TrainingPlan(Struct, frozen=True):
    """The chosen weekdays (0 = Monday) and the time of the reminder."""

    days: frozenset[int] = frozenset()
    at: time = DEFAULT_TIME

    @classmethod
    def from_text(cls, days: str, at: str) -> TrainingPlan:
        return cls(parse_days(days), parse_time_of_day(at))

    @property
    def active(self) -> bool:
        return bool(self.days)

    def is_training_day(self, day: date) -> bool:
        return day.weekday() in self.days

    def due_at(self, day: date) -> datetime:
        """The reminder's wall-clock moment on `day` (naive, like `_wall`)."""
        return datetime.combine(day, self.at)


class Change(StrEnum):
    """What a look at the clock found."""

    DUE = "due"  # the reminder is to be shown now
    CLEARED = "cleared"  # the one shown is no longer wanted: a new day has begun


class TrainingSchedule(Struct):
    """Whether a training-day reminder is due, given the plan and what happened today."""

    plan: TrainingPlan
    #: The last local date whose reminder was given, skipped or found trained (kept across
    #: starts): nothing more comes for it, nor for any date before it.
    settled_through: date | None = None
    #: The date of the reminder being shown now, if one is.
    due_on: date | None = None
    #: Wall-clock moment a snoozed reminder comes back, and when the snooze was asked.
    snoozed_until: datetime | None = None
    snoozed_at: datetime | None = None
    #: A plan changed at this wall-clock moment brings no catch-up for a time already past.
    not_before: datetime | None = None
    in_session: bool = False

    @classmethod
    def restored(cls, plan: TrainingPlan, settled_through: date | None,
                 now: datetime) -> TrainingSchedule:
        """The schedule at start-up, from the date kept by the last run. A kept date after
        today means the clock was set back since (or was ahead then): today counts as settled,
        and the days after it remind again."""
        today = _wall(now).date()
        if settled_through is not None and settled_through > today:
            settled_through = today
        return cls(plan, settled_through=settled_through)

    @property
    def is_due(self) -> bool:
        return self.due_on is not None

    def check(self, now: datetime, trained: Callable[[date], bool]) -> Change | None:
        """Look at the time. `trained(day)` says whether a session was done on that local day;
        it is asked only when a reminder would otherwise come."""
        wall = _wall(now)
        today = wall.date()
        if self.due_on is not None:
            if self.due_on != today:  # left standing past midnight
                self.due_on = None
                return Change.CLEARED
            return None
        if self.in_session:
            return None
        if self.snoozed_until is not None:
            return self._check_snooze(wall, trained)
        if not self._may_remind(wall):
            return None
        self.settled_through = today
        if trained(today):
            return None
        self.due_on = today
        return Change.DUE

    def _may_remind(self, wall: datetime) -> bool:
        today = wall.date()
        if not self.plan.is_training_day(today):
            return False
        if self.settled_through is not None and today <= self.settled_through:
            return False
        due = self.plan.due_at(today)
        if not due <= wall < due + CATCH_UP:
            return False
        return self.not_before is None or due >= self.not_before

    def _check_snooze(self, wall: datetime, trained: Callable[[date], bool]) -> Change | None:
        assert self.snoozed_until is not None
        assert self.snoozed_at is not None
        if wall.date() != self.snoozed_at.date():
            self._end_snooze()  # a snooze does not outlive its day
            return None
        if wall < self.snoozed_at:
            # The clock went back: count the snooze again from now, not from the old moment.
            self.snoozed_at = wall
            self.snoozed_until = wall + SNOOZE
            return None
        if wall < self.snoozed_until:
            return None
        self._end_snooze()
        if trained(wall.date()):
            return None
        self.due_on = wall.date()
        return Change.DUE

    def _end_snooze(self) -> None:
        self.snoozed_until = None
        self.snoozed_at = None

    # --- the answers -----------------------------------------------------------------------
    def snooze(self, now: datetime) -> None:
        """Again in SNOOZE, the same day."""
        wall = _wall(now)
        self.due_on = None
        self.snoozed_at = wall
        self.snoozed_until = wall + SNOOZE

    def skip(self, now: datetime) -> None:
        """No reminder today, before or after its time."""
        today = _wall(now).date()
        self.due_on = None
        self._end_snooze()
        self.settled_through = max(self.settled_through or today, today)

    def answered(self, now: datetime) -> None:
        """Started (or dismissed): the reminder has done its job for today."""
        self.skip(now)

    def session_started(self) -> None:
        """A session began: the reminder being shown has done its job (it stays answered even
        if the session is left early); a snoozed one waits for the session's end."""
        self.in_session = True
        self.due_on = None

    def session_ended(self) -> None:
        self.in_session = False

    def set_plan(self, plan: TrainingPlan, now: datetime) -> None:
        """New days or time: from now on, and no catch-up for a time already past today."""
        self.plan = plan
        self.not_before = _wall(now)
        if not plan.active:
            self.due_on = None
            self._end_snooze()

    # --- for the timer and the menu --------------------------------------------------------
    def can_skip(self, now: datetime) -> bool:
        """Whether today still has a reminder to come (or one showing) that Skip would cancel."""
        wall = _wall(now)
        today = wall.date()
        if self.due_on is not None or self.snoozed_until is not None:
            return True
        if not self.plan.is_training_day(today):
            return False
        if self.settled_through is not None and today <= self.settled_through:
            return False
        return wall < self.plan.due_at(today) + CATCH_UP

    def next_look_s(self, now: datetime, longest_s: float) -> float:
        """Seconds until the next moment worth a look, at most `longest_s` (which notices a
        changed clock, midnight and a machine waking up)."""
        wall = _wall(now)
        moments: list[datetime] = []
        if self.snoozed_until is not None:
            moments.append(self.snoozed_until)
        elif self.plan.active:
            moments.append(self.plan.due_at(wall.date()))
        ahead = [(m - wall).total_seconds() for m in moments if m > wall]
        return min([longest_s, *ahead])
