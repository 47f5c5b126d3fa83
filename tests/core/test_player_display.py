"""What the player shows in each phase, decided without Qt: driven by the engine on a fake clock."""

from __future__ import annotations

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import PhaseKind, Session, SubPhase
from gluteapp.core.exercises import Tempo
from gluteapp.core.player_display import (
    Accent,
    Dose,
    DoseUnit,
    HurtSubject,
    NextUp,
    NumberUnit,
    PlayerDisplay,
    RingCaption,
    display_for,
    hurt_subject,
    whole_seconds,
)
from gluteapp.core.records import Side
from gluteapp.core.routines import parse_routine
from tests.core.test_engine_helpers import LIBRARY, FakeClock, make_session

# prepare 0-5, stand left 5-25, switch 25-30, stand right 30-50, rest 50-80, set 2: left 80-100,
# switch 100-105, right 105-125, rest before the squat 125-155, squat left 155-185 (5 x 6 s).
STAND_THEN_SQUAT = """
[[steps]]
exercise = "stand"
sets = 2
hold_s = 20
rest_s = 30

[[steps]]
exercise = "squat"
sets = 1
reps = 5
tempo = "3-1-2"
"""

REPS_AND_STEPS = """
[[steps]]
exercise = "pump"
sets = 1
reps = 12
rest_after_s = 10

[[steps]]
exercise = "walk"
sets = 2
steps_count = 15
"""


class Run:
    """A started session and its clock; `at(t)` is the display t seconds after the start."""

    def __init__(self, steps: str, prepare_s: int = 5) -> None:
        self.clock = FakeClock()
        self.start = self.clock.now
        self.session = make_session(steps, prepare_s)
        self.session.start(self.clock.now)

    def at(self, seconds: float) -> PlayerDisplay:
        self.clock.now = self.start + seconds
        self.session.tick(self.clock.now)
        return self.now()

    def now(self) -> PlayerDisplay:
        return display_for(self.session, self.clock.now, LIBRARY)


@pytest.mark.parametrize(("seconds", "shown"), [
    (0.2, 1), (1.0, 1), (1.0 + 1e-12, 1), (1.01, 2), (19.6, 20), (59.5, 60), (0.0, 0), (-3.0, 0),
])
def test_whole_seconds_round_up_and_never_go_below_zero(seconds: float, shown: int) -> None:
    assert whole_seconds(seconds) == shown


def test_before_the_start_it_shows_the_get_ready_time_and_nothing_moves() -> None:
    clock = FakeClock()
    session = make_session(STAND_THEN_SQUAT, prepare_s=5)
    display = display_for(session, clock.advance(30.0), LIBRARY)
    assert (display.started, display.paused, display.finished) == (False, False, False)
    assert (display.kind, display.accent, display.caption) == (
        PhaseKind.PREPARE, Accent.PREPARE, RingCaption.GET_READY)
    assert (display.number, display.number_unit, display.fraction) == (5, NumberUnit.SECONDS, 1.0)
    assert (display.step_number, display.step_count, display.progress) == (1, 2, 0.0)
    assert (display.next_up, display.next_exercise_id, display.sub_phase) == (
        NextUp.COMING_UP, "stand", None)
    assert (display.can_move, display.can_adjust_rest, display.awaits_done) == (False, False, False)


def test_get_ready_counts_down_and_names_the_first_exercise_and_its_dose() -> None:
    display = Run(STAND_THEN_SQUAT).at(1.3)
    assert (display.kind, display.accent, display.caption) == (
        PhaseKind.PREPARE, Accent.PREPARE, RingCaption.GET_READY)
    assert display.number == 4  # 3.7 s left
    assert display.fraction == pytest.approx(3.7 / 5)
    assert (display.next_up, display.next_exercise_id) == (NextUp.COMING_UP, "stand")
    assert display.next_dose == Dose(sets=2, amount=20, unit=DoseUnit.HOLD_S, extra_side=None)
    assert display.exercise_id == "stand"
    assert (display.set_number, display.work_side, display.hold_s) == (0, None, None)
    assert (display.can_move, display.can_adjust_rest) == (True, True)


