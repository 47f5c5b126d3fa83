"""Exact event timelines of the session engine, driven by a fake clock."""

from __future__ import annotations

import pytest

from gluteapp.core.engine import (
    Event,
    PhaseKind,
    RepPosition,
    Session,
    SessionFinished,
    SetCompleted,
    SubPhase,
)
from gluteapp.core.records import SessionStatus, Side
from tests.core.test_engine_helpers import FakeClock, make_session, timeline

HOLD_TWO_SETS = """
[[steps]]
exercise = "bridge"
sets = 2
hold_s = 6
rest_s = 4
"""

STAND_ONE_SET = """
[[steps]]
exercise = "stand"
sets = 1
hold_s = 4
"""


def run_to_end(session: Session, clock: FakeClock, step: float = 1.0) -> list[Event]:
    events: list[Event] = []
    for _ in range(10_000):
        if session.is_finished:
            return events
        events += session.tick(clock.advance(step))
    raise AssertionError("the session did not finish")


def sets_of(events: list[Event]) -> list[SetCompleted]:
    return [e for e in events if isinstance(e, SetCompleted)]


# --- every phase kind ----------------------------------------------------------------------------


def test_prepare_hold_and_rest_between_sets() -> None:
    clock = FakeClock()
    session = make_session(HOLD_TWO_SETS, prepare_s=3)
    events = session.start(clock.now) + run_to_end(session, clock)
    assert timeline(events) == [
        (0, "start prepare bridge"),
        (0, "next bridge"),
        (1, "countdown 2"),
        (2, "countdown 1"),
        (3, "start hold bridge 1/2 both"),
        (6, "halfway"),
        (6, "countdown 3"),
        (7, "countdown 2"),
        (8, "countdown 1"),
        (9, "set bridge 1 both held 6/6s"),
        (9, "start rest_set bridge 1/2"),
        (9, "rest 4s"),
        (10, "countdown 3"),
        (11, "countdown 2"),
        (12, "countdown 1"),
        (13, "rest ended"),
        (13, "start hold bridge 2/2 both"),
        (16, "halfway"),
        (16, "countdown 3"),
        (17, "countdown 2"),
        (18, "countdown 1"),
        (19, "set bridge 2 both held 6/6s"),
        (19, "finished completed"),
    ]
    assert session.status is SessionStatus.COMPLETED
    assert session.phase.kind is PhaseKind.DONE


def test_long_hold_announces_the_last_ten_seconds() -> None:
    clock = FakeClock()
    session = make_session('[[steps]]\nexercise = "bridge"\nsets = 1\nhold_s = 24\n', prepare_s=1)
    events = session.start(clock.now) + run_to_end(session, clock, step=5)
    assert timeline(events) == [
        (0, "start prepare bridge"),
        (0, "next bridge"),
        (1, "start hold bridge 1/1 both"),
        (13, "halfway"),
        (15, "last 10"),
        (22, "countdown 3"),
        (23, "countdown 2"),
        (24, "countdown 1"),
        (25, "set bridge 1 both held 24/24s"),
        (25, "finished completed"),
    ]


def test_rest_between_exercises_announces_the_next_one() -> None:
    clock = FakeClock()
    session = make_session(
        """
[[steps]]
exercise = "bridge"
sets = 1
hold_s = 2
rest_after_s = 25

[[steps]]
exercise = "pump"
sets = 1
reps = 12
""",
        prepare_s=1,
    )
    events = session.start(clock.now) + session.tick(clock.advance(40))
    assert timeline(events) == [
        (0, "start prepare bridge"),
        (0, "next bridge"),
        (1, "start hold bridge 1/1 both"),
        (2, "halfway"),
        (2, "countdown 1"),
        (3, "set bridge 1 both held 2/2s"),
        (3, "start rest_exercise pump"),
        (3, "rest 25s before next exercise"),
        (3, "next pump"),
        (18, "last 10"),
        (25, "countdown 3"),
        (26, "countdown 2"),
        (27, "countdown 1"),
        (28, "rest ended"),
        (28, "start reps pump 1/1 both"),
    ]
    assert session.label(clock.now) == "Do 12 reps"
    assert session.upcoming_exercise_id is None


