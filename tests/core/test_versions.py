"""Easier and harder versions are exercises in their own right: validated with their own kind of
dose, suggested at it, and run with their own sets and sides."""

from __future__ import annotations

import pytest

from gluteapp.core.advice import advise, choose
from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Exercise, Library, LibraryError, Mode, Variation, parse_library
from gluteapp.core.history_records import SessionRecord
from gluteapp.core.progression import Change, DoseSuggestion, suggest_step
from gluteapp.core.records import Side
from gluteapp.core.routines import Routine, RoutineError, RoutineStep, parse_routine
from gluteapp.core.timeline import PhaseKind, compile_timeline
from tests.core.test_progression import session, sets_of

LIBRARY = builtin_library()


# -- validation -----------------------------------------------------------------------------------

EXERCISE = """
[[exercise]]
id = "test-bridge"
name = "Test bridge"
summary = "A made-up bridge for the version tests."
primary_muscles = ["gluteus_maximus"]
position = "supine"
mode = "hold"
per_side = false
steps = ["Lie down.", "Lift the hips."]
tips = ["Breathe."]
cautions = ["Stop if it hurts."]
mistakes = []
sources = [{ title = "Test source", publisher = "Tests" }]
dosage = { sets = 3, hold_s = { min = 15, max = 30 }, rest_s = 30 }
"""

GOOD_VERSION = """
[[exercise.harder]]
name = "Marching"
how = "Lift one foot, then the other, while holding the bridge."
mode = "reps"
per_side = true
primary_muscles = ["gluteus_maximus"]
secondary_muscles = ["hamstrings"]
equipment = []
dosage = { sets = 3, reps = { min = 8, max = 10 }, rest_s = 45 }
"""


def library_with(version: str) -> Library:
    return parse_library(EXERCISE + version, origin="test.toml")


def test_a_version_is_read_with_its_own_kind_sides_muscles_and_equipment() -> None:
    marching = library_with(GOOD_VERSION)["test-bridge"].harder[0]
    assert (marching.mode, marching.per_side, marching.dosage.sets) == (Mode.REPS, True, 3)
    assert marching.dosage.reps is not None
    assert (marching.dosage.reps.min, marching.dosage.reps.max) == (8, 10)
    assert [m.value for m in marching.muscles] == ["gluteus_maximus", "hamstrings"]
    assert (marching.equipment, marching.see, marching.needs_no_equipment) == ([], None, True)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('mode = "reps"', 'mode = "hold"'),
            "test.toml: exercise 'test-bridge', harder version 'Marching': mode is 'hold' but "
            "the dosage describes 'reps'",
        ),
        (
            ('mode = "reps"', 'mode = "tempo"'),
            "test.toml: exercise 'test-bridge', harder version 'Marching': mode is 'tempo' but "
            "the dosage describes 'reps'",
        ),
        (
            ("per_side = true\n", ""),
            "test.toml: exercise 'test-bridge', harder version 'Marching': Object missing "
            "required field `per_side`",
        ),
        (
            ('mode = "reps"\n', ""),
            "test.toml: exercise 'test-bridge', harder version 'Marching': Object missing "
            "required field `mode`",
        ),
        (
            ("per_side = true", 'per_side = "yes"'),
            "test.toml: exercise 'test-bridge', harder version 'Marching', field 'per_side': "
            "Expected `bool`, got `str`",
        ),
        (
            ("equipment = []", 'equipment = ["trampoline"]'),
            "test.toml: exercise 'test-bridge', harder version 'Marching', field 'equipment[0]': "
            "Invalid enum value 'trampoline'",
        ),
        (
            ("sets = 3", "sets = 0"),
            "test.toml: exercise 'test-bridge', harder version 'Marching', field 'dosage.sets': "
            "Expected `int` >= 1",
        ),
        (
            ('secondary_muscles = ["hamstrings"]', 'secondary_muscles = ["gluteus_maximus"]'),
            "test.toml: exercise 'test-bridge', harder version 'Marching': gluteus_maximus listed "
            "as both primary and secondary",
        ),
        (
            ("equipment = []", 'equipment = []\nsee = "no-such-exercise"'),
            "test.toml: exercise 'test-bridge', harder version 'Marching', field 'see': "
            "'no-such-exercise' is not in the library",
        ),
        (
            ("equipment = []", 'equipment = []\nsee = "test-bridge"'),
            "test.toml: exercise 'test-bridge', harder version 'Marching', field 'see': names "
            "the exercise itself",
        ),
    ],
    ids=[
        "hold-mode-reps-dose", "tempo-mode-without-tempo", "no-sides", "no-mode", "sides-not-bool",
        "unknown-equipment", "no-sets", "muscle-twice", "see-unknown", "see-itself",
    ],
)
def test_a_faulty_version_names_exercise_version_and_field(
    change: tuple[str, str], message: str
) -> None:
    old, new = change
    assert old in GOOD_VERSION
    with pytest.raises(LibraryError) as caught:
        library_with(GOOD_VERSION.replace(old, new, 1))
    assert str(caught.value) == message