def test_a_one_sided_hold_shows_its_side_set_and_target() -> None:
    run = Run(STAND_THEN_SQUAT)
    display = run.at(5.4)
    assert (display.kind, display.accent, display.caption) == (
        PhaseKind.HOLD, Accent.WORK, RingCaption.SIDE)
    assert (display.number, display.number_unit) == (20, NumberUnit.SECONDS)  # 19.6 s left
    assert display.fraction == pytest.approx(19.6 / 20)
    assert (display.work_side, display.hold_s, display.tempo) == (Side.LEFT, 20, None)
    assert (display.set_number, display.set_count, display.last_set) == (1, 2, False)
    assert (display.next_up, display.next_exercise_id) == (NextUp.NEXT_EXERCISE, "squat")
    assert (display.can_adjust_rest, display.awaits_done) == (False, False)
    assert 0.0 < display.progress < 0.1
    assert run.at(6.0).number == 19  # exactly 19 s left
    assert run.at(6.001).number == 19
    assert run.at(5.999).number == 20


def test_the_second_set_of_two_is_the_last_set() -> None:
    run = Run(STAND_THEN_SQUAT)
    display = run.at(81.0)
    assert (display.kind, display.set_number, display.set_count) == (PhaseKind.HOLD, 2, 2)
    assert (display.last_set, display.work_side) == (True, Side.LEFT)


def test_a_bilateral_hold_counts_seconds_and_a_single_set_is_not_the_last_set() -> None:
    run = Run('[[steps]]\nexercise = "bridge"\nsets = 1\nhold_s = 30\n')
    display = run.at(5.0 + 15.0)
    assert (display.caption, display.work_side, display.number) == (
        RingCaption.SECONDS, None, 15)
    assert display.fraction == pytest.approx(0.5)
    assert (display.set_number, display.set_count, display.last_set) == (1, 1, False)
    assert display.next_up is NextUp.LAST_EXERCISE


def test_switching_sides_names_the_side_coming_and_may_be_lengthened() -> None:
    display = Run(STAND_THEN_SQUAT).at(26.0)
    assert (display.kind, display.accent, display.caption) == (
        PhaseKind.SWITCH_SIDES, Accent.SWITCH, RingCaption.SWITCH)
    assert display.phase.side is Side.RIGHT
    assert display.work_side is None  # not working a side: the detail line names none
    assert display.number == 4
    assert display.fraction == pytest.approx(4 / 5)
    assert (display.set_number, display.last_set) == (1, False)
    assert display.can_adjust_rest


def test_a_rest_between_sets_announces_the_next_set() -> None:
    run = Run(STAND_THEN_SQUAT)
    display = run.at(50.0 + 7.2)
    assert (display.kind, display.accent, display.caption) == (
        PhaseKind.REST_SET, Accent.REST, RingCaption.REST)
    assert display.number == 23
    assert display.fraction == pytest.approx(22.8 / 30)
    assert (display.next_up, display.next_set_number, display.next_set_count) == (
        NextUp.NEXT_SET, 2, 2)
    assert (display.work_side, display.hold_s, display.can_adjust_rest) == (None, None, True)
    run.session.extend_rest(run.clock.now, 15)
    longer = run.now()
    assert longer.number == 38
    assert longer.fraction == pytest.approx(37.8 / 45)


def test_the_next_set_counts_the_sets_of_this_exercise() -> None:
    display = Run('[[steps]]\nexercise = "bridge"\nsets = 3\nhold_s = 10\nrest_s = 10\n').at(16.0)
    assert (display.kind, display.set_number, display.set_count) == (PhaseKind.REST_SET, 1, 3)
    assert (display.next_up, display.next_set_number, display.next_set_count) == (
        NextUp.NEXT_SET, 2, 3)


def test_a_rest_before_the_next_exercise_names_it_and_its_dose() -> None:
    display = Run(STAND_THEN_SQUAT).at(125.0 + 2.5)
    assert (display.kind, display.accent, display.caption) == (
        PhaseKind.REST_EXERCISE, Accent.REST, RingCaption.REST)
    assert (display.exercise_id, display.step_number) == ("squat", 2)
    assert (display.next_up, display.next_exercise_id) == (NextUp.COMING_UP, "squat")
    assert display.next_dose == Dose(sets=1, amount=5, unit=DoseUnit.REPS, extra_side=None)
    assert display.number == 28