def test_self_paced_reps_wait_for_done_and_record_the_achieved_count() -> None:
    clock = FakeClock()
    session = make_session('[[steps]]\nexercise = "pump"\nsets = 2\nreps = 15\nrest_s = 3\n', 1)
    session.start(clock.now)
    session.tick(clock.advance(1))
    assert session.phase.kind is PhaseKind.REPS
    assert session.tick(clock.advance(3600)) == []  # no deadline: it waits for the person
    assert session.remaining_s(clock.now) is None
    assert session.elapsed_s(clock.now) == 3600
    events = session.done(clock.advance(1), achieved=12)
    events += session.tick(clock.advance(3))
    events += session.done(clock.advance(20))
    assert timeline(events) == [
        (3602, "set pump 1 both 12/15 reps cut short"),
        (3602, "start rest_set pump 1/2"),
        (3602, "rest 3s"),
        (3603, "countdown 2"),
        (3604, "countdown 1"),
        (3605, "rest ended"),
        (3605, "start reps pump 2/2 both"),
        (3625, "set pump 2 both 15/15 reps"),
        (3625, "finished completed"),
    ]
    first, second = sets_of(events)
    assert (first.started_at_mono, first.ended_at_mono, first.active_s) == (101, 3702, 3601)
    assert (second.achieved_reps, second.cut_short, second.active_s) == (15, False, 20)


def test_steps_are_self_paced_like_reps() -> None:
    clock = FakeClock()
    session = make_session('[[steps]]\nexercise = "walk"\nsets = 1\nsteps_count = 10\n', 1)
    events = session.start(clock.now) + session.tick(clock.advance(5))
    assert session.phase.kind is PhaseKind.STEPS
    assert session.label(clock.now) == "Take 10 steps"
    events += session.done(clock.advance(5), achieved=14)
    assert timeline(events)[-3:] == [
        (1, "start steps walk 1/1 both"),
        (10, "set walk 1 both 14/10 reps"),
        (10, "finished completed"),
    ]


# --- sides ---------------------------------------------------------------------------------------


def test_per_side_sets_run_left_then_right_with_a_switch() -> None:
    clock = FakeClock()
    session = make_session(STAND_ONE_SET, prepare_s=1)
    events = session.start(clock.now) + run_to_end(session, clock)
    assert timeline(events) == [
        (0, "start prepare stand"),
        (0, "next stand"),
        (1, "start hold stand 1/1 left"),
        (2, "countdown 3"),
        (3, "halfway"),
        (3, "countdown 2"),  # a 4 s hold: halfway and 2 s left coincide
        (4, "countdown 1"),
        (5, "set stand 1 left held 4/4s"),
        (5, "start switch_sides stand 1/1 right"),
        (5, "switch to right"),
        (7, "countdown 3"),
        (8, "countdown 2"),
        (9, "countdown 1"),
        (10, "start hold stand 1/1 right"),
        (11, "countdown 3"),
        (12, "halfway"),
        (12, "countdown 2"),
        (13, "countdown 1"),
        (14, "set stand 1 right held 4/4s"),
        (14, "finished completed"),
    ]


def test_weaker_side_goes_first_in_every_set() -> None:
    clock = FakeClock()
    session = make_session(
        '[[steps]]\nexercise = "stand"\nsets = 2\nhold_s = 2\nrest_s = 2\n',
        prepare_s=1,
        weaker_side=Side.RIGHT,
        switch_sides_s=3,
    )
    events = session.start(clock.now) + run_to_end(session, clock)
    starts = [(t, text) for t, text in timeline(events) if text.startswith(("start", "set"))]
    assert starts == [
        (0, "start prepare stand"),
        (1, "start hold stand 1/2 right"),
        (3, "set stand 1 right held 2/2s"),
        (3, "start switch_sides stand 1/2 left"),
        (6, "start hold stand 1/2 left"),
        (8, "set stand 1 left held 2/2s"),
        (8, "start rest_set stand 1/2"),
        (10, "start hold stand 2/2 right"),
        (12, "set stand 2 right held 2/2s"),
        (12, "start switch_sides stand 2/2 left"),
        (15, "start hold stand 2/2 left"),
        (17, "set stand 2 left held 2/2s"),
    ]


