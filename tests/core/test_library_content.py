"""The shipped exercise library and learning pages: the content itself, not the loader.

Checks the ids other code relies on, the dosages taken from the source articles, the sources
and cautions every exercise must carry, the pages, and that no sentence of the articles was
copied into our text (the seeds README's rule: facts carry over, sentences do not).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gluteapp.core.exercises import (
    Equipment,
    Library,
    Mode,
    Muscle,
    Position,
    Variation,
    load_library,
)

ROOT = Path(__file__).parents[2]
LIBRARY_FILE = ROOT / "assets" / "exercises.toml"
PAGES_DIR = ROOT / "assets" / "pages"
SEEDS_DIR = Path(__file__).parents[3] / "shared" / "seeds"

EXPECTED_IDS = [
    # Fitness Volt glute amnesia guide, in its order
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
    # gluteus medius article
    "side-plank",
    "single-leg-squat",
    "pelvic-drop",
    "side-lying-hip-abduction",
    # gluteus minimus guide
    "seated-banded-abduction",
    "single-leg-glute-bridge",
    "curtsy-lunge",
    "donkey-kick",
    "fire-hydrant",
    # LIVESTRONG atrophy article
    "side-lying-inward-leg-lift",
    "standing-banded-abduction",
    "quadruped-leg-kickback",
    "squat-side-step",
]

LIVESTRONG = "Exercises for Gluteal Muscular Atrophy"
FITNESS_VOLT = "Glute amnesia guide (title not given in the article)"
MOVE_THERAPY = "Why strengthen the gluteus (title not given in the article)"
MEDIUS = "How and Why to Strengthen Your Gluteus Medius Muscles"
MINIMUS = "Gluteus minimus guide (title not given in the article)"

# The five articles: title -> publisher, as each article identifies itself.
ARTICLES = {
    LIVESTRONG: "LIVESTRONG.COM",
    FITNESS_VOLT: "Fitness Volt",
    MOVE_THERAPY: "Move Therapy",
    MEDIUS: "not named in the article",
    MINIMUS: "not named in the article",
}

MEDIUS_EXERCISES = [
    "side-plank",
    "single-leg-squat",
    "single-leg-rdl",
    "pelvic-drop",
    "side-lying-hip-abduction",
]

PAGES = [
    "what-is-glute-amnesia.md",
    "causes.md",
    "signs.md",
    "anatomy.md",
    "how-often.md",
    "fit-into-your-day.md",
    "disclaimer.md",
]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(LIBRARY_FILE)


def source_titles(library: Library, exercise_id: str) -> set[str]:
    return {source.title for source in library[exercise_id].sources}


# --- ids and required dosages --------------------------------------------------------------


def test_the_library_holds_the_23_expected_ids_in_order(library: Library) -> None:
    assert library.ids == EXPECTED_IDS


def test_single_leg_stand_is_three_holds_of_30_to_60_s_per_leg(library: Library) -> None:
    stand = library["single-leg-stand"]
    assert stand.mode is Mode.HOLD
    assert stand.per_side
    assert stand.dosage.sets == 3
    assert stand.dosage.hold_s is not None
    assert (stand.dosage.hold_s.min, stand.dosage.hold_s.max) == (30, 60)


def test_side_plank_holds_start_at_10_s_and_progress_to_30_s(library: Library) -> None:
    plank = library["side-plank"]
    assert plank.mode is Mode.HOLD
    assert plank.per_side
    assert plank.dosage.hold_s is not None
    assert (plank.dosage.hold_s.min, plank.dosage.hold_s.max) == (10, 30)
    assert 60 <= plank.dosage.rest_s <= 120
    lifts = [v for v in plank.harder if v.dosage.reps is not None]
    assert lifts, "the article's harder version lifts the top leg 10-15 times"
    assert lifts[0].dosage.reps is not None
    assert (lifts[0].dosage.reps.min, lifts[0].dosage.reps.max) == (10, 15)
    assert plank.easier, "a way in for people who cannot yet hold the full plank"


def test_single_leg_squat_is_three_tens_at_tempo_2_0_2(library: Library) -> None:
    squat = library["single-leg-squat"]
    assert squat.mode is Mode.TEMPO
    assert squat.per_side
    assert squat.dosage.tempo == "2-0-2"
    tempo = squat.dosage.tempo_parsed
    assert tempo is not None
    assert (tempo.down_s, tempo.pause_s, tempo.up_s) == (2, 0, 2)
    assert squat.dosage.sets == 3
    assert squat.dosage.reps is not None
    assert (squat.dosage.reps.min, squat.dosage.reps.max) == (10, 10)
    assert Equipment.CHAIR in squat.equipment
    assert any("step" in v.name.lower() for v in squat.harder)


def test_lateral_band_walk_counts_10_to_15_steps_each_way(library: Library) -> None:
    walk = library["lateral-band-walk"]
    assert walk.mode is Mode.STEPS
    assert walk.dosage.steps is not None
    assert (walk.dosage.steps.min, walk.dosage.steps.max) == (10, 15)
    assert walk.dosage.sets == 3


@pytest.mark.parametrize("exercise_id", MEDIUS_EXERCISES)
def test_medius_article_exercises_rest_one_to_two_minutes(
    library: Library, exercise_id: str
) -> None:
    exercise = library[exercise_id]
    assert MEDIUS in source_titles(library, exercise_id)
    assert 60 <= exercise.dosage.rest_s <= 120


def test_single_leg_rdl_merges_both_articles(library: Library) -> None:
    assert {FITNESS_VOLT, MEDIUS} <= source_titles(library, "single-leg-rdl")
    rdl = library["single-leg-rdl"]
    assert rdl.dosage.reps is not None
    assert rdl.dosage.reps.min <= 10 <= rdl.dosage.reps.max
    assert rdl.why


@pytest.mark.parametrize("exercise_id", ["glute-bridge", "standing-hip-drive", "wall-lean"])
def test_ambiguous_fitness_volt_holds_are_holds_and_say_why(
    library: Library, exercise_id: str
) -> None:
    exercise = library[exercise_id]
    assert exercise.mode is Mode.HOLD
    assert len(exercise.why) > 40, "the decision between reps and a hold must be explained"


def test_every_rest_and_dose_is_plausible_for_home_rehab(library: Library) -> None:
    for exercise in library:
        doses = [exercise.dosage, *(v.dosage for v in [*exercise.easier, *exercise.harder])]
        for dose in doses:
            assert 2 <= dose.sets <= 4, exercise.id
            assert 30 <= dose.rest_s <= 120, exercise.id


# --- per-side and mode consistency ---------------------------------------------------------


@pytest.mark.parametrize(
    ("exercise_id", "mode", "per_side"),
    [
        ("single-leg-stand", Mode.HOLD, True),
        ("glute-bridge", Mode.HOLD, False),
        ("side-plank", Mode.HOLD, True),
        ("single-leg-squat", Mode.TEMPO, True),
        ("banded-half-squat", Mode.REPS, False),
        ("bird-dog", Mode.REPS, True),
        ("seated-banded-abduction", Mode.REPS, False),
        ("standing-banded-abduction", Mode.REPS, True),
        ("lateral-band-walk", Mode.STEPS, False),
        ("squat-side-step", Mode.STEPS, False),
    ],
)
def test_mode_and_sides(library: Library, exercise_id: str, mode: Mode, per_side: bool) -> None:
    exercise = library[exercise_id]
    assert exercise.mode is mode
    assert exercise.dosage.mode is mode
    assert exercise.per_side is per_side


def test_stepping_exercises_count_both_directions_in_one_set(library: Library) -> None:
    for exercise in library:
        if exercise.mode is Mode.STEPS:
            assert not exercise.per_side, exercise.id


def test_single_leg_exercises_are_done_per_side(library: Library) -> None:
    for exercise in library:
        if exercise.name.lower().startswith("single-leg"):
            assert exercise.per_side, exercise.id


def test_squat_side_step_works_all_three_glutes(library: Library) -> None:
    muscles = set(library["squat-side-step"].primary_muscles)
    assert {Muscle.GLUTEUS_MAXIMUS, Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MINIMUS} <= muscles


def test_a_mat_alone_counts_as_no_equipment(library: Library) -> None:
    assert library["side-plank"].needs_no_equipment
    assert library["single-leg-stand"].needs_no_equipment
    assert not library["lateral-band-walk"].needs_no_equipment


# --- sources, cautions, names --------------------------------------------------------------


def test_every_exercise_cites_one_of_the_five_articles(library: Library) -> None:
    for exercise in library:
        assert exercise.sources, exercise.id
        for source in exercise.sources:
            assert source.title in ARTICLES, (exercise.id, source.title)
            assert source.publisher == ARTICLES[source.title], (exercise.id, source.publisher)


def test_every_article_that_names_exercises_is_cited(library: Library) -> None:
    cited = {source.title for exercise in library for source in exercise.sources}
    assert cited == set(ARTICLES)


def test_every_exercise_has_a_stop_if_it_hurts_caution(library: Library) -> None:
    for exercise in library:
        assert exercise.cautions, exercise.id
        assert any(
            "stop" in caution.lower() and "pain" in caution.lower() for caution in exercise.cautions
        ), exercise.id


def test_every_timed_hold_reminds_you_to_breathe(library: Library) -> None:
    holds = [exercise for exercise in library if exercise.mode is Mode.HOLD]
    assert len(holds) >= 5
    for exercise in holds:
        assert any("breath" in c.lower() for c in exercise.cautions), exercise.id


def test_no_two_exercises_share_a_name(library: Library) -> None:
    names = [exercise.name.casefold() for exercise in library]
    assert len(names) == len(set(names))


def test_aliases_do_not_point_at_another_exercise(library: Library) -> None:
    names = {exercise.name.casefold(): exercise.id for exercise in library}
    for exercise in library:
        for alias in exercise.aliases:
            assert names.get(alias.casefold(), exercise.id) == exercise.id, (exercise.id, alias)


def test_every_exercise_is_fully_described(library: Library) -> None:
    for exercise in library:
        assert len(exercise.steps) >= 3, exercise.id
        assert exercise.tips, exercise.id
        assert exercise.mistakes, exercise.id
        assert exercise.why, exercise.id
        assert exercise.easier or exercise.harder or exercise.id in NO_VARIATIONS, exercise.id


# The articles give no easier or harder version of these, and no library exercise fits.
NO_VARIATIONS = {"side-lying-inward-leg-lift", "squat-side-step"}


# --- versions: exercises in their own right ------------------------------------------------

# How a version's `why` may name where it comes from; "Our own" marks one no article gives.
ARTICLE_WORDS = ("glute amnesia guide", "gluteus medius article", "minimus guide", "LIVESTRONG",
                 "The guide", "the guide")


def versions(library: Library) -> list[tuple[str, Variation]]:
    return [(e.id, v) for e in library for v in (*e.easier, *e.harder)]


def test_there_are_36_versions_and_each_says_where_it_comes_from(library: Library) -> None:
    found = versions(library)
    assert len(found) == 36
    for exercise_id, version in found:
        where = (exercise_id, version.name)
        assert version.why, where
        named = any(word in version.why for word in ARTICLE_WORDS)
        assert version.see or named or version.why.startswith("Our own"), where


def test_a_version_that_is_another_exercise_carries_its_dose_unchanged(library: Library) -> None:
    pointing = [(i, v) for i, v in versions(library) if v.see]
    assert len(pointing) == 8
    for exercise_id, version in pointing:
        assert version.see is not None
        other = library[version.see]
        where = (exercise_id, version.name)
        assert (version.mode, version.per_side) == (other.mode, other.per_side), where
        assert version.dosage == other.dosage, where
        assert (version.primary_muscles, version.secondary_muscles) == (
            other.primary_muscles, other.secondary_muscles), where
        assert version.equipment == other.equipment, where
        assert "in this library" in version.how, where


def test_sides_are_a_field_not_a_note(library: Library) -> None:
    for exercise_id, version in versions(library):
        note = version.dosage.note.lower()
        assert "per leg" not in note, (exercise_id, version.name)
        assert "both legs" not in note, (exercise_id, version.name)


@pytest.mark.parametrize(
    ("exercise_id", "name", "mode", "per_side", "sets"),
    [
        ("single-leg-stand", "Single-leg Romanian deadlift", Mode.REPS, True, 3),
        ("side-plank", "Top-leg lifts", Mode.REPS, True, 3),
        ("side-plank", "Top-leg hold", Mode.HOLD, True, 3),
        ("frog-pump", "Glute bridge hold", Mode.HOLD, False, 3),
        ("fire-hydrant", "Four sets", Mode.REPS, True, 4),
        ("single-leg-squat", "Two-leg chair squat", Mode.TEMPO, False, 3),
        ("glute-bridge", "Single-leg glute bridge", Mode.REPS, True, 3),
        ("single-leg-glute-bridge", "Two-leg glute bridge hold", Mode.HOLD, False, 3),
        ("seated-banded-abduction", "Standing banded abduction", Mode.REPS, True, 3),
    ],
)
def test_versions_that_change_the_kind_sets_or_sides(
    library: Library, exercise_id: str, name: str, mode: Mode, per_side: bool, sets: int
) -> None:
    exercise = library[exercise_id]
    version = next(v for v in (*exercise.easier, *exercise.harder) if v.name == name)
    assert (version.mode, version.per_side, version.dosage.sets) == (mode, per_side, sets)


def test_the_side_plank_text_alternates_sides_as_the_player_does(library: Library) -> None:
    plank = library["side-plank"]
    text = " ".join(plank.steps).lower()
    assert "after your sets" not in text
    assert "each set works one side, then the other" in text
    assert "alternate sides set by set" in plank.why


def test_the_harder_step_squat_asks_for_a_stable_step(library: Library) -> None:
    step = next(v for v in library["single-leg-squat"].harder if v.name == "From a step")
    assert "cannot tip or slide" in step.how
    assert "within reach" in step.how
    assert Equipment.STEP in step.equipment


def test_where_the_articles_disagree_the_why_says_so(library: Library) -> None:
    for exercise_id in ("seated-banded-abduction", "side-lying-inward-leg-lift"):
        why = library[exercise_id].why
        assert "outward" in why, exercise_id
        assert "inward" in why, exercise_id
    assert "does not make clear whether it belongs" in library["fire-hydrant"].why
    for exercise_id in ("donkey-kick", "curtsy-lunge", "single-leg-glute-bridge",
                        "seated-banded-abduction"):
        assert "see the fire hydrant" in library[exercise_id].why, exercise_id


def test_main_targets_are_ones_an_article_states(library: Library) -> None:
    # No article names the gluteus minimus as a target of the single-leg bridge.
    bridge = library["single-leg-glute-bridge"]
    assert bridge.primary_muscles == [Muscle.GLUTEUS_MAXIMUS]
    assert Muscle.GLUTEUS_MINIMUS in bridge.secondary_muscles


# --- pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_page_exists_with_one_title_and_real_content(name: str) -> None:
    path = PAGES_DIR / name
    assert path.is_file(), f"missing page {name}"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    assert len(lines[0]) > 4
    assert sum(1 for line in lines if line.startswith("# ")) == 1
    words = len(re.findall(r"[A-Za-z0-9']+", text))
    assert 150 <= words <= 420, f"{name} has {words} words"
    # Plain Markdown only: Qt's setMarkdown renders these, so no HTML, tables or images.
    assert "<" not in text
    assert "![" not in text
    assert not any(line.lstrip().startswith("|") for line in lines)


def test_no_page_calls_the_exercises_safe() -> None:
    # The glute amnesia guide calls its own drills very safe, "performed correctly", and says
    # every exercise carries some risk; no page may claim more.
    for path in sorted(PAGES_DIR.glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        text = _normalise(" ".join(line for line in lines if not line.startswith("#")))
        for sentence in re.split(r"(?<=[.!?:])\s+", text):
            if "exercise" in sentence and re.search(r"\bsafe\b", sentence):
                pytest.fail(f"{path.name}: {sentence}")


def test_the_pages_say_twice_a_week() -> None:
    text = _normalise((PAGES_DIR / "how-often.md").read_text(encoding="utf-8"))
    assert "twice a week" in text
    assert "three sessions" not in text


def test_disclaimer_covers_the_essentials() -> None:
    text = (PAGES_DIR / "disclaimer.md").read_text(encoding="utf-8").lower()
    for phrase in ("not medical advice", "stop", "physiotherapist", "doctor"):
        assert phrase in text, phrase


# --- the rule: facts carry over, sentences do not ------------------------------------------


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


def _seed_sentences() -> set[str]:
    sentences: set[str] = set()
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().lstrip("-•").strip()
            for sentence in re.split(r"(?<=[.!?])\s+", line):
                sentence = _normalise(sentence)
                if len(sentence) >= 40:
                    sentences.add(sentence)
    # An article's own title is cited, not copied: every exercise must name its source.
    return sentences - {_normalise(title) for title in ARTICLES}


def test_no_sentence_of_the_articles_is_copied() -> None:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"source articles not available at {SEEDS_DIR}")
    sentences = _seed_sentences()
    assert len(sentences) > 200, "the seed articles were not read"
    ours = {
        path.name: _normalise(path.read_text(encoding="utf-8"))
        for path in [LIBRARY_FILE, *sorted(PAGES_DIR.glob("*.md"))]
    }
    copied = [
        (name, sentence)
        for name, text in ours.items()
        for sentence in sentences
        if sentence in text
    ]
    assert not copied, copied


def test_name_of_falls_back_to_the_id_for_exercises_no_longer_in_the_library() -> None:
    library = load_library(Path(__file__).parents[2] / "assets" / "exercises.toml")
    assert library.name_of("side-plank") == "Side plank"
    assert library.name_of("retired-exercise") == "retired-exercise"


def test_the_library_vocabulary_is_enums_without_english_labels() -> None:
    """What a person reads for a member is the GUI's to say (gluteapp.gui.words), translated."""
    import gluteapp.core.vocabulary as vocabulary

    for enum in (Muscle, Equipment, Position, Mode):
        assert not any(hasattr(member, "label") for member in enum), enum.__name__
    assert [name for name in dir(vocabulary) if name.endswith("_LABELS")] == []
    source = Path(vocabulary.__file__).read_text(encoding="utf-8")
    for english in ("Mini band", "Standing", "Timed hold", "Gluteus medius", "Hip flexors"):
        assert english not in source