def test_two_versions_with_one_name_are_refused() -> None:
    twice = GOOD_VERSION + GOOD_VERSION.replace("[[exercise.harder]]", "[[exercise.easier]]")
    with pytest.raises(LibraryError, match="harder version 'Marching', field 'name': used twice"):
        library_with(twice)


def test_every_shipped_version_has_its_own_kind_of_dose() -> None:
    versions = [v for e in LIBRARY for v in (*e.easier, *e.harder)]
    assert len(versions) == 36
    for version in versions:
        assert version.dosage.mode is version.mode, version.name
    kinds = {v.mode for v in versions}
    assert kinds == {Mode.HOLD, Mode.REPS, Mode.TEMPO, Mode.STEPS}


# -- routine steps naming a version ---------------------------------------------------------------


def parse_steps(steps: str) -> Routine:
    return parse_routine(f'name = "Plan"\nprepare_s = 5\n{steps}', "plan.toml", LIBRARY)


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (
            'exercise = "side-plank"\nsets = 3\nhold_s = 30\nvariation = "Top-leg lifts"',
            "plan.toml: steps[1].hold_s (line 6): 'Top-leg lifts' is counted in reps, its own "
            "kind of dose: give reps instead of hold_s",
        ),
        (
            'exercise = "frog-pump"\nsets = 3\nreps = 20\nvariation = "Glute bridge hold"',
            "plan.toml: steps[1].reps (line 6): 'Glute bridge hold' is counted in hold_s, its "
            "own kind of dose: give hold_s instead of reps",
        ),
        (
            'exercise = "single-leg-squat"\nsets = 3\nreps = 10\nvariation = "Two-leg chair squat"'
            '\nextra_side = "left"',
            "plan.toml: steps[1].extra_side (line 8): only a step done one side at a time can add "
            "a set on one side (set per_side = true, or leave extra_side out)",
        ),
    ],
    ids=["hold-for-a-reps-version", "reps-for-a-hold-version", "extra-set-on-a-two-leg-version"],
)
def test_a_step_must_dose_a_version_in_its_own_kind(step: str, message: str) -> None:
    with pytest.raises(RoutineError) as caught:
        parse_steps(f"[[steps]]\n{step}\n")
    assert str(caught.value) == message


def test_an_extra_set_may_go_on_a_one_sided_version_of_a_two_leg_exercise() -> None:
    routine = parse_steps(
        '[[steps]]\nexercise = "glute-bridge"\nsets = 3\nreps = 10\n'
        'variation = "Single-leg glute bridge"\nextra_side = "right"\n')
    assert routine.steps[0].extra_side is Side.RIGHT


# -- the timeline runs the version's own sides and rest -------------------------------------------


def work_sides(routine: Routine) -> list[tuple[str, int, str]]:
    return [
        (p.kind.value, p.set_number, p.side.value)
        for p in compile_timeline(routine, LIBRARY)
        if p.kind.is_work and p.side is not None
    ]


def test_a_version_done_on_both_legs_runs_both_sides_at_once() -> None:
    chair = parse_steps('[[steps]]\nexercise = "single-leg-squat"\nsets = 2\nreps = 10\n'
                        'tempo = "2-0-2"\nvariation = "Two-leg chair squat"\n')
    assert work_sides(chair) == [("tempo", 1, "both"), ("tempo", 2, "both")]
    own = parse_steps('[[steps]]\nexercise = "single-leg-squat"\nsets = 1\nreps = 10\n'
                      'tempo = "2-0-2"\n')
    assert work_sides(own) == [("tempo", 1, "left"), ("tempo", 1, "right")]


def test_a_one_leg_version_of_a_two_leg_exercise_runs_each_side() -> None:
    routine = parse_steps('[[steps]]\nexercise = "glute-bridge"\nsets = 1\nreps = 10\n'
                          'variation = "Single-leg glute bridge"\n')
    assert work_sides(routine) == [("reps", 1, "left"), ("reps", 1, "right")]


def test_the_step_can_still_set_its_own_sides() -> None:
    routine = parse_steps('[[steps]]\nexercise = "glute-bridge"\nsets = 1\nreps = 10\n'
                          'variation = "Single-leg glute bridge"\nper_side = false\n')
    assert work_sides(routine) == [("reps", 1, "both")]