def test_switch_labels_name_the_leg_or_the_side() -> None:
    leg = make_session(STAND_ONE_SET)
    plank = make_session('[[steps]]\nexercise = "plank"\nsets = 1\nhold_s = 5\n')
    assert [p.label for p in leg.timeline if p.kind is PhaseKind.SWITCH_SIDES] == [
        "Switch to your right leg"
    ]
    plank_weaker_right = make_session(
        '[[steps]]\nexercise = "plank"\nsets = 1\nhold_s = 5\n', weaker_side=Side.RIGHT
    )
    assert [p.label for p in plank.timeline if p.kind is PhaseKind.SWITCH_SIDES] == [
        "Switch to your right side"
    ]
    assert [p.label for p in plank_weaker_right.timeline if p.kind is PhaseKind.SWITCH_SIDES] == [
        "Switch to your left side"
    ]


def test_a_step_may_override_per_side() -> None:
    session = make_session(
        '[[steps]]\nexercise = "stand"\nsets = 1\nhold_s = 5\nper_side = false\n'
    )
    assert [p.side for p in session.timeline if p.kind.is_work] == [Side.BOTH]


# --- tempo ---------------------------------------------------------------------------------------


def test_tempo_2_0_2_skips_the_empty_pause() -> None:
    clock = FakeClock()
    session = make_session(
        '[[steps]]\nexercise = "squat"\nsets = 1\nreps = 3\ntempo = "2-0-2"\nper_side = false\n',
        prepare_s=2,
    )
    events = session.start(clock.now) + run_to_end(session, clock, step=0.5)
    assert timeline(events) == [
        (0, "start prepare squat"),
        (0, "next squat"),
        (1, "countdown 1"),
        (2, "start tempo squat 1/1 both"),
        (2, "down 1/3 2s"),
        (4, "up 1/3 2s"),
        (6, "down 2/3 2s"),
        (8, "up 2/3 2s"),
        (10, "down 3/3 2s"),
        (12, "up 3/3 2s"),
        (14, "set squat 1 both 3/3 reps"),
        (14, "finished completed"),
    ]


def test_tempo_3_1_1_per_side() -> None:
    clock = FakeClock()
    session = make_session(
        '[[steps]]\nexercise = "squat"\nsets = 1\nreps = 2\ntempo = "3-1-1"\n', prepare_s=1
    )
    events = session.start(clock.now) + run_to_end(session, clock, step=0.25)
    assert timeline(events) == [
        (0, "start prepare squat"),
        (0, "next squat"),
        (1, "start tempo squat 1/1 left"),
        (1, "down 1/2 3s"),
        (4, "pause 1/2 1s"),
        (5, "up 1/2 1s"),
        (6, "down 2/2 3s"),
        (9, "pause 2/2 1s"),
        (10, "up 2/2 1s"),
        (11, "set squat 1 left 2/2 reps"),
        (11, "start switch_sides squat 1/1 right"),
        (11, "switch to right"),
        (13, "countdown 3"),
        (14, "countdown 2"),
        (15, "countdown 1"),
        (16, "start tempo squat 1/1 right"),
        (16, "down 1/2 3s"),
        (19, "pause 1/2 1s"),
        (20, "up 1/2 1s"),
        (21, "down 2/2 3s"),
        (24, "pause 2/2 1s"),
        (25, "up 2/2 1s"),
        (26, "set squat 1 right 2/2 reps"),
        (26, "finished completed"),
    ]


def test_rep_position_and_label_follow_the_clock_not_the_ticks() -> None:
    clock = FakeClock()
    session = make_session(
        '[[steps]]\nexercise = "squat"\nsets = 1\nreps = 2\ntempo = "3-1-1"\n', prepare_s=1
    )
    session.start(clock.now)
    session.tick(clock.advance(1))  # the tempo set starts at 101
    assert session.rep_position(101.5) == RepPosition(1, 2, SubPhase.DOWN, 2.5)
    assert session.label(104.25) == "Hold"
    assert session.rep_position(104.25) == RepPosition(1, 2, SubPhase.PAUSE, 0.75)
    assert session.label(105.5) == "Up"
    assert session.rep_position(106.0) == RepPosition(2, 2, SubPhase.DOWN, 3.0)
    assert session.remaining_s(106.0) == 5.0
    assert session.label(101.0) == "Down"


# --- pause and resume ----------------------------------------------------------------------------