def test_the_dose_coming_up_names_the_extra_set_for_a_lagging_side() -> None:
    steps = STAND_THEN_SQUAT.replace("rest_s = 30\n", "rest_s = 30\nextra_side = \"right\"\n")
    display = Run(steps).at(1.0)
    assert display.next_dose == Dose(sets=2, amount=20, unit=DoseUnit.HOLD_S,
                                     extra_side=Side.RIGHT)


@pytest.mark.parametrize(("into", "part", "rep", "number", "fraction"), [
    (1.2, SubPhase.DOWN, 1, 2, 1.8 / 3),
    (3.5, SubPhase.PAUSE, 1, 1, 0.5 / 1),
    (5.0, SubPhase.UP, 1, 1, 1.0 / 2),
    (6.5, SubPhase.DOWN, 2, 3, 2.5 / 3),
    (29.9, SubPhase.UP, 5, 1, 0.1 / 2),
])
def test_tempo_work_shows_each_part_of_each_rep(
        into: float, part: SubPhase, rep: int, number: int, fraction: float) -> None:
    display = Run(STAND_THEN_SQUAT).at(155.0 + into)
    assert (display.kind, display.accent, display.caption) == (
        PhaseKind.TEMPO, Accent.WORK, RingCaption.REP_OF)
    assert (display.sub_phase, display.rep_number, display.rep_count) == (part, rep, 5)
    assert (display.number, display.number_unit) == (number, NumberUnit.SECONDS)
    assert display.fraction == pytest.approx(fraction)
    assert (display.tempo, display.work_side, display.hold_s) == (Tempo(3, 1, 2), Side.LEFT, None)
    assert (display.next_up, display.awaits_done) == (NextUp.LAST_EXERCISE, False)


def test_outside_tempo_work_there_is_no_rep() -> None:
    display = Run(STAND_THEN_SQUAT).at(10.0)
    assert (display.sub_phase, display.rep_number, display.rep_count) == (None, 0, 0)


def test_paused_greys_the_ring_and_freezes_the_numbers() -> None:
    run = Run(STAND_THEN_SQUAT)
    run.at(155.0 + 1.2)
    run.session.pause(run.clock.now)
    display = run.at(155.0 + 100.0)  # time passes while paused
    assert (display.paused, display.started, display.accent, display.caption) == (
        True, True, Accent.PAUSED, RingCaption.PAUSED)
    assert display.kind is PhaseKind.TEMPO  # the phase itself is unchanged
    assert (display.sub_phase, display.rep_number, display.number) == (SubPhase.DOWN, 1, 2)
    assert display.fraction == pytest.approx(1.8 / 3)


def test_paused_in_a_rest_keeps_its_time() -> None:
    run = Run(STAND_THEN_SQUAT)
    run.at(60.0)
    run.session.pause(run.clock.now)
    display = run.at(500.0)
    assert (display.kind, display.accent, display.number) == (
        PhaseKind.REST_SET, Accent.PAUSED, 20)
    assert display.can_adjust_rest


def test_self_paced_reps_and_steps_show_the_target_and_wait_for_done() -> None:
    run = Run(REPS_AND_STEPS)
    reps = run.at(5.0 + 40.0)  # however long it takes
    assert (reps.kind, reps.caption, reps.accent) == (PhaseKind.REPS, RingCaption.REPS, Accent.WORK)
    assert (reps.number, reps.number_unit, reps.fraction) == (12, NumberUnit.COUNT, 1.0)
    assert (reps.awaits_done, reps.can_adjust_rest) == (True, False)
    run.session.done(run.clock.now)
    run.session.skip(run.clock.now)  # the rest before the walk
    steps = run.now()
    assert (steps.kind, steps.caption, steps.number) == (
        PhaseKind.STEPS, RingCaption.STEPS_EACH_WAY, 15)
    assert (steps.set_number, steps.set_count, steps.awaits_done) == (1, 2, True)


