"""The library, the built-in routines and the pages in German: complete, validated like the
English, applied by the loader and its cache, and never touching what routines and the history
store (ids, version names, doses)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import msgspec
import pytest

from gluteapp.core import library_cache
from gluteapp.core.assets import assets_dir, builtin_library
from gluteapp.core.content_language import (
    LibraryWords,
    content_language,
    is_translation,
    load_library_in,
    load_library_words,
    page_path,
    parse_library_words,
    parse_routine_words,
    parse_translated_library,
    routine_words,
    translate_library,
    translation_gaps,
    translation_path,
)
from gluteapp.core.exercises import Library, LibraryError, exercise_to_dict
from gluteapp.core.library_cache import PREFIX, SUFFIX, load_library_cached
from gluteapp.core.routines import builtin_routines, builtin_routines_dir, find_routine

ASSETS = assets_dir()
GERMAN_FILE = ASSETS / "exercises.de.toml"


@pytest.fixture(scope="module")
def english() -> Library:
    return builtin_library()


@pytest.fixture(scope="module")
def words() -> LibraryWords:
    return load_library_words(GERMAN_FILE, "de")


@pytest.fixture(scope="module")
def german() -> Library:
    return builtin_library("de")


# -- the shipped translation is complete ---------------------------------------------------------


def test_every_english_text_of_the_library_has_a_german_one(
    english: Library, words: LibraryWords
) -> None:
    assert translation_gaps(english, words) == []


def test_every_exercise_and_version_reads_german(english: Library, german: Library) -> None:
    assert german.language == "de"
    assert german.ids == english.ids
    for mine, theirs in zip(german, english, strict=True):
        said = tomllib.loads(GERMAN_FILE.read_text(encoding="utf-8"))["exercise"][mine.id]
        assert mine.name == said["name"] != theirs.name or mine.id == "bird-dog"
        assert mine.summary == said["summary"] != theirs.summary
        for field in ("steps", "tips", "cautions", "mistakes"):
            assert getattr(mine, field) == said[field], (mine.id, field)
            assert len(getattr(mine, field)) == len(getattr(theirs, field))
        assert not set(mine.steps) & set(theirs.steps), mine.id
        assert not set(mine.cautions) & set(theirs.cautions), mine.id
        for version, original in zip([*mine.easier, *mine.harder],
                                     [*theirs.easier, *theirs.harder], strict=True):
            assert version.shown_name == said["versions"][original.name]["name"]
            assert version.how == said["versions"][original.name]["how"] != original.how


def test_a_translation_changes_words_only(english: Library, german: Library) -> None:
    for mine, theirs in zip(german, english, strict=True):
        assert (mine.id, mine.dosage.sets, mine.dosage.hold_s, mine.dosage.reps, mine.mode,
                mine.per_side, mine.primary_muscles, mine.equipment) == (
            theirs.id, theirs.dosage.sets, theirs.dosage.hold_s, theirs.dosage.reps,
            theirs.mode, theirs.per_side, theirs.primary_muscles, theirs.equipment)
        for version, original in zip([*mine.easier, *mine.harder],
                                     [*theirs.easier, *theirs.harder], strict=True):
            # Routines and the history name a version by its English name: it must not move.
            assert version.name == original.name
            assert version.dosage.sets == original.dosage.sets
            assert version.see == original.see
            assert original.label == ""
            assert original.shown_name == original.name


def test_the_german_dose_notes_and_sources_are_german(german: Library) -> None:
    assert german["side-plank"].dosage.note.startswith("Fang mit 10 s an")
    combo = german["fire-hydrant"].harder[1]
    assert combo.dosage.note == "10 von jeder Übung"
    titles = {source.title for exercise in german for source in exercise.sources}
    assert "Ratgeber zur Gesäßamnesie (im Artikel ohne Titel)" in titles
    assert not any("title not given" in title for title in titles)


def test_the_json_gives_each_version_its_shown_name(german: Library) -> None:
    data = exercise_to_dict(german["side-plank"])
    assert [v["label"] for v in data["harder"]] == [
        "Oberes Bein heben", "Oberes Bein halten"]
    assert [v["name"] for v in data["harder"]] == ["Top-leg lifts", "Top-leg hold"]
    english = exercise_to_dict(builtin_library()["side-plank"])
    assert english["harder"][0]["label"] == "Top-leg lifts"


# -- what a check finds --------------------------------------------------------------------------

ONE = """
[exercise.glute-bridge]
name = "Gesäßbrücke"
summary = "Die Hüfte heben und halten, mit kräftigem Anspannen."
steps = ["Auf den Rücken legen.", "Hüfte heben.", "Anspannen und halten.", "Langsam senken."]
tips = ["Wie eine Faust.", "Vor Kniebeugen nützlich."]
cautions = ["Bei Schmerz aufhören.", "Nur bis zur Linie.", "Weiteratmen."]
mistakes = ["Zu hoch.", "Spannung lässt nach."]
why = "Warum diese Dosis."