def test_pause_stores_the_remaining_time_and_resume_shifts_every_cue() -> None:
    clock = FakeClock()
    session = make_session('[[steps]]\nexercise = "bridge"\nsets = 1\nhold_s = 10\n', prepare_s=1)
    events = session.start(clock.now) + session.tick(clock.advance(5))  # 4 s into the hold
    assert session.pause(clock.now) == []
    assert session.is_paused
    assert session.remaining_s(clock.now) == 6
    assert session.tick(clock.advance(100)) == []
    assert session.remaining_s(clock.now) == 6
    assert session.resume(clock.now) == []
    assert session.remaining_s(clock.advance(2)) == 4
    events += session.tick(clock.now)
    events += run_to_end(session, clock)
    assert timeline(events) == [
        (0, "start prepare bridge"),
        (0, "next bridge"),
        (1, "start hold bridge 1/1 both"),
        (106, "halfway"),  # due 1 s after resuming at 105
        (108, "countdown 3"),
        (109, "countdown 2"),
        (110, "countdown 1"),
        (111, "set bridge 1 both held 10/10s"),
        (111, "finished completed"),
    ]
    (done,) = sets_of(events)
    assert (done.started_at_mono, done.ended_at_mono, done.active_s) == (101, 211, 10)


def test_pausing_a_tempo_set_mid_rep_resumes_the_same_sub_phase() -> None:
    clock = FakeClock()
    session = make_session(
        '[[steps]]\nexercise = "squat"\nsets = 1\nreps = 1\ntempo = "3-1-1"\nper_side = false\n',
        prepare_s=1,
    )
    session.start(clock.now)
    session.tick(clock.advance(2))  # 1 s into "down"
    session.pause(clock.now)
    clock.advance(30)
    assert session.label(clock.now) == "Down"
    session.resume(clock.now)
    events = session.tick(clock.advance(5))
    assert timeline(events) == [
        (34, "pause 1/1 1s"),
        (35, "up 1/1 1s"),
        (36, "set squat 1 both 1/1 reps"),
        (36, "finished completed"),
    ]


def test_actions_while_paused_move_on_but_stay_paused() -> None:
    clock = FakeClock()
    session = make_session(HOLD_TWO_SETS, prepare_s=3)
    session.start(clock.now)
    session.pause(clock.advance(1))
    events = session.skip(clock.advance(1))
    assert timeline(events) == [(2, "start hold bridge 1/2 both")]
    assert session.is_paused
    assert session.remaining_s(clock.advance(50)) == 6
    session.resume(clock.now)
    assert session.remaining_s(clock.advance(1)) == 5


# --- skip and back -------------------------------------------------------------------------------


def test_skip_a_hold_counts_what_was_held_and_skip_a_rest_records_nothing() -> None:
    clock = FakeClock()
    session = make_session(HOLD_TWO_SETS, prepare_s=3)
    events = session.start(clock.now) + session.tick(clock.advance(3))
    events += session.skip(clock.advance(2.5))  # 2.5 s into a 6 s hold
    events += session.skip(clock.advance(0.5))  # 0.5 s into a 4 s rest
    assert timeline(events)[-6:] == [
        (3, "start hold bridge 1/2 both"),
        (5.5, "set bridge 1 both held 2.5/6s cut short"),
        (5.5, "start rest_set bridge 1/2"),
        (5.5, "rest 4s"),
        (6, "rest ended"),
        (6, "start hold bridge 2/2 both"),
    ]
    assert [s.achieved_hold_s for s in session.completed_sets] == [2.5]


def test_a_hold_skipped_at_once_and_a_skipped_self_paced_set_are_not_sets() -> None:
    clock = FakeClock()
    session = make_session(
        """
[[steps]]
exercise = "bridge"
sets = 1
hold_s = 6
rest_after_s = 3

[[steps]]
exercise = "pump"
sets = 1
reps = 10
""",
        prepare_s=1,
    )
    session.start(clock.now)
    session.tick(clock.advance(1))
    session.skip(clock.advance(0.5))  # less than a second of the hold
    session.skip(clock.now)  # the rest
    assert session.phase.kind is PhaseKind.REPS
    events = session.skip(clock.advance(30))
    assert timeline(events) == [(31.5, "finished completed")]
    assert session.completed_sets == ()