def test_finished_shows_done_with_nothing_left_to_move() -> None:
    run = Run('[[steps]]\nexercise = "bridge"\nsets = 1\nhold_s = 10\n')
    display = run.at(5.0 + 10.0 + 1.0)
    assert (display.finished, display.kind, display.accent, display.caption) == (
        True, PhaseKind.DONE, Accent.DONE, RingCaption.PHASE)
    assert (display.number, display.fraction, display.progress) == (None, 1.0, 1.0)
    assert (display.step_number, display.step_count) == (1, 1)
    assert (display.can_move, display.can_adjust_rest, display.awaits_done) == (
        False, False, False)


def test_todays_variation_is_named_and_a_missing_one_is_left_out() -> None:
    library = builtin_library()
    text = ('name = "V"\nprepare_s = 5\n[[steps]]\nexercise = "side-plank"\nsets = 1\n'
            'hold_s = 15\nvariation = "From the knees"\n')
    session = Session(parse_routine(text, "v.toml", library), library)
    display = display_for(session, 0.0, library)
    assert display.variation is not None
    assert display.variation.name == "From the knees"
    # A library that no longer has it (another content pack) shows the plain exercise.
    assert display_for(session, 0.0, LIBRARY).variation is None


def test_get_ready_shows_the_steps_of_the_first_exercise_and_its_first_side() -> None:
    run = Run(STAND_THEN_SQUAT)
    before = display_for(make_session(STAND_THEN_SQUAT, 5), 0.0, LIBRARY)
    assert (before.steps_exercise_id, before.coming_side) == ("stand", Side.LEFT)
    display = run.at(1.0)
    assert (display.steps_exercise_id, display.coming_side, display.side) == (
        "stand", Side.LEFT, Side.LEFT)
    working = run.at(6.0)
    assert (working.steps_exercise_id, working.coming_side, working.side) == (
        None, None, Side.LEFT)


def test_a_switch_shows_the_side_coming_big() -> None:
    display = Run(STAND_THEN_SQUAT).at(26.0)
    assert (display.work_side, display.coming_side, display.side) == (None, Side.RIGHT, Side.RIGHT)
    assert display.steps_exercise_id is None


def test_the_rest_before_an_exercise_shows_its_steps_and_a_rest_between_sets_does_not() -> None:
    run = Run(STAND_THEN_SQUAT)
    between_sets = run.at(55.0)
    assert (between_sets.kind, between_sets.steps_exercise_id, between_sets.side) == (
        PhaseKind.REST_SET, None, None)
    before_squat = run.at(130.0)
    assert (before_squat.kind, before_squat.steps_exercise_id, before_squat.coming_side) == (
        PhaseKind.REST_EXERCISE, "squat", Side.LEFT)


def test_the_phase_index_changes_with_every_phase_and_only_then() -> None:
    run = Run(STAND_THEN_SQUAT)
    indexes = [run.at(t).phase_index for t in (1.0, 2.0, 6.0, 24.0, 26.0, 31.0)]
    assert indexes == [0, 0, 1, 1, 2, 3]


def test_it_hurts_during_work_refers_to_the_set_and_side_under_way() -> None:
    run = Run(STAND_THEN_SQUAT)
    run.at(31.0)  # the right side of set 1
    assert hurt_subject(run.session) == HurtSubject("stand", 0, 1, Side.RIGHT, more_to_come=True)


def test_it_hurts_in_a_rest_refers_to_the_set_just_done_not_the_next_one() -> None:
    run = Run(STAND_THEN_SQUAT)
    run.at(55.0)  # resting after set 1: set 2 of the same exercise is still to come
    assert hurt_subject(run.session) == HurtSubject("stand", 0, 1, Side.RIGHT, more_to_come=True)
    run.at(130.0)  # the rest before the squat: the stand is over
    assert hurt_subject(run.session) == HurtSubject("stand", 0, 2, Side.RIGHT,
                                                    more_to_come=False)


def test_it_hurts_before_anything_was_worked_has_no_answer() -> None:
    run = Run(STAND_THEN_SQUAT)
    run.at(2.0)
    assert hurt_subject(run.session) is None