[exercise.glute-bridge.versions."Bridge for reps"]
name = "Brücke mit Wiederholungen"
how = "Heben und senken, oben anspannen."
"""


def test_a_missing_exercise_version_or_text_is_a_gap(english: Library) -> None:
    words = parse_library_words(ONE, "de", "exercises.de.toml")
    gaps = translation_gaps(english, words)
    assert "exercises.de.toml: exercise 'single-leg-stand': no translation" in gaps
    assert ("exercises.de.toml: exercise 'glute-bridge', version 'Banded bridge hold': "
            "no translation") in gaps
    assert ("exercises.de.toml: exercise 'glute-bridge', version 'Bridge for reps', "
            "field 'why': no translation") in gaps
    assert "exercises.de.toml, [sources]: 'Fitness Volt': no translation" in gaps
    assert len([gap for gap in gaps if "no translation" in gap and "version" not in gap
                and "[sources]" not in gap]) == len(english) - 1


def test_a_list_of_another_length_is_a_gap_and_stays_english(english: Library) -> None:
    shorter = ONE.replace('"Hüfte heben.", ', "")
    words = parse_library_words(shorter, "de", "exercises.de.toml")
    assert ("exercises.de.toml: exercise 'glute-bridge', field 'steps': 4 in English, 3 here"
            in translation_gaps(english, words))
    translated = translate_library(english, words)
    assert translated["glute-bridge"].steps == english["glute-bridge"].steps
    assert translated["glute-bridge"].name == "Gesäßbrücke"
    assert translated["single-leg-stand"].name == english["single-leg-stand"].name


def test_an_entry_naming_nothing_in_the_library_is_a_gap(english: Library) -> None:
    extra = ONE.replace("[exercise.glute-bridge]", "[exercise.glute-bridges]").replace(
        '[exercise.glute-bridge.versions."Bridge for reps"]',
        '[exercise.glute-bridges.versions."Bridge for reps"]')
    gaps = translation_gaps(english, parse_library_words(extra, "de", "de.toml"))
    assert ("de.toml: exercise 'glute-bridges': not in the library (did you mean "
            "'glute-bridge'?)") in gaps
    wrong_version = ONE.replace('"Bridge for reps"]', '"Bridge for rep"]')
    gaps = translation_gaps(english, parse_library_words(wrong_version, "de", "de.toml"))
    assert ("de.toml: exercise 'glute-bridge', version 'Bridge for rep': 'glute-bridge' has no "
            "version of that name (did you mean 'Bridge for reps'?)") in gaps


@pytest.mark.parametrize(("change", "message"), [
    (('summary = "Die Hüfte', 'summary = "' + "x" * 200), "exercise 'glute-bridge', field "
     "'summary': Expected `str` of length <= 160"),
    (('name = "Gesäßbrücke"', 'name = "Gesäßbrücke"\nmode = "reps"'),
     "exercise 'glute-bridge', field 'mode': is not a text a translation holds"),
    (('summary = "Die Hüfte heben und halten, mit kräftigem Anspannen."\n', ""),
     "exercise 'glute-bridge', field 'summary': is missing"),
    (('how = "Heben und senken, oben anspannen."', 'how = 3'),
     "exercise 'glute-bridge', version 'Bridge for reps', field 'how': Expected `str`"),
    (('name = "Brücke mit Wiederholungen"', 'name = "\\u200b\\u200b"'),
     "exercise 'glute-bridge', version 'Bridge for reps': must have at least one visible"),
    (("[exercise.glute-bridge]\n", "[exercise.Glute_Bridge]\n"), "is not an exercise id"),
    (("[exercise.glute-bridge]\n", "[exercises.glute-bridge]\n"),
     "'exercises' is not a known table"),
    (('why = "Warum', 'why = ["Warum'), "not valid TOML"),
])
def test_a_translation_is_validated_like_the_library(
    change: tuple[str, str], message: str
) -> None:
    text = ONE.replace(*change, 1)
    assert text != ONE
    with pytest.raises(LibraryError, match=r"^de\.toml: ") as raised:
        parse_library_words(text, "de", "de.toml")
    assert message in str(raised.value)


def test_a_translated_name_too_long_for_the_library_is_refused(english: Library) -> None:
    words = parse_library_words(ONE, "de", "de.toml")
    long_label = msgspec.structs.replace(words.exercise["glute-bridge"].versions[
        "Bridge for reps"], name="B" * 90)
    entry = msgspec.structs.replace(words.exercise["glute-bridge"],
                                    versions={"Bridge for reps": long_label})
    with pytest.raises(LibraryError, match=r"^de\.toml: the translated library is not valid"):
        translate_library(english, LibraryWords("de", {"glute-bridge": entry}, {}, "de.toml"))


def test_a_missing_translation_file_is_an_error(tmp_path: Path) -> None:
    library = tmp_path / "exercises.toml"
    library.write_bytes((ASSETS / "exercises.toml").read_bytes())
    assert load_library_in(library, "en").language == "en"
    with pytest.raises(LibraryError, match=r"exercises\.de\.toml: cannot be read"):
        load_library_in(library, "de")


# -- languages and file names ------------------------------------------------------------------


@pytest.mark.parametrize(("code", "language"), [
    ("de", "de"), ("de_AT", "de"), ("de-CH", "de"), ("DE", "de"), ("en_GB", "en"),
    ("fr_FR", "en"), ("", "en"), (None, "en"), ("C", "en"),
])
def test_content_language(code: str | None, language: str) -> None:
    assert content_language(code) == language


def test_translation_file_names() -> None:
    assert translation_path(Path("a/exercises.toml"), "de") == Path("a/exercises.de.toml")
    assert is_translation(Path("exercises.de.toml")) == "de"
    assert is_translation(Path("what-is-glute-amnesia.de.md")) == "de"
    assert is_translation(Path("exercises.toml")) is None
    assert is_translation(Path("exercises.en.toml")) is None
    assert is_translation(Path("my.routine.toml")) is None


# -- the cache keys on the language and the translation ------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A private copy of the library and its German translation."""
    for name in ("exercises.toml", "exercises.de.toml"):
        (tmp_path / name).write_bytes((ASSETS / name).read_bytes())
    return tmp_path