def test_back_restarts_the_phase_and_a_quick_second_back_goes_to_the_previous() -> None:
    clock = FakeClock()
    session = make_session(HOLD_TWO_SETS, prepare_s=3)
    session.start(clock.now)
    session.tick(clock.advance(5))  # hold 1 started at 103, now 105
    events = session.back(clock.now)
    assert timeline(events) == [(5, "start hold bridge 1/2 both")]
    assert session.remaining_s(clock.now) == 6
    assert session.completed_sets == ()  # restarting a hold discards it; it will be redone

    events = session.back(clock.advance(1.5))  # within 2 s of the restart
    assert timeline(events) == [(6.5, "start prepare bridge"), (6.5, "next bridge")]
    events = session.back(clock.advance(0.5))  # at the first phase: restart it
    assert timeline(events) == [(7, "start prepare bridge"), (7, "next bridge")]
    events = session.tick(clock.advance(3))
    assert timeline(events) == [
        (8, "countdown 2"),
        (9, "countdown 1"),
        (10, "start hold bridge 1/2 both"),
    ]


def test_back_from_a_rest_redoes_the_set_just_finished() -> None:
    clock = FakeClock()
    session = make_session(HOLD_TWO_SETS, prepare_s=3)
    session.start(clock.now)
    session.tick(clock.advance(9.5))  # hold 1 ended at 109; rest since then
    events = session.back(clock.now)
    assert timeline(events) == [(9.5, "start hold bridge 1/2 both")]
    events = session.tick(clock.advance(6))
    assert timeline(events)[-3:] == [
        (15.5, "set bridge 1 both held 6/6s"),
        (15.5, "start rest_set bridge 1/2"),
        (15.5, "rest 4s"),
    ]
    assert [(s.set_number, s.ended_at_mono) for s in session.completed_sets] == [
        (1, 109),
        (1, 115.5),
    ]


# --- rest length ---------------------------------------------------------------------------------


def test_extend_rest_by_15_s_and_hear_the_countdown_again() -> None:
    clock = FakeClock()
    session = make_session(HOLD_TWO_SETS, prepare_s=3)
    session.start(clock.now)
    events = session.tick(clock.advance(11.5))  # rest 109-113, countdown 3 and 2 heard
    assert timeline(events)[-2:] == [(10, "countdown 3"), (11, "countdown 2")]
    assert session.extend_rest(clock.now, 15) == []
    assert session.phase_duration_s == 19
    assert session.remaining_s(clock.now) == 16.5
    events = session.tick(clock.advance(20))
    assert timeline(events)[:5] == [
        (25, "countdown 3"),
        (26, "countdown 2"),
        (27, "countdown 1"),
        (28, "rest ended"),
        (28, "start hold bridge 2/2 both"),
    ]


def test_shorten_rest_and_shorten_past_zero_ends_it_now() -> None:
    clock = FakeClock()
    session = make_session(
        '[[steps]]\nexercise = "bridge"\nsets = 3\nhold_s = 2\nrest_s = 40\n', prepare_s=1
    )
    session.start(clock.now)
    session.tick(clock.advance(5))  # rest 1 runs 103-143
    assert session.shorten_rest(clock.now, 15) == []
    assert session.remaining_s(clock.now) == 23
    events = session.tick(clock.advance(23))
    assert timeline(events) == [
        (18, "last 10"),
        (25, "countdown 3"),
        (26, "countdown 2"),
        (27, "countdown 1"),
        (28, "rest ended"),
        (28, "start hold bridge 2/3 both"),
    ]
    session.tick(clock.advance(2))  # rest 2 runs 130-170
    events = session.extend_rest(clock.advance(5), 15)
    events += session.shorten_rest(clock.now, 30)
    events += session.shorten_rest(clock.now, 30)  # 25 s left: this ends the rest now
    assert timeline(events) == [(35, "rest ended"), (35, "start hold bridge 3/3 both")]


def test_rest_controls_do_nothing_during_work() -> None:
    clock = FakeClock()
    session = make_session(HOLD_TWO_SETS, prepare_s=3)
    session.start(clock.now)
    session.tick(clock.advance(4))
    assert session.extend_rest(clock.now) == []
    assert session.shorten_rest(clock.now) == []
    assert session.phase_duration_s == 6
    assert session.remaining_s(clock.now) == 5


# --- skip exercise and end early -----------------------------------------------------------------

TWO_EXERCISES = """
[[steps]]
exercise = "stand"
sets = 2
hold_s = 10
rest_after_s = 20

[[steps]]
exercise = "bridge"
sets = 1
hold_s = 5
"""


