"""How long each page of steps stays up, and the clock the player turns them by; no Qt."""

from __future__ import annotations

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import PhaseKind, Session
from gluteapp.core.player_display import display_for
from gluteapp.core.routines import parse_routine
from gluteapp.core.step_pages import PAGE_LEAST_S, page_at, page_times

LIBRARY = builtin_library()

#: A 10 s get-ready before side planks, a 30 s rest, then bird dogs.
ROUTINE = """
name = "Pages"
prepare_s = 10

[[steps]]
exercise = "side-plank"
sets = 1
hold_s = 5
rest_s = 30

[[steps]]
exercise = "bird-dog"
sets = 1
reps = 10
"""


def test_a_page_stays_up_for_a_time_that_follows_its_length() -> None:
    # 2.5 s + 0.06 s a character, in whole seconds: 50 chars 5.5 -> 6, 150 chars 11.5 -> 12.
    assert page_times([50, 150], None) == [6, 12]
    assert page_times([50, 150], 60.0) == [6, 12]  # room to spare: not stretched
    assert page_times([0], None) == [3]  # 2.5 s, rounded up
    assert page_times([100, 10], None) == [9, 3]  # 8.5 s and 3.1 s


def test_pages_longer_than_the_phase_are_squeezed_so_that_every_one_shows() -> None:
    times = page_times([200, 200, 200, 200], 20.0)  # 14.5 s each, 58 s for a 20 s rest
    assert times == [5, 5, 5, 5]
    assert sum(times) <= 20
    # Never below the least, even when that overruns a very short get-ready.
    assert page_times([200, 200, 200], 3.0) == [PAGE_LEAST_S] * 3


def test_the_first_page_first_then_each_in_turn_and_round_again() -> None:
    times = [6, 12, 4]
    assert [page_at(times, t) for t in (0.0, 5.9, 6.0, 17.9, 18.0, 21.9, 22.0, 28.0)] == [
        0, 0, 1, 1, 2, 2, 0, 1]
    # A deadline-derived 5.9999999 s is the 6 s boundary.
    assert page_at(times, 5.9999999) == 1
    assert page_at([], 3.0) == 0
    # Turned to page 2 by a key: from there on, each at its own pace, round to the first.
    assert [page_at(times, t, first=2) for t in (0.0, 3.9, 4.0, 9.9, 10.0, 22.0)] == [
        2, 2, 0, 0, 1, 2]
    assert page_at(times, -1.0) == 0


def test_the_steps_clock_runs_with_the_rest_and_stands_still_while_paused() -> None:
    session = Session(parse_routine(ROUTINE, "pages.toml", LIBRARY), LIBRARY)
    shown = display_for(session, 100.0, LIBRARY)  # not started: the get-ready's first moment
    assert (shown.steps_exercise_id, shown.steps_elapsed_s, shown.steps_duration_s) == (
        "side-plank", 0.0, 10.0)
    session.start(100.0)
    assert display_for(session, 104.5, LIBRARY).steps_elapsed_s == 4.5
    now = 100.0
    while session.phase.kind is not PhaseKind.REST_EXERCISE:
        now += 0.5
        session.tick(now)
    began = now - display_for(session, now, LIBRARY).steps_elapsed_s
    shown = display_for(session, began + 7.0, LIBRARY)
    assert (shown.steps_exercise_id, shown.steps_elapsed_s, shown.steps_duration_s) == (
        "bird-dog", 7.0, 30.0)
    session.pause(began + 7.0)
    assert display_for(session, began + 60.0, LIBRARY).steps_elapsed_s == 7.0
    session.resume(began + 60.0)
    assert display_for(session, began + 61.0, LIBRARY).steps_elapsed_s == 8.0
    session.extend_rest(began + 61.0, 15)  # a longer rest: the same moment, a longer phase
    shown = display_for(session, began + 61.0, LIBRARY)
    assert (shown.steps_elapsed_s, shown.steps_duration_s) == (8.0, 45.0)
    # During the work itself there are no steps and no steps' clock.
    while session.phase.kind is PhaseKind.REST_EXERCISE:
        now = began + 70.0
        session.skip(now)
    shown = display_for(session, now + 3.0, LIBRARY)
    assert (shown.steps_exercise_id, shown.steps_elapsed_s, shown.steps_duration_s) == (
        None, 0.0, None)