def copies(cache: Path) -> list[Path]:
    return sorted(cache.glob(f"{PREFIX}*{SUFFIX}"))


def test_the_cache_keeps_a_german_copy_of_its_own(folder: Path) -> None:
    cache = folder / "cache"
    english = load_library_cached(folder / "exercises.toml", cache)
    english_copy = copies(cache)
    german = load_library_cached(folder / "exercises.toml", cache, "de")
    assert german.language == "de"
    assert german["glute-bridge"].name == "Gesäßbrücke"
    assert english["glute-bridge"].name == "Glute bridge"
    assert copies(cache) != english_copy
    again = load_library_cached(folder / "exercises.toml", cache, "de")  # from the copy
    assert again.language == "de"
    assert list(again) == list(german)


def test_an_edited_translation_makes_a_new_copy(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = folder / "cache"
    load_library_cached(folder / "exercises.toml", cache, "de")
    parsed: list[str] = []
    real = parse_translated_library

    def counting(text: str, origin: str, words: LibraryWords) -> Library:
        parsed.append(words.origin)
        return real(text, origin, words)

    monkeypatch.setattr(library_cache, "parse_translated_library", counting)
    load_library_cached(folder / "exercises.toml", cache, "de")
    assert parsed == []  # the copy was used
    german = folder / "exercises.de.toml"
    german.write_text(german.read_text(encoding="utf-8").replace(
        'name = "Gesäßbrücke"', 'name = "Beckenbrücke"'), encoding="utf-8")
    edited = load_library_cached(folder / "exercises.toml", cache, "de")
    assert parsed == [str(german)]
    assert edited["glute-bridge"].name == "Beckenbrücke"
    assert len(copies(cache)) == 1


def test_a_broken_translation_is_an_error_and_not_cached(folder: Path) -> None:
    cache = folder / "cache"
    (folder / "exercises.de.toml").write_text("[exercise.glute-bridge]\nname = 3\n",
                                             encoding="utf-8")
    with pytest.raises(LibraryError, match=r"exercise 'glute-bridge', field 'name'"):
        load_library_cached(folder / "exercises.toml", cache, "de")
    assert copies(cache) == []


# -- routines and pages --------------------------------------------------------------------------


def test_every_builtin_routine_has_a_german_name_and_description(english: Library) -> None:
    said = routine_words(builtin_routines_dir(), "de")
    originals = builtin_routines(english)
    assert sorted(said) == sorted(routine.id for routine in originals)
    for routine in originals:
        assert said[routine.id].name != routine.name
        assert bool(said[routine.id].description) == bool(routine.description)


def test_builtin_routines_follow_the_librarys_language(
    english: Library, german: Library
) -> None:
    routines = {routine.id: routine for routine in builtin_routines(german)}
    assert routines["desk-break"].name == "Schreibtischpause"
    assert routines["desk-break"].description.startswith("Vier Übungen im Stehen")
    assert routines["desk-break"].steps == find_routine("desk-break", english).steps
    assert find_routine("desk-break", german).name == "Schreibtischpause"
    assert find_routine("desk-break", english).name == "Desk break"


def test_a_routine_translation_is_validated() -> None:
    with pytest.raises(LibraryError, match=r"^r\.toml: routine 'desk-break', field 'name'"):
        parse_routine_words('[desk-break]\nname = ""\n', "r.toml")
    with pytest.raises(LibraryError, match=r"field 'steps': is not a text a translation holds"):
        parse_routine_words('[desk-break]\nname = "A"\nsteps = 3\n', "r.toml")


def test_every_page_has_a_german_one() -> None:
    folder = ASSETS / "pages"
    english = sorted(p for p in folder.glob("*.md") if is_translation(p) is None)
    assert english
    for page in english:
        german = page_path(folder, page.stem, "de")
        assert german.name == f"{page.stem}.de.md"
        first = german.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ")
        assert first != page.read_text(encoding="utf-8").splitlines()[0]
    assert page_path(folder, "causes", "en") == folder / "causes.md"
    assert page_path(folder, "no-such-page", "de") == folder / "no-such-page.md"


@pytest.mark.parametrize(("name", "routine_id"), [
    ("Mittlerer Gesäßmuskel A", "mittlerer-gesaessmuskel-a"),
    ("Müde Füße", "muede-fuesse"),
    ("ÖLKÄNNCHEN", "oelkaennchen"),
    ("Café à la carte", "cafe-a-la-carte"),
    ("日本", "routine"),
])
def test_a_german_routine_name_gives_a_readable_file_name(name: str, routine_id: str) -> None:
    from gluteapp.core.routines import routine_id_for

    assert routine_id_for(name) == routine_id