def test_a_version_rests_its_own_rest() -> None:
    routine = parse_steps('[[steps]]\nexercise = "single-leg-stand"\nsets = 2\nreps = 8\n'
                          'variation = "Single-leg Romanian deadlift"\n')
    rests = [p.duration_s for p in compile_timeline(routine, LIBRARY) if p.kind.is_rest]
    assert rests == [90.0]  # the deadlift's rest; the stand's own is 30 s


# -- suggestions are of the version's own kind and range ------------------------------------------


def things(exercise: Exercise) -> list[Variation | None]:
    return [None, *exercise.easier, *exercise.harder]


def dose_of(exercise: Exercise, thing: Variation | None) -> tuple[Mode, int, int]:
    dosage = thing.dosage if thing is not None else exercise.dosage
    limits = dosage.hold_s or dosage.reps or dosage.steps
    assert limits is not None
    mode = thing.mode if thing is not None else exercise.mode
    return mode, limits.min, limits.max


def main_step(exercise: Exercise) -> RoutineStep:
    mode, low, _ = dose_of(exercise, None)
    return RoutineStep(
        exercise.id,
        sets=exercise.dosage.sets,
        hold_s=low if mode is Mode.HOLD else None,
        reps=low if mode in (Mode.REPS, Mode.TEMPO) else None,
        steps_count=low if mode is Mode.STEPS else None,
        tempo=exercise.dosage.tempo,
    )


def histories(exercise: Exercise, thing: Variation | None) -> dict[str, list[SessionRecord]]:
    """Last time at the low and the top of its range, done well or with pain that stops a set."""
    mode, low, high = dose_of(exercise, thing)
    per_side = thing.per_side if thing is not None else exercise.per_side
    sets = (thing or exercise).dosage.sets
    sides = (Side.LEFT, Side.RIGHT) if per_side else (Side.BOTH,)

    def at(amount: int, pain: int) -> list[SessionRecord]:
        return [session(day, sets_of(exercise.id, amount, mode=mode, sets=sets, sides=sides,
                                     pain=pain)) for day in (1, 2)]

    return {"none": [], "low": at(low, 0), "top": at(high, 0), "pain": at(high, 6)}


def every_suggestion() -> list[tuple[Exercise, Variation | None, str, DoseSuggestion]]:
    found = []
    for exercise in LIBRARY:
        step = main_step(exercise)
        for thing in things(exercise):
            name = thing.name if thing is not None else ""
            for history, sessions in histories(exercise, thing).items():
                suggestion = suggest_step(0, step, exercise, sessions, name)
                found.append((exercise, thing, history, suggestion))
    return found


SUGGESTIONS = every_suggestion()


def test_every_exercise_and_version_is_suggested_at_its_own_kind_and_range() -> None:
    changes = set()
    for exercise, thing, history, suggestion in SUGGESTIONS:
        where = (exercise.id, thing.name if thing else None, history)
        today = next((v for v in things(exercise) if v is not None
                      and v.name == suggestion.variation), None)
        mode, low, high = dose_of(exercise, today)
        assert suggestion.mode is mode, where
        assert low <= suggestion.suggested <= high, where
        assert (suggestion.low, suggestion.high) == (low, high), where
        assert suggestion.today.per_side is (today or exercise).per_side, where
        extra = (today or exercise).dosage.sets - exercise.dosage.sets
        assert suggestion.today.sets == exercise.dosage.sets + extra, where
        # Last time, too, is read and told in the kind of what was done.
        assert suggestion.last.mode is dose_of(exercise, thing)[0], where
        changes.add(suggestion.change)
    assert changes == set(Change)


@pytest.mark.parametrize(
    ("exercise_id", "last", "history", "change", "expected"),
    [
        # The issue's examples: a hinge is reps, not a 60 s hold...
        ("single-leg-stand", "", "top", Change.HARDER,
         ("Single-leg Romanian deadlift", Mode.REPS, 8)),
        # ...top-leg lifts are 10-15 lifts, not a 30 s hold...
        ("side-plank", "", "top", Change.HARDER, ("Top-leg lifts", Mode.REPS, 10)),
        # ...and after pain, frog pumps become a bridge hold of seconds, not 20 "reps".
        ("frog-pump", "", "pain", Change.EASIER, ("Glute bridge hold", Mode.HOLD, 15)),
        # Back from a version of another kind: the exercise's own low end.
        ("side-plank", "Top-leg lifts", "pain", Change.EASIER, (None, Mode.HOLD, 10)),
        ("frog-pump", "Glute bridge hold", "top", Change.STANDARD, (None, Mode.REPS, 15)),
        # The same kind carries over, held to the new range.
        ("glute-bridge", "Banded bridge hold", "pain", Change.EASIER, (None, Mode.HOLD, 30)),
    ],
)
def test_the_issue_examples(
    exercise_id: str, last: str, history: str, change: Change, expected: tuple[object, ...]
) -> None:
    exercise = LIBRARY[exercise_id]
    thing = next((v for v in things(exercise) if v is not None and v.name == last), None)
    sessions = histories(exercise, thing)[history]
    found = suggest_step(0, main_step(exercise), exercise, sessions, last)
    assert found.change is change
    assert (found.variation, found.mode, found.suggested) == expected