def test_skip_exercise_records_the_part_done_and_goes_to_the_rest_before_the_next() -> None:
    clock = FakeClock()
    session = make_session(TWO_EXERCISES, prepare_s=1)
    session.start(clock.now)
    session.tick(clock.advance(1))
    events = session.skip_exercise(clock.advance(3))  # 3 s into set 1, left
    assert timeline(events) == [
        (4, "set stand 1 left held 3/10s cut short"),
        (4, "start rest_exercise bridge"),
        (4, "rest 20s before next exercise"),
        (4, "next bridge"),
    ]
    events = session.skip_exercise(clock.advance(1))  # in the rest before bridge: skip bridge
    assert timeline(events) == [(5, "rest ended"), (5, "finished completed")]
    totals = session.summary()
    assert [(e.exercise_id, e.sets_done, e.sets_planned) for e in totals.per_exercise] == [
        ("stand", 1, 2),
        ("bridge", 0, 1),
    ]


def test_end_early_keeps_the_hold_in_progress_and_reports_totals() -> None:
    clock = FakeClock()
    session = make_session(TWO_EXERCISES, prepare_s=1)
    session.start(clock.now)
    session.tick(clock.advance(16))  # left done at 111, switch 111-116, right since 116
    events = session.end_early(clock.advance(6))
    assert timeline(events) == [
        (21, "halfway"),  # due before the button was pressed
        (22, "set stand 1 right held 6/10s cut short"),
        (22, "finished ended_early"),
    ]
    finished = events[-1]
    assert isinstance(finished, SessionFinished)
    assert (finished.at, finished.started_at_mono, finished.elapsed_s) == (122, 100, 22)
    assert session.is_finished
    assert session.status is SessionStatus.ENDED_EARLY
    assert session.progress(clock.now) == 1.0
    totals = session.summary()
    assert (totals.sets_done, totals.sets_planned, totals.hold_s, totals.work_s) == (1, 3, 16, 16)
    assert session.tick(clock.advance(100)) == []
    assert session.skip(clock.now) == []


# --- time is injected ----------------------------------------------------------------------------


def _scripted_run(tick_every: float) -> list[Event]:
    """The same actions at the same times, with ticks as often as asked in between."""
    clock = FakeClock()
    session = make_session(
        TWO_EXERCISES
        + '\n[[steps]]\nexercise = "squat"\nsets = 2\nreps = 3\ntempo = "3-1-1"\nrest_s = 7\n',
        prepare_s=5,
    )
    actions = {
        40.0: session.pause,
        61.0: session.resume,
        90.0: session.extend_rest,
        150.0: session.back,
        210.0: session.pause,  # in the middle of a tempo rep
        213.5: session.resume,
    }
    events = session.start(clock.now)
    elapsed = 0.0
    while not session.is_finished:
        due = [t for t in actions if elapsed < t <= elapsed + tick_every]
        for t in sorted(due):
            events += actions[t](100.0 + t)
        elapsed = round(elapsed + tick_every, 6)
        events += session.tick(100.0 + elapsed)
    return events


def test_late_ticks_give_the_same_events_at_the_same_times() -> None:
    frequent = _scripted_run(0.1)
    late = _scripted_run(7.3)
    assert timeline(late) == timeline(frequent)
    assert late == frequent


def test_remaining_comes_from_the_deadline_without_any_tick() -> None:
    clock = FakeClock()
    session = make_session(HOLD_TWO_SETS, prepare_s=3)
    session.start(clock.now)
    assert session.remaining_s(101.25) == 1.75
    assert session.remaining_s(500.0) == 0.0  # overdue, not negative
    assert session.next_wakeup() == 101.0  # "countdown 2"
    session.tick(102.0)
    assert session.next_wakeup() == 103.0


def test_progress_rises_from_zero_to_one() -> None:
    clock = FakeClock()
    session = make_session(HOLD_TWO_SETS, prepare_s=3)
    assert session.progress(clock.now) == 0.0
    session.start(clock.now)
    seen = []
    while not session.is_finished:
        session.tick(clock.advance(0.5))
        seen.append(session.progress(clock.now))
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert seen[17] == pytest.approx(9 / 19)  # at 109: get-ready and one hold of 3+6+4+6 s


def test_not_started_sessions_ignore_actions() -> None:
    session = make_session(HOLD_TWO_SETS)
    for action in (session.tick, session.pause, session.resume, session.skip, session.back):
        assert action(100.0) == []
    assert not session.is_started
    assert session.remaining_s(100.0) == 5
    assert session.phase.kind is PhaseKind.PREPARE
