"""Routine files: the built-ins against the real library, validation messages, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Library, Mode, Position
from gluteapp.core.routines import (
    BUILTIN_ORDER,
    MEDIUS_PAIR,
    Routine,
    RoutineError,
    RoutineStep,
    builtin_routines,
    builtin_routines_dir,
    find_routine,
    next_in_pair,
    parse_routine,
    routine_id_for,
    routine_to_toml,
    save_routine,
    user_routines,
)
from gluteapp.core.timeline import compile_timeline, routine_duration_s, step_per_side

FITNESS_VOLT_TEN = [
    "single-leg-stand",
    "standing-hip-drive",
    "wall-lean",
    "banded-half-squat",
    "wall-clamshell",
    "bird-dog",
    "glute-bridge",
    "lateral-band-walk",
    "frog-pump",
    "single-leg-rdl",
]
MEDIUS_FIVE = {
    "side-plank",
    "single-leg-squat",
    "single-leg-rdl",
    "pelvic-drop",
    "side-lying-hip-abduction",
}
LIVESTRONG_FOUR = [
    "side-lying-inward-leg-lift",
    "standing-banded-abduction",
    "quadruped-leg-kickback",
    "squat-side-step",
]
MINIMUS_FIVE = [
    "seated-banded-abduction",
    "single-leg-glute-bridge",
    "curtsy-lunge",
    "donkey-kick",
    "fire-hydrant",
]


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


@pytest.fixture(scope="module")
def builtins(library: Library) -> dict[str, Routine]:
    referenced = set()
    for path in builtin_routines_dir().glob("*.toml"):
        referenced |= set(
            line.split('"')[1]
            for line in path.read_text().splitlines()
            if line.startswith("exercise")
        )
    missing = sorted(referenced - set(library.ids))
    assert not missing, f"built-in routines name exercises the library lacks: {missing}"
    return {routine.id: routine for routine in builtin_routines(library)}


def text_of(steps: str, head: str = 'name = "Morning"\nprepare_s = 10\n') -> str:
    return head + steps


def error_for(text: str, library: Library) -> str:
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, "morning.toml", library)
    return str(caught.value)


# --- the built-ins -------------------------------------------------------------------------------


def test_every_builtin_loads_in_the_listed_order(builtins: dict[str, Routine]) -> None:
    assert list(builtins) == list(BUILTIN_ORDER)
    for routine in builtins.values():
        assert routine.name
        assert routine.description


def test_glute_amnesia_wake_up_is_the_guide_in_order_at_the_low_end(
    builtins: dict[str, Routine], library: Library
) -> None:
    routine = builtins["glute-amnesia-wake-up"]
    # Frog pumps wait: the guide keeps them for glutes that are already waking up.
    assert routine.exercise_ids == [i for i in FITNESS_VOLT_TEN if i != "frog-pump"]
    for step in routine.steps:
        dosage = library[step.exercise].dosage
        amount = dosage.hold_s or dosage.reps or dosage.steps
        assert amount is not None
        assert (step.sets, step.target, step.mode) == (dosage.sets, amount.min, dosage.mode)


def test_desk_break_is_standing_only_and_three_to_five_minutes(
    builtins: dict[str, Routine], library: Library
) -> None:
    routine = builtins["desk-break"]
    assert {library[i].position for i in routine.exercise_ids} == {Position.STANDING}
    total = routine_duration_s(routine, library)
    assert 180 <= total <= 300
    # Counted by hand: 5 get ready + 65 stand + 10 + 60 hip drive + 10 + 25 lean + 10 + 53 RDL.
    assert total == 238


def test_standing_break_for_the_sitting_reminder_is_about_two_minutes(
    builtins: dict[str, Routine], library: Library
) -> None:
    routine = builtins["standing-break"]
    assert {library[i].position for i in routine.exercise_ids} == {Position.STANDING}
    assert all(library[i].needs_no_equipment or library[i].equipment == ["wall"]
               for i in routine.exercise_ids)
    # 3 get ready + 65 stand (30 + 5 switch + 30) + 5 + 25 hip drive + 5 + 25 lean.
    assert routine_duration_s(routine, library) == 128


def test_gluteus_medius_a_and_b_split_the_five_with_one_to_two_minute_rests(
    builtins: dict[str, Routine], library: Library
) -> None:
    a, b = builtins[MEDIUS_PAIR[0]], builtins[MEDIUS_PAIR[1]]
    assert sorted([len(a.steps), len(b.steps)]) == [2, 3]
    assert set(a.exercise_ids) | set(b.exercise_ids) == MEDIUS_FIVE
    assert not set(a.exercise_ids) & set(b.exercise_ids)
    for routine in (a, b):
        rests = [
            phase.duration_s for phase in compile_timeline(routine, library) if phase.kind.is_rest
        ]
        assert rests
        assert all(rest is not None and 60 <= rest <= 120 for rest in rests)
    squat = next(s for s in a.steps + b.steps if s.exercise == "single-leg-squat")
    assert (squat.mode, squat.tempo, squat.reps) == (Mode.TEMPO, "2-0-2", 10)


def test_the_other_builtins_hold_their_articles_exercises(
    builtins: dict[str, Routine], library: Library
) -> None:
    assert builtins["atrophy-starter"].exercise_ids == LIVESTRONG_FOUR
    assert builtins["gluteus-minimus-focus"].exercise_ids == MINIMUS_FIVE
    warm_up = builtins["warm-up-before-leg-day"]
    assert {"glute-bridge", "lateral-band-walk"} <= set(warm_up.exercise_ids)
    assert routine_duration_s(warm_up, library) < 10 * 60
    for routine in builtins.values():
        for step in routine.steps:
            dosage = library[step.exercise].dosage
            amount = dosage.hold_s or dosage.reps or dosage.steps
            # The medius routines run the medius article's own 3 x 10, inside the library's 8-12.
            low = 10 if routine.id in MEDIUS_PAIR and step.exercise == "single-leg-rdl" else None
            assert amount is not None, (routine.id, step)
            assert step.target == (low or amount.min), (routine.id, step)


def test_builtins_write_back_exactly(builtins: dict[str, Routine], library: Library) -> None:
    for routine in builtins.values():
        again = parse_routine(routine_to_toml(routine), f"{routine.id}.toml", library)
        assert again == routine


def test_a_and_b_alternate() -> None:
    assert next_in_pair(None) == "gluteus-medius-a"
    assert next_in_pair("gluteus-medius-a") == "gluteus-medius-b"
    assert next_in_pair("gluteus-medius-b") == "gluteus-medius-a"
    assert next_in_pair("desk-break") == "gluteus-medius-a"
    assert next_in_pair("x", ("x", "y")) == "y"


# --- validation messages -------------------------------------------------------------------------

GOOD_STEP = '\n[[steps]]\nexercise = "glute-bridge"\nsets = 3\nhold_s = 15\n'


def test_unknown_exercise_names_file_step_line_and_a_suggestion(library: Library) -> None:
    text = text_of(GOOD_STEP + '\n[[steps]]\nexercise = "glute-brige"\nsets = 2\nreps = 10\n')
    assert error_for(text, library) == (
        "morning.toml: steps[2].exercise (line 10): 'glute-brige' is not in the library "
        "(did you mean 'glute-bridge'?)"
    )


def test_unknown_exercise_without_a_close_match(library: Library) -> None:
    text = text_of('[[steps]]\nexercise = "handstand"\nsets = 2\nreps = 10\n')
    assert error_for(text, library) == (
        "morning.toml: steps[1].exercise (line 4): 'handstand' is not in the library"
    )


def test_missing_keys(library: Library) -> None:
    assert error_for(text_of(GOOD_STEP, head="prepare_s = 10\n"), library) == (
        "morning.toml: name: is missing"
    )
    assert error_for(text_of("", head='name = "x"\nprepare_s = 10\n'), library) == (
        "morning.toml: steps: is missing (add at least one [[steps]] table)"
    )
    assert error_for(text_of("[[steps]]\nsets = 3\nhold_s = 15\n"), library) == (
        "morning.toml: steps[1] (line 3): exercise is missing"
    )
    assert error_for(text_of('[[steps]]\nexercise = "glute-bridge"\nsets = 3\n'), library) == (
        "morning.toml: steps[1] (line 3): set exactly one of hold_s, reps or steps_count "
        "(found none)"
    )


def test_hold_and_reps_together(library: Library) -> None:
    text = text_of('[[steps]]\nexercise = "glute-bridge"\nsets = 3\nhold_s = 15\nreps = 10\n')
    assert error_for(text, library) == (
        "morning.toml: steps[1].reps (line 7): set exactly one of hold_s, reps or steps_count "
        "(found hold_s and reps)"
    )


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("hold_s", "0", "steps[1].hold_s (line 6): must be at least 1 second"),
        ("hold_s", "1801", "steps[1].hold_s (line 6): must be at most 1800 seconds (30 minutes)"),
        ("rest_s", "0", "steps[1].rest_s (line 7): must be at least 1 second"),
        ("rest_after_s", "1801", "steps[1].rest_after_s (line 7): must be at most 1800 seconds"),
    ],
)
def test_durations_run_from_one_second_to_thirty_minutes(
    library: Library, key: str, value: str, message: str
) -> None:
    step = '[[steps]]\nexercise = "glute-bridge"\nsets = 3\n'
    step += f"hold_s = {value}\n" if key == "hold_s" else f"hold_s = 15\n{key} = {value}\n"
    assert error_for(text_of(step), library).startswith("morning.toml: " + message)


def test_prepare_duration_limits(library: Library) -> None:
    for value, what in (("0", "at least 1 second"), ("1801", "at most 1800 seconds")):
        text = text_of(GOOD_STEP, head=f'name = "x"\nprepare_s = {value}\n')
        assert error_for(text, library).startswith(
            f"morning.toml: prepare_s (line 2): must be {what}"
        )


def test_one_second_and_thirty_minutes_are_allowed(library: Library) -> None:
    step = '[[steps]]\nexercise = "glute-bridge"\nsets = 1\nhold_s = 1800\nrest_s = 1\n'
    routine = parse_routine(text_of(step, head='name = "x"\nprepare_s = 1\n'), "x.toml", library)
    assert routine.steps[0].hold_s == 1800


@pytest.mark.parametrize(
    ("tempo", "extra", "message"),
    [
        ("2/0/2", "reps = 10", "tempo '2/0/2' is not 'down-pause-up' seconds, such as '2-0-2'"),
        ("0-0-0", "reps = 10", "tempo '0-0-0' gives a rep of zero seconds"),
        ("2-0-2", "hold_s = 10", "a tempo needs reps, not hold_s"),
        ("30-30-30", "reps = 20", "20 reps at 30-30-30 last 1800 s"),
    ],
)
def test_bad_tempo(library: Library, tempo: str, extra: str, message: str) -> None:
    text = text_of(
        f'[[steps]]\nexercise = "single-leg-squat"\nsets = 3\n{extra}\ntempo = "{tempo}"\n'
    )
    if tempo == "30-30-30":
        text = text.replace("reps = 20", "reps = 21")
        message = "21 reps at 30-30-30 last 1890 s; a set may last at most 1800 seconds"
    assert error_for(text, library).startswith(f"morning.toml: steps[1].tempo (line 7): {message}")


def test_bad_toml_syntax_gives_the_line(library: Library) -> None:
    text = text_of('[[steps]]\nexercise = "glute-bridge"\nsets = 3\nhold_s 15\n')
    message = error_for(text, library)
    assert message.startswith("morning.toml: not valid TOML: ")
    assert "line 6" in message


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('sets = "3"', "steps[1].sets (line 5): must be a whole number, not text in quotes"),
        ("sets = 2.5", "steps[1].sets (line 5): must be a whole number, not a decimal number"),
        ("sets = true", "steps[1].sets (line 5): must be a whole number, not true or false"),
        ("sets = 21", "steps[1].sets (line 5): must be at most 20"),
        (
            'sets = 3\nper_side = "yes"',
            "steps[1].per_side (line 6): must be true or false, not text in quotes",
        ),
        (
            "sets = 3\nhold = 15",
            "steps[1].hold (line 6): is not a known key (did you mean 'hold_s'?)",
        ),
    ],
)
def test_wrong_types_and_unknown_keys(library: Library, line: str, message: str) -> None:
    text = text_of(f'[[steps]]\nexercise = "glute-bridge"\n{line}\nhold_s = 15\n')
    assert error_for(text, library).startswith(f"morning.toml: {message}")


def test_top_level_types_and_empty_values(library: Library) -> None:
    assert error_for(text_of(GOOD_STEP, head='name = ""\nprepare_s = 10\n'), library) == (
        "morning.toml: name (line 1): must not be empty"
    )
    assert error_for(text_of(GOOD_STEP, head='name = "x"\nprepare_s = "10"\n'), library) == (
        "morning.toml: prepare_s (line 2): must be a whole number, not text in quotes"
    )
    assert error_for('name = "x"\nprepare_s = 10\nsteps = []\n', library) == (
        "morning.toml: steps (line 3): needs at least one step"
    )
    assert error_for(text_of(GOOD_STEP, head='name = "x"\nprepare = 10\n'), library).startswith(
        "morning.toml: prepare (line 2): is not a known key (did you mean 'prepare_s'?)"
    )


def test_inline_steps_are_read_and_reported_without_a_line(library: Library) -> None:
    text = (
        'name = "x"\nprepare_s = 5\nsteps = [{ exercise = "glute-bridge", sets = 1, reps = 0 }]\n'
    )
    assert error_for(text, library) == "morning.toml: steps[1].reps: must be at least 1"


# --- writing, folders and lookup -----------------------------------------------------------------


def test_round_trip_keeps_every_field_and_awkward_text(library: Library) -> None:
    routine = Routine(
        id="my-routine",
        name='Physio\'s "plan" \\ week 2 – ünïcode',
        prepare_s=7,
        description="Line one\nline two\ttabbed \x7f and a # that is not a comment",
        steps=(
            RoutineStep(
                "side-plank", sets=2, hold_s=20, per_side=False, rest_s=45, rest_after_s=90
            ),
            RoutineStep("single-leg-squat", sets=3, reps=8, tempo="3-1-1", per_side=True),
            RoutineStep("lateral-band-walk", sets=1, steps_count=12),
            RoutineStep("frog-pump", sets=1, reps=20),
        ),
    )
    text = routine_to_toml(routine)
    assert parse_routine(text, "my-routine.toml", library) == routine
    assert "per_side = false" in text
    assert "rest_s" in text
    assert text.count("[[steps]]") == 4
    assert "tempo" not in text.split("[[steps]]")[3]  # optional keys left out when not set


def test_user_folder_lists_good_files_and_reports_bad_ones(
    tmp_path: Path, library: Library
) -> None:
    (tmp_path / "b-good.toml").write_text(text_of(GOOD_STEP), encoding="utf-8")
    (tmp_path / "a-bad.toml").write_text(text_of("[[steps]]\nsets = 1\n"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a routine", encoding="utf-8")
    found = user_routines(tmp_path, library)
    assert [r.id for r in found.routines] == ["b-good"]
    assert len(found.errors) == 1
    assert "a-bad.toml: steps[1] (line 3)" in found.errors[0]
    assert user_routines(tmp_path / "missing", library).routines == []


def test_find_routine_by_path_user_id_or_builtin_id(
    tmp_path: Path, library: Library, builtins: dict[str, Routine]
) -> None:
    own = tmp_path / "desk-break.toml"
    own.write_text(text_of(GOOD_STEP), encoding="utf-8")
    assert find_routine("desk-break", library).name == "Desk break"
    assert find_routine("desk-break", library, tmp_path).name == "Morning"  # the user's wins
    assert find_routine(str(own), library).id == "desk-break"
    with pytest.raises(RoutineError, match=r"no routine 'desk-brake' \(did you mean 'desk-break'"):
        find_routine("desk-brake", library, tmp_path)
    with pytest.raises(RoutineError, match="cannot be read"):
        find_routine(str(tmp_path / "gone.toml"), library)


def test_per_side_follows_the_library_unless_the_step_says(library: Library) -> None:
    step = RoutineStep("side-plank", sets=1, hold_s=10)
    assert step_per_side(step, library) is library["side-plank"].per_side
    assert (
        step_per_side(RoutineStep("side-plank", sets=1, hold_s=10, per_side=False), library)
        is False
    )


def test_save_validates_and_writes_a_file_that_loads_back(tmp_path: Path, library: Library) -> None:
    routine = Routine(
        id=routine_id_for("  My Physio's Plan! "),
        name="My physio's plan",
        prepare_s=10,
        steps=(RoutineStep("glute-bridge", sets=2, hold_s=20),),
    )
    assert routine.id == "my-physio-s-plan"
    path = save_routine(routine, tmp_path / "routines", library)
    assert path == tmp_path / "routines" / "my-physio-s-plan.toml"
    assert user_routines(tmp_path / "routines", library).routines == [routine]
    broken = Routine("broken", "Broken", 10, (RoutineStep("glute-bridge", sets=2, hold_s=0),))
    with pytest.raises(RoutineError, match=r"broken.toml: steps\[1\].hold_s \(line 8\)"):
        save_routine(broken, tmp_path / "routines", library)
    assert sorted(p.name for p in (tmp_path / "routines").iterdir()) == ["my-physio-s-plan.toml"]
