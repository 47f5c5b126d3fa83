"""Cues that collide yield or merge, and those that start or end work are never dropped.

Also the engine's look-ahead (`Session.preview`), from which the audio thread knows the cues
before the GUI thread reports them: it must foresee exactly what `tick` reports later.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.cue_policy import CuePolicy, SpokenSetup
from gluteapp.core.cues import (
    WORK_MARKS,
    Cue,
    CueQueue,
    DropReason,
    Phrase,
    default_priority,
    marks_work,
)
from gluteapp.core.engine import Session
from gluteapp.core.routines import parse_routine

ROUTINE = """
name = "Collisions"
prepare_s = 5

[[steps]]
exercise = "glute-bridge"
sets = 3
hold_s = 8
rest_s = 6

[[steps]]
exercise = "single-leg-stand"
sets = 2
hold_s = 6
rest_s = 5
"""


def session() -> Session:
    library = builtin_library()
    return Session(parse_routine(ROUTINE, "collisions.toml", library), library)


def policy() -> CuePolicy:
    library = builtin_library()
    return CuePolicy(lambda exercise_id: SpokenSetup(library[exercise_id].name))


def test_rest_over_and_go_at_the_same_moment_are_one_beep_and_neither_is_dropped() -> None:
    queue = CueQueue()
    queue.push(Cue.REST_OVER, due_at=10.0)
    queue.push(Cue.GO, due_at=10.0)
    [started] = queue.pop_due(10.0)
    assert started.item in (Cue.REST_OVER, Cue.GO)
    [merged] = queue.take_dropped()
    assert merged.reason is DropReason.MERGED


def test_go_and_last_set_due_together_are_said_in_turn() -> None:
    queue = CueQueue()
    queue.push(Phrase.GO, due_at=5.0, duration_s=0.33)
    queue.push(Phrase.LAST_SET, due_at=5.0, duration_s=0.73)
    assert [q.item for q in queue.pop_due(5.0)] == [Phrase.GO]
    assert queue.pop_due(5.1) == []  # "go" is still being said
    assert [q.item for q in queue.pop_due(5.33)] == [Phrase.LAST_SET]
    assert queue.take_dropped() == []


def test_a_mark_of_work_left_waiting_is_never_pre_empted() -> None:
    queue = CueQueue()
    queue.push(Phrase.SESSION_COMPLETE, due_at=0.0, duration_s=1.0, priority=50)
    queue.push(Phrase.REST, due_at=0.2, duration_s=0.4)  # NORMAL, and it ends the work
    queue.push(Phrase.THREE, due_at=0.8, duration_s=0.3)  # HIGH
    queue.pop_due(0.0)
    assert [q.item for q in queue.pop_due(1.0)] == [Phrase.THREE]
    assert [q.item for q in queue.pop_due(1.3)] == [Phrase.REST]
    assert queue.take_dropped() == []


def test_withdrawn_cues_are_those_due_after_the_moment() -> None:
    queue = CueQueue()
    for due in (1.0, 2.0, 3.0):
        queue.push(Cue.PREPARE_TICK, due_at=due)
    assert [q.due_at for q in queue.withdraw_after(1.5)] == [2.0, 3.0]
    assert queue.next_due_at() == 1.0


def test_the_marks_of_work_are_the_beeps_and_words_of_starting_and_stopping() -> None:
    for item in (Cue.GO, Phrase.GO, Cue.REST_OVER, Phrase.REST):
        assert marks_work(item)
    assert not marks_work(Cue.REP_UP)
    assert not marks_work(Phrase.LAST_SET)
    # A mark of work never loses to a cue of its own rank for being a mark.
    assert all(default_priority(item) >= 20 for item in WORK_MARKS)


def play_session(step_s: float = 0.05) -> tuple[list[str], Counter[tuple[str, str]]]:
    """A whole session on a fake clock through the policy and the queue: heard and dropped."""
    run, cues, queue = session(), policy(), CueQueue()
    now = 0.0
    for planned in cues.plan(run.start(now)):
        queue.push(planned.item, planned.due_at, planned.priority, planned.stale_after_s,
                   duration_s=0.5)
    heard: list[str] = []
    while not run.is_finished or len(queue):
        now += step_s
        for planned in cues.plan(run.tick(now)):
            queue.push(planned.item, planned.due_at, planned.priority, planned.stale_after_s,
                       duration_s=0.5)
        heard += [q.name for q in queue.pop_due(now)]
        if run.is_finished and now > 200:
            break
    dropped = Counter((d.cue.name, d.reason.value) for d in queue.take_dropped())
    return heard, dropped


def test_in_a_whole_session_no_mark_of_work_is_dropped() -> None:
    """It used to lose "go" to "rest over" every time a rest ended, and "last set" to "go"."""
    heard, dropped = play_session()
    pre_empted = [name for name, reason in dropped if reason == DropReason.PRE_EMPTED.value]
    marks = {item.value for item in WORK_MARKS}
    assert [name for name in pre_empted if name in marks] == []
    assert heard.count("last_set") == 2  # the last set of each exercise
    # A beep and a word for each of the 3 + 2 x 2 sides' holds, less the beeps merged into
    # "rest over" (one a rest that ends in work).
    merged = sum(n for (_, reason), n in dropped.items() if reason == DropReason.MERGED.value)
    assert heard.count("go") + merged == 2 * 7


def test_the_look_ahead_foresees_exactly_what_tick_reports_later() -> None:
    run = session()
    run.start(0.0)
    foreseen = run.preview(40.0)
    assert run.phase_index == 0  # nothing moved
    reported = run.tick(40.0)
    assert foreseen == reported
    assert len(reported) > 10


@pytest.mark.parametrize("look_s", [0.5, 3.0, 12.0])
def test_the_look_ahead_in_steps_adds_up_to_the_whole(look_s: float) -> None:
    run, whole = session(), session()
    run.start(0.0)
    whole.start(0.0)
    now, seen = 0.0, []
    while now < 60.0:
        ahead = run.preview(now + look_s)
        now += look_s
        reported = run.tick(now)
        assert ahead == reported
        seen += reported
    assert seen == whole.tick(60.0)


def test_a_paused_session_foresees_nothing() -> None:
    run = session()
    run.start(0.0)
    run.pause(2.0)
    assert run.preview(30.0) == []
