"""The cue policy: exactly what a person hears, and when, for a session run on a fake clock."""

from __future__ import annotations

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.cue_policy import CuePolicy, PlannedCue, SpokenSetup
from gluteapp.core.cues import (
    Cue,
    CueQueue,
    Phrase,
    Priority,
    Utterance,
    estimate_speech_s,
)
from gluteapp.core.engine import Session, SessionOptions
from gluteapp.core.exercises import Library
from gluteapp.core.records import Side
from gluteapp.core.routines import parse_routine

#: How long the test lets a fixed phrase speak ("get ready", "next").
PHRASE_S = 1.0

ROUTINE = """
name = "Cue check"
prepare_s = 5

[[steps]]
exercise = "side-plank"
sets = 2
hold_s = 10
rest_s = 15
rest_after_s = 30

[[steps]]
exercise = "single-leg-squat"
sets = 1
reps = 2
tempo = "2-0-2"
per_side = false
"""


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


def run(library: Library, speak_setup: bool = False, tick_last_s: int = 3,
        options: SessionOptions | None = None) -> list[PlannedCue]:
    def describe(exercise_id: str) -> SpokenSetup:
        exercise = library[exercise_id]
        return SpokenSetup(exercise.name, exercise.steps[0], exercise.tips[0])

    policy = CuePolicy(describe, tick_last_s=tick_last_s, speak_setup=speak_setup)
    session = Session(parse_routine(ROUTINE, "cues.toml", library), library, options)
    planned = policy.plan(session.start(0.0))
    now = 0.0
    while not session.is_finished:
        now += 0.25
        planned += policy.plan(session.tick(now))
    return planned


def at(planned: list[PlannedCue], time: float) -> list[object]:
    return [p.item for p in planned if p.due_at == time]


def test_the_opening_is_get_ready_next_three_two_one_go(library: Library) -> None:
    planned = run(library)
    assert [(p.due_at, p.item) for p in planned[:10]] == [
        (0.0, Phrase.GET_READY), (0.0, Utterance("Side plank")),
        (2.0, Cue.PREPARE_TICK), (2.0, Phrase.THREE),
        (3.0, Cue.PREPARE_TICK), (3.0, Phrase.TWO),
        (4.0, Cue.PREPARE_TICK), (4.0, Phrase.ONE),
        (5.0, Cue.GO), (5.0, Phrase.GO),
    ]


def test_a_hold_gets_halfway_then_quiet_ticks_then_switch(library: Library) -> None:
    planned = run(library)
    assert at(planned, 10.0) == [Cue.HALFWAY, Phrase.HALFWAY]
    assert at(planned, 12.0) == at(planned, 13.0) == at(planned, 14.0) == [Cue.LAST_TICK]
    assert at(planned, 15.0) == [Cue.SWITCH_SIDES, Phrase.SWITCH_RIGHT]


def test_rest_is_announced_with_its_length_and_last_set_once(library: Library) -> None:
    planned = run(library)
    assert at(planned, 30.0) == [Phrase.REST, Phrase.FIFTEEN, Phrase.SECONDS]
    assert at(planned, 45.0) == [Cue.REST_OVER, Cue.GO, Phrase.GO, Phrase.LAST_SET]
    # The second side of the last set starts after a switch: no second "last set".
    assert at(planned, 60.0) == [Cue.GO, Phrase.GO]
    assert [p.item for p in planned].count(Phrase.LAST_SET) == 1


def test_next_exercise_then_tempo_clicks_then_complete(library: Library) -> None:
    planned = run(library)
    assert at(planned, 70.0) == [Phrase.REST, Phrase.THIRTY, Phrase.SECONDS, Phrase.NEXT,
                                 Utterance("Single-leg squat to a chair")]
    assert {p.priority for p in planned if p.due_at == 70.0} == {None, Priority.NORMAL}
    assert [(p.due_at, p.item) for p in planned if p.item in (Cue.REP_DOWN, Cue.REP_UP)] == [
        (100.0, Cue.REP_DOWN), (102.0, Cue.REP_UP), (104.0, Cue.REP_DOWN), (106.0, Cue.REP_UP)]
    assert planned[-2:] == [PlannedCue(Cue.SESSION_COMPLETE, 108.0),
                            PlannedCue(Phrase.SESSION_COMPLETE, 108.0)]


def test_setup_step_and_tip_are_spoken_when_asked(library: Library) -> None:
    planned = run(library, speak_setup=True)
    plank = library["side-plank"]
    # A 5 s get-ready has room for the name and the first step; the tip would run into the
    # count, so it is left out.
    assert at(planned, 0.0) == [Phrase.GET_READY, Utterance("Side plank"),
                                Utterance(plank.steps[0])]
    # The 30 s rest before the squat has room for all three, after "rest, thirty seconds".
    squat = library["single-leg-squat"]
    assert at(planned, 70.0)[3:] == [Phrase.NEXT, Utterance(squat.name),
                                     Utterance(squat.steps[0]), Utterance(squat.tips[0])]


def heard(planned: list[PlannedCue], until: float) -> list[tuple[float, object]]:
    """What a CueQueue starts from the plan, each voice cue taking its estimated time."""
    queue = CueQueue()
    for cue in planned:
        length = PHRASE_S if isinstance(cue.item, Phrase) else 0.0
        queue.push(cue.item, cue.due_at, cue.priority, cue.stale_after_s, duration_s=length)
    started = []
    now = 0.0
    while now <= until:
        started += [(now, queued.item) for queued in queue.pop_due(now)]
        now = round(now + 0.05, 2)
    return started


def test_the_name_and_first_step_are_heard_in_the_get_ready(library: Library) -> None:
    """Queued behind "get ready", not pre-empted by it (they used to be dropped unheard)."""
    plank = library["side-plank"]
    started = heard(run(library, speak_setup=True), until=5.0)
    voices = [(t, item) for t, item in started if not isinstance(item, Cue)]
    assert [item for _, item in voices[:3]] == [
        Phrase.GET_READY, Utterance("Side plank"), Utterance(plank.steps[0])]
    # Each as soon as the one before it is over (on the 50 ms steps of this loop).
    assert [t for t, _ in voices[:3]] == pytest.approx(
        [0.0, PHRASE_S, PHRASE_S + estimate_speech_s("Side plank")], abs=0.05)


def test_the_name_is_heard_in_the_rest_before_an_exercise(library: Library) -> None:
    squat = library["single-leg-squat"]
    planned = [p for p in run(library, speak_setup=True) if p.due_at >= 70.0]
    started = heard([PlannedCue(p.item, p.due_at - 70.0, p.priority, p.stale_after_s)
                     for p in planned], until=30.0)
    voices = [item for _, item in started if not isinstance(item, Cue)]
    assert voices[:7] == [Phrase.REST, Phrase.THIRTY, Phrase.SECONDS, Phrase.NEXT,
                          Utterance(squat.name), Utterance(squat.steps[0]),
                          Utterance(squat.tips[0])]


def test_weaker_side_first_switches_to_the_left(library: Library) -> None:
    planned = run(library, options=SessionOptions(weaker_side=Side.RIGHT))
    assert at(planned, 15.0) == [Cue.SWITCH_SIDES, Phrase.SWITCH_LEFT]


def test_no_last_ticks_when_turned_off(library: Library) -> None:
    planned = run(library, tick_last_s=0)
    assert Cue.LAST_TICK not in [p.item for p in planned]
    assert at(planned, 2.0) == [Cue.PREPARE_TICK, Phrase.THREE]  # the get-ready count stays
