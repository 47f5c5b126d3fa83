"""Training-day reminders on a hand-driven local clock: days, time, snooze, skip, gaps, DST."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from gluteapp.core.stats import STANDING_BREAK_ID
from gluteapp.core.training_days import (
    CATCH_UP,
    SNOOZE,
    Change,
    TrainingDaysError,
    TrainingPlan,
    TrainingSchedule,
    format_time_of_day,
    parse_days,
    parse_time_of_day,
    trained_on,
)
from tests.builders import session_record, stored_set

BERLIN = ZoneInfo("Europe/Berlin")
LONDON = ZoneInfo("Europe/London")
MON, THU, SUN = 0, 3, 6
#: Monday 30 November 2026 (winter time, +01:00 in Berlin).
MONDAY = date(2026, 11, 30)


def at(day: date, hour: int, minute: int = 0, tz: ZoneInfo = BERLIN) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=tz)


def later(now: datetime, **delta: float) -> datetime:
    """`now` moved on by real (elapsed) time, shown in its own zone: DST shifts the wall clock."""
    zone = now.tzinfo
    return (now.astimezone(UTC) + timedelta(**delta)).astimezone(zone)


def never(_day: date) -> bool:
    return False


def run(schedule: TrainingSchedule, start: datetime, end: datetime, *,
        trained: Callable[[date], bool] = never, answer: bool = True,
        step: timedelta = timedelta(minutes=1)) -> list[datetime]:
    """Look once every `step` of real time; the moments a reminder became due (each answered
    with Start at once, unless `answer` is False)."""
    fired: list[datetime] = []
    now = start
    while now < end:
        if schedule.check(now, trained) is Change.DUE:
            fired.append(now)
            if answer:
                schedule.answered(now)
        now = later(now, seconds=step.total_seconds())
    return fired


def mon_thu(hour: int = 18, minute: int = 0) -> TrainingSchedule:
    return TrainingSchedule(TrainingPlan(frozenset({MON, THU}), time(hour, minute)))


# --- the plan ---------------------------------------------------------------------------------


def test_days_and_time_read_from_the_settings_words() -> None:
    plan = TrainingPlan.from_text("mon, thu,", "07:05")
    assert plan.days == frozenset({MON, THU})
    assert plan.at == time(7, 5)
    assert format_time_of_day(plan.at) == "07:05"
    assert parse_days("") == frozenset()
    assert not TrainingPlan.from_text("", "18:00").active


@pytest.mark.parametrize(("text", "fault"), [
    ("18", "not a time of day as HH:MM"),
    ("18:5", "not a time of day as HH:MM"),
    ("6pm", "not a time of day as HH:MM"),
    ("-1:00", "not a time of day as HH:MM"),
    ("24:00", "hours 0-23, minutes 0-59"),
    ("12:60", "hours 0-23, minutes 0-59"),
])
def test_a_time_that_is_not_one_is_refused_by_name(text: str, fault: str) -> None:
    with pytest.raises(TrainingDaysError, match=fault) as error:
        parse_time_of_day(text)
    assert repr(text) in str(error.value)


def test_an_unknown_day_is_refused_by_name() -> None:
    with pytest.raises(TrainingDaysError, match=r"'Moonday' is not a weekday \(use mon, tue"):
        parse_days("mon,Moonday")


def test_now_must_carry_its_zone() -> None:
    with pytest.raises(ValueError, match="aware local datetime"):
        mon_thu().check(datetime(2026, 11, 30, 18), never)


# --- the days and the time --------------------------------------------------------------------


def test_fires_on_the_chosen_days_at_the_chosen_time_and_nowhere_else() -> None:
    schedule = mon_thu(18, 30)
    fired = run(schedule, at(MONDAY, 0), at(MONDAY + timedelta(days=14), 0))
    assert fired == [at(MONDAY + timedelta(days=d), 18, 30) for d in (0, 3, 7, 10)]


def test_no_plan_no_reminder() -> None:
    schedule = TrainingSchedule(TrainingPlan())
    assert run(schedule, at(MONDAY, 0), at(MONDAY + timedelta(days=7), 0)) == []


def test_a_reminder_left_unanswered_is_reported_once() -> None:
    schedule = mon_thu()
    fired = run(schedule, at(MONDAY, 17), at(MONDAY, 23), answer=False)
    assert fired == [at(MONDAY, 18)]
    assert schedule.is_due
    # Midnight takes it away; the next training day brings its own.
    assert schedule.check(at(MONDAY + timedelta(days=1), 0, 1), never) is Change.CLEARED
    assert not schedule.is_due


def test_a_restart_after_the_reminder_does_not_bring_it_again() -> None:
    first = mon_thu()
    assert run(first, at(MONDAY, 17), at(MONDAY, 18, 10)) == [at(MONDAY, 18)]
    # The app quits and starts again at 18:20, within the catch-up window: settled stays.
    again = TrainingSchedule(first.plan, settled_through=first.settled_through)
    assert run(again, at(MONDAY, 18, 20), at(MONDAY, 23)) == []


def test_a_kept_date_in_the_future_settles_today_only() -> None:
    """The clock was ahead when the app last ran (or was set back since): no reminder today,
    none lost for good either."""
    plan = mon_thu().plan
    schedule = TrainingSchedule.restored(plan, date(2031, 1, 1), at(MONDAY, 9))
    assert schedule.settled_through == MONDAY
    fired = run(schedule, at(MONDAY, 9), at(MONDAY + timedelta(days=4), 0))
    assert fired == [at(MONDAY + timedelta(days=3), 18)]
    kept = TrainingSchedule.restored(plan, MONDAY - timedelta(days=4), at(MONDAY, 9))
    assert kept.settled_through == MONDAY - timedelta(days=4)


# --- the answers ------------------------------------------------------------------------------


def test_snooze_comes_back_after_the_snooze() -> None:
    schedule = mon_thu()
    assert schedule.check(at(MONDAY, 18), never) is Change.DUE
    schedule.snooze(at(MONDAY, 18, 2))
    assert not schedule.is_due
    assert schedule.next_look_s(at(MONDAY, 18, 2), 3600.0) == SNOOZE.total_seconds()
    fired = run(schedule, at(MONDAY, 18, 2), at(MONDAY, 23), answer=False)
    assert fired == [at(MONDAY, 18, 17)]


def test_snooze_then_trained_meanwhile_stays_quiet() -> None:
    schedule = mon_thu()
    schedule.check(at(MONDAY, 18), never)
    schedule.snooze(at(MONDAY, 18))
    assert run(schedule, at(MONDAY, 18), at(MONDAY, 23), trained=lambda d: d == MONDAY) == []
    assert schedule.snoozed_until is None


def test_a_snooze_does_not_outlive_its_day() -> None:
    schedule = mon_thu(23, 55)
    schedule.check(at(MONDAY, 23, 55), never)
    schedule.snooze(at(MONDAY, 23, 55))
    assert run(schedule, at(MONDAY, 23, 56), at(MONDAY + timedelta(days=1), 2)) == []


def test_a_clock_set_back_during_a_snooze_counts_it_from_the_new_time() -> None:
    schedule = mon_thu()
    schedule.check(at(MONDAY, 18), never)
    schedule.snooze(at(MONDAY, 18, 5))
    # Set back an hour: the snooze does not become 75 minutes, nor fire at once.
    assert run(schedule, at(MONDAY, 17, 5), at(MONDAY, 17, 30), answer=False) == [
        at(MONDAY, 17, 20)]


def test_skip_before_the_time_cancels_today_only() -> None:
    schedule = mon_thu()
    assert schedule.can_skip(at(MONDAY, 9))
    schedule.skip(at(MONDAY, 9))
    assert not schedule.can_skip(at(MONDAY, 9))
    fired = run(schedule, at(MONDAY, 9), at(MONDAY + timedelta(days=4), 0))
    assert fired == [at(MONDAY + timedelta(days=3), 18)]


def test_skip_while_shown_or_snoozed_ends_the_day() -> None:
    schedule = mon_thu()
    schedule.check(at(MONDAY, 18), never)
    schedule.snooze(at(MONDAY, 18))
    assert schedule.can_skip(at(MONDAY, 18, 1))
    schedule.skip(at(MONDAY, 18, 1))
    assert run(schedule, at(MONDAY, 18, 1), at(MONDAY, 23, 59)) == []


def test_a_session_done_earlier_that_day_counts() -> None:
    schedule = mon_thu()
    asked: list[date] = []

    def trained(day: date) -> bool:
        asked.append(day)
        return day == MONDAY

    fired = run(schedule, at(MONDAY, 0), at(MONDAY + timedelta(days=4), 0), trained=trained)
    thursday = MONDAY + timedelta(days=3)
    assert fired == [at(thursday, 18)]
    assert asked == [MONDAY, thursday], "the history is asked only when a reminder would come"


def test_trained_today_on_thursday_still_leaves_monday() -> None:
    schedule = mon_thu()
    fired = run(schedule, at(MONDAY, 0), at(MONDAY + timedelta(days=4), 0),
                trained=lambda day: day.weekday() == THU)
    assert fired == [at(MONDAY, 18)]


def test_a_session_started_while_it_is_shown_answers_it() -> None:
    schedule = mon_thu()
    schedule.check(at(MONDAY, 18), never)
    asked: list[date] = []

    def trained(day: date) -> bool:
        asked.append(day)
        return False

    # While it stands, the history is not read on every look.
    assert run(schedule, at(MONDAY, 18, 1), at(MONDAY, 18, 30), trained=trained) == []
    assert asked == []
    assert schedule.is_due
    # Started from the Plan instead of the banner, then left early: answered all the same.
    schedule.session_started()
    assert not schedule.is_due
    schedule.session_ended()
    assert run(schedule, at(MONDAY, 18, 40), at(MONDAY, 23), trained=trained) == []


def test_a_session_running_at_the_time_defers_the_reminder_to_its_end() -> None:
    schedule = mon_thu()
    schedule.session_started()
    assert run(schedule, at(MONDAY, 17, 50), at(MONDAY, 18, 30)) == []
    schedule.session_ended()
    # The standing break (not a training session) ran over the time: the reminder follows it.
    assert schedule.check(at(MONDAY, 18, 30), never) is Change.DUE


def test_trained_on_counts_local_days_and_real_sessions() -> None:
    evening = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)  # 23:30 in Berlin, Monday
    now = at(MONDAY, 18)
    session = session_record(evening, stored_set(at=evening))
    assert trained_on([session], MONDAY, now)
    late = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)  # 00:30 on Tuesday in Berlin
    assert not trained_on([session_record(late, stored_set(at=late))], MONDAY, now)
    assert not trained_on([session_record(evening)], MONDAY, now), "no set recorded"
    assert not trained_on(
        [session_record(evening, stored_set(at=evening), routine_id=STANDING_BREAK_ID)],
        MONDAY, now), "the two-minute standing break is not a training session"


# --- gaps: the app closed, the machine asleep -------------------------------------------------


def test_after_days_closed_one_catch_up_only_within_the_window() -> None:
    schedule = mon_thu()
    # Closed from Sunday to Thursday 19:30: Monday's reminder is gone, Thursday's comes once.
    fired = run(schedule, at(MONDAY + timedelta(days=3), 19, 30),
                at(MONDAY + timedelta(days=4), 0))
    assert fired == [at(MONDAY + timedelta(days=3), 19, 30)]


def test_opened_after_the_window_nothing_that_day() -> None:
    schedule = mon_thu()
    opened = at(MONDAY, 18) + CATCH_UP
    assert run(schedule, opened, at(MONDAY + timedelta(days=1), 0)) == []
    assert not schedule.can_skip(opened)


def test_a_machine_asleep_over_the_time_reminds_once_when_it_wakes() -> None:
    schedule = mon_thu()
    assert schedule.check(at(MONDAY, 17), never) is None
    # Asleep at 17:00, awake at 20:59: one look, one reminder; then nothing more.
    assert schedule.check(at(MONDAY, 20, 59), never) is Change.DUE
    schedule.snooze(at(MONDAY, 20, 59))
    fired = run(schedule, at(MONDAY, 21), at(MONDAY, 23, 59))
    assert fired == [at(MONDAY, 21, 14)], "the snooze still comes back, once"


def test_asleep_past_the_window_nothing() -> None:
    schedule = mon_thu()
    assert schedule.check(at(MONDAY, 17), never) is None
    assert schedule.check(at(MONDAY, 21, 1), never) is None
    # A week asleep lands on the next Monday at 18:10: that Monday's reminder, once.
    fired = run(schedule, at(MONDAY + timedelta(days=7), 18, 10),
                at(MONDAY + timedelta(days=7), 23), step=timedelta(minutes=7))
    assert fired == [at(MONDAY + timedelta(days=7), 18, 10)]


# --- the clock and the zone -------------------------------------------------------------------


def test_on_the_day_summer_time_begins_the_time_stays_on_the_wall_clock() -> None:
    sunday = date(2026, 3, 29)  # Berlin: 02:00 jumps to 03:00
    schedule = TrainingSchedule(TrainingPlan(frozenset({SUN}), time(18, 0)))
    fired = run(schedule, at(sunday, 0), at(sunday, 23))
    assert fired == [at(sunday, 18)]
    assert fired[0].utcoffset() == timedelta(hours=2)


def test_a_time_that_summer_time_skips_comes_once_when_the_clock_jumps() -> None:
    sunday = date(2026, 3, 29)
    schedule = TrainingSchedule(TrainingPlan(frozenset({SUN}), time(2, 30)))
    fired = run(schedule, at(sunday, 0), at(sunday, 23))
    assert [(f.hour, f.minute) for f in fired] == [(3, 0)]


def test_a_time_that_winter_time_repeats_comes_only_the_first_time() -> None:
    sunday = date(2026, 10, 25)  # Berlin: 03:00 goes back to 02:00, 02:30 happens twice
    schedule = TrainingSchedule(TrainingPlan(frozenset({SUN}), time(2, 30)))
    fired = run(schedule, at(sunday, 0), at(sunday, 23))
    assert [(f.hour, f.minute, f.utcoffset()) for f in fired] == [
        (2, 30, timedelta(hours=2))]
    # The repeated hour is walked through: 25 hours from midnight to midnight.
    assert later(at(sunday, 0), hours=25).date() == sunday + timedelta(days=1)


def test_a_clock_set_back_after_the_reminder_does_not_bring_it_twice() -> None:
    schedule = mon_thu()
    assert run(schedule, at(MONDAY, 17, 59), at(MONDAY, 18, 1)) == [at(MONDAY, 18)]
    assert run(schedule, at(MONDAY, 16), at(MONDAY, 20)) == [], "set back two hours"
    # Set back to Sunday, then walked forward over Monday 18:00 again.
    assert run(schedule, at(MONDAY - timedelta(days=1), 20), at(MONDAY, 20)) == []


def test_a_clock_set_back_before_the_time_still_reminds_once() -> None:
    schedule = mon_thu()
    assert run(schedule, at(MONDAY, 17, 30), at(MONDAY, 17, 50)) == []
    assert run(schedule, at(MONDAY, 16), at(MONDAY, 19)) == [at(MONDAY, 18)]


def test_a_change_of_time_zone_does_not_bring_it_twice() -> None:
    schedule = mon_thu()
    assert run(schedule, at(MONDAY, 17, 59), at(MONDAY, 18, 1)) == [at(MONDAY, 18)]
    # Flown to London: 17:01 there, and 18:00 comes again on the wall clock.
    in_london = later(at(MONDAY, 18, 1), minutes=0).astimezone(LONDON)
    assert in_london.hour == 17
    assert run(schedule, in_london, at(MONDAY, 23, tz=LONDON)) == []
    # On Thursday, London's 18:00 is the time.
    thursday = MONDAY + timedelta(days=3)
    assert run(schedule, at(thursday, 12, tz=LONDON), at(thursday, 23, tz=LONDON)) == [
        at(thursday, 18, tz=LONDON)]


def test_a_plan_changed_after_its_time_brings_no_catch_up_today() -> None:
    schedule = TrainingSchedule(TrainingPlan())
    schedule.set_plan(TrainingPlan(frozenset({MON}), time(18, 0)), at(MONDAY, 19))
    assert run(schedule, at(MONDAY, 19), at(MONDAY + timedelta(days=8), 0)) == [
        at(MONDAY + timedelta(days=7), 18)]


def test_a_plan_changed_before_its_time_reminds_today() -> None:
    schedule = TrainingSchedule(TrainingPlan())
    schedule.set_plan(TrainingPlan(frozenset({MON}), time(18, 0)), at(MONDAY, 17))
    assert run(schedule, at(MONDAY, 17), at(MONDAY, 23)) == [at(MONDAY, 18)]


def test_the_next_look_lands_on_the_time() -> None:
    schedule = mon_thu()
    assert schedule.next_look_s(at(MONDAY, 17, 59), 600.0) == 60.0
    assert schedule.next_look_s(at(MONDAY, 12), 600.0) == 600.0
    assert schedule.next_look_s(at(MONDAY, 18, 1), 600.0) == 600.0