# -- a chosen version changes the sets and sides that run -----------------------------------------


def run_after(exercise_id: str, history: str, last: str = "") -> tuple[Routine, list[str]]:
    """The routine a person runs after accepting today's suggestion for one exercise."""
    exercise = LIBRARY[exercise_id]
    step = main_step(exercise)
    routine = Routine("plan", "Plan", 5, (step,))
    thing = next((v for v in things(exercise) if v is not None and v.name == last), None)
    advice = advise(routine, LIBRARY, histories(exercise, thing)[history], {exercise_id: last})
    chosen, _ = choose(advice, accepted={0})
    phases = [
        f"{p.kind.value} {p.set_number}/{p.set_count} {p.side.value if p.side else ''}".strip()
        for p in compile_timeline(chosen, LIBRARY) if p.kind.is_work
    ]
    return chosen, phases


def test_four_sets_of_fire_hydrants_run_four_sets() -> None:
    chosen, phases = run_after("fire-hydrant", "top")
    assert (chosen.steps[0].variation, chosen.steps[0].sets) == ("Four sets", 4)
    assert phases == [f"reps {n}/4 {side}" for n in (1, 2, 3, 4) for side in ("left", "right")]


def test_back_from_four_sets_runs_three() -> None:
    chosen, phases = run_after("fire-hydrant", "pain", last="Four sets")
    assert (chosen.steps[0].variation, chosen.steps[0].sets) == (None, 3)
    assert len(phases) == 6


def test_the_two_leg_chair_squat_runs_both_legs_at_once() -> None:
    chosen, phases = run_after("single-leg-squat", "pain")
    step = chosen.steps[0]
    assert (step.variation, step.mode, step.tempo) == ("Two-leg chair squat", Mode.TEMPO, "2-0-2")
    assert phases == ["tempo 1/3 both", "tempo 2/3 both", "tempo 3/3 both"]


def test_a_bridge_hold_after_frog_pumps_is_timed_in_seconds() -> None:
    chosen, _ = run_after("frog-pump", "pain")
    step = chosen.steps[0]
    assert (step.variation, step.hold_s, step.reps) == ("Glute bridge hold", 15, None)
    holds = [p for p in compile_timeline(chosen, LIBRARY) if p.kind is PhaseKind.HOLD]
    assert [p.target_hold_s for p in holds] == [15, 15, 15]


def test_a_bridge_at_the_top_of_its_holds_moves_to_reps() -> None:
    chosen, phases = run_after("glute-bridge", "top")
    step = chosen.steps[0]
    assert (step.variation, step.reps, step.hold_s) == ("Bridge for reps", 10, None)
    assert phases == ["reps 1/3 both", "reps 2/3 both", "reps 3/3 both"]


def test_a_two_leg_version_drops_the_extra_set_on_one_side() -> None:
    step = RoutineStep("single-leg-squat", sets=3, reps=10, tempo="2-0-2", extra_side=Side.LEFT)
    routine = Routine("plan", "Plan", 5, (step,))
    exercise = LIBRARY["single-leg-squat"]
    advice = advise(routine, LIBRARY, histories(exercise, None)["pain"])
    assert advice.suggestions[0].variation == "Two-leg chair squat"
    chosen, _ = choose(advice, accepted={0})
    assert (chosen.steps[0].extra_side, chosen.steps[0].per_side) == (None, None)
    kept, _ = choose(advice, accepted=())
    assert kept.steps[0].extra_side is Side.LEFT


# -- the history and its charts count a version in its own kind -----------------------------------


def test_the_chart_of_an_exercise_follows_the_kind_of_its_latest_version() -> None:
    from gluteapp.core.stats import Measure, exercise_series

    plank = LIBRARY["side-plank"]
    holds = [session(day, sets_of("side-plank", 30, mode=Mode.HOLD)) for day in (1, 2)]
    lifts = [session(day, sets_of("side-plank", 12, mode=Mode.REPS)) for day in (3, 4)]
    assert exercise_series(holds, plank.id, LIBRARY).measure is Measure.HOLD
    series = exercise_series([*holds, *lifts], plank.id, LIBRARY)
    assert series.measure is Measure.REPS  # top-leg lifts, counted as they were done
    assert [round(point.value) for point in series.progress][-2:] == [12, 12]
