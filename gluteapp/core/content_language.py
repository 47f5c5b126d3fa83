"""The library's, the built-in routines' and the pages' texts in another language: one file each.

English is the source. A translation is a separate file beside it, named with the language code:
`exercises.de.toml` holds every exercise's texts keyed by its id and every version's keyed by its
English name (the name routines and the history store), `routines.de.toml` every built-in
routine's name and description keyed by its id, and `pages/<page>.de.md` each learning page.

A translation changes only words. It is validated with the same limits as the library (a German
summary longer than an English one may be is refused like one), and `translation_gaps` lists
every English text without a translation, which the tests and `gluteapp exercises --check` turn
into a failure. The app itself shows English where a text has no translation.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct

from gluteapp.core.exercises import (
    MAX_ITEMS,
    MAX_LIBRARY_BYTES,
    Exercise,
    Library,
    LibraryError,
    LibraryFile,
    Slug,
    Text,
    library_of,
    parse_library,
)
from gluteapp.core.safe_files import (
    UnusableFileError,
    name_problem,
    read_limited_text,
    shown_path,
    shown_value,
)

log = logging.getLogger(__name__)

#: English, the source language, and every language the app's content is translated into.
SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "de")
#: A translation is no larger than the library it translates may be.
MAX_TRANSLATION_BYTES = MAX_LIBRARY_BYTES

Name = Annotated[str, Meta(min_length=3, max_length=60)]
Summary = Annotated[str, Meta(min_length=10, max_length=160)]
Items = Annotated[list[Text], Meta(max_length=MAX_ITEMS)]
Note = Annotated[str, Meta(max_length=500)]


class VersionWords(Struct, frozen=True, forbid_unknown_fields=True):
    """An easier or harder version's texts; the key in the file is its English name."""

    name: Annotated[str, Meta(min_length=2, max_length=80)]
    how: Annotated[str, Meta(min_length=10, max_length=2000)]
    why: Annotated[str, Meta(max_length=2000)] = ""
    dose_note: Note = ""


class ExerciseWords(Struct, frozen=True, forbid_unknown_fields=True):
    """One exercise's texts; lists hold as many items as the English, in the same order."""

    name: Name
    summary: Summary
    steps: Items
    tips: Items
    cautions: Items
    mistakes: Items = []
    aliases: Annotated[list[Annotated[str, Meta(max_length=80)]], Meta(max_length=MAX_ITEMS)] = []
    why: Annotated[str, Meta(max_length=4000)] = ""
    dose_note: Note = ""
    versions: dict[str, VersionWords] = {}


class LibraryWords(Struct, frozen=True):
    """A translation of the library: `exercise` by id, `sources` an article's title or
    publisher as it is said in the language (a real headline may stay as it is)."""

    language: str
    exercise: Mapping[str, ExerciseWords]
    sources: Mapping[str, str]
    origin: str = "translation"


class RoutineWords(Struct, frozen=True, forbid_unknown_fields=True):
    """A built-in routine's name and description; the key in the file is its id."""

    name: Annotated[str, Meta(min_length=1, max_length=80)]
    description: Annotated[str, Meta(max_length=2000)] = ""


def content_language(code: str | None) -> str:
    """The content language for a language code ("de", "de_AT", "de-DE", "system" resolved by
    the caller): one of LANGUAGES, English for anything without a translation."""
    base = (code or SOURCE_LANGUAGE).replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else SOURCE_LANGUAGE


def translation_path(source: Path, language: str) -> Path:
    """`exercises.toml` -> `exercises.de.toml`, `disclaimer.md` -> `disclaimer.de.md`."""
    return source.with_name(f"{source.stem}.{language}{source.suffix}")


# --- reading a library translation -----------------------------------------------------------


def _entry_problem(error: msgspec.ValidationError) -> str:
    """msgspec's message as "field 'x': what is wrong", for one entry of a translation."""
    message, _, where = str(error).rpartition(" - at ")
    if not message:
        message, where = str(error), ""
    field = where.strip("`").removeprefix("$").lstrip(".")
    if found := re.match(r"Object contains unknown field `([^`]{1,80})`", message):
        return (f"field {shown_value(found.group(1))}: is not a text a translation holds "
                "(doses, muscles and the like stay in the English file)")
    if found := re.match(r"Object missing required field `(\w+)`", message):
        return f"field {shown_value(found.group(1))}: is missing"
    if len(message) > 200:
        message = message[:200] + "…"
    return f"field {shown_value(field)}: {message}" if field else message


def _read_toml(text: str, origin: str) -> dict[str, Any]:
    import tomllib  # a start reads the validated copy, not the TOML

    text = text.removeprefix("\ufeff")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LibraryError(f"{origin}: not valid TOML: {error}") from None
    except RecursionError:
        raise LibraryError(
            f"{origin}: not valid TOML: its lists or tables are nested too deeply") from None


def _exercise_words(exercise_id: str, raw: object, origin: str) -> ExerciseWords:
    where = f"{origin}: exercise {shown_value(exercise_id)}"
    if not isinstance(raw, dict):
        raise LibraryError(f"{where}: must be a table of texts")
    versions = raw.get("versions", {})
    if not isinstance(versions, dict):
        raise LibraryError(f"{where}, field 'versions': must be a table, one entry per version")
    try:
        words = msgspec.convert({k: v for k, v in raw.items() if k != "versions"},
                                ExerciseWords, strict=True)
    except msgspec.ValidationError as error:
        raise LibraryError(f"{where}, {_entry_problem(error)}") from None
    checked = {}
    for name, version in versions.items():
        try:
            checked[name] = msgspec.convert(version, VersionWords, strict=True)
        except msgspec.ValidationError as error:
            raise LibraryError(
                f"{where}, version {shown_value(name)}, {_entry_problem(error)}") from None
    for field, text in [("name", words.name), *((f"version {k!r}", v.name)
                                               for k, v in checked.items())]:
        if problem := name_problem(text):
            raise LibraryError(f"{where}, {field}: {problem}")
    return msgspec.structs.replace(words, versions=checked)


def parse_library_words(text: str, language: str, origin: str = "translation") -> LibraryWords:
    """Validate a library translation; raise LibraryError naming the exercise and field."""
    raw = _read_toml(text, origin)
    unknown = sorted(set(raw) - {"exercise", "sources"})
    if unknown:
        raise LibraryError(
            f"{origin}: {shown_value(unknown[0])} is not a known table; use [exercise.<id>] "
            "and [sources]")
    exercises = raw.get("exercise", {})
    sources = raw.get("sources", {})
    if not isinstance(exercises, dict):
        raise LibraryError(f"{origin}: 'exercise' must be a table of exercises by id")
    if not isinstance(sources, dict) or not all(
            isinstance(v, str) and v.strip() for v in sources.values()):
        raise LibraryError(f"{origin}: [sources] must map each English title or publisher to "
                           "its text in the language")
    if len(exercises) > 1000:
        raise LibraryError(f"{origin}: holds more than 1000 exercises")
    words = {}
    for exercise_id, entry in exercises.items():
        try:
            msgspec.convert(exercise_id, Slug)
        except msgspec.ValidationError:
            raise LibraryError(
                f"{origin}: {shown_value(exercise_id)} is not an exercise id") from None
        words[exercise_id] = _exercise_words(exercise_id, entry, origin)
    return LibraryWords(language, words, dict(sources), origin)


def load_library_words(path: Path, language: str) -> LibraryWords:
    """Read and validate the translation file at `path`."""
    try:
        text = read_limited_text(path, MAX_TRANSLATION_BYTES, "translation file")
    except UnusableFileError as problem:
        raise LibraryError(str(problem)) from None
    return parse_library_words(text, language, shown_path(path))


# --- what a translation leaves out -----------------------------------------------------------


def _suggest(word: str, choices: list[str]) -> str:
    import difflib  # only for a translation file with a word out of place

    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6) if len(word) < 120 else []
    return f" (did you mean {match[0]!r}?)" if match else ""


def _version_gaps(exercise: Exercise, words: ExerciseWords, where: str) -> Iterator[str]:
    versions = [*exercise.easier, *exercise.harder]
    names = [version.name for version in versions]
    for version in versions:
        said = words.versions.get(version.name)
        if said is None:
            yield f"{where}, version {version.name!r}: no translation"
            continue
        if version.why.strip() and not said.why.strip():
            yield f"{where}, version {version.name!r}, field 'why': no translation"
        if version.dosage.note.strip() and not said.dose_note.strip():
            yield f"{where}, version {version.name!r}, field 'dose_note': no translation"
    for name in words.versions:
        if name not in names:
            yield (f"{where}, version {shown_value(name)}: {exercise.id!r} has no version of "
                   f"that name{_suggest(name, names)}")


def _exercise_gaps(exercise: Exercise, words: ExerciseWords, where: str) -> Iterator[str]:
    for field in ("steps", "tips", "cautions", "mistakes"):
        english, said = len(getattr(exercise, field)), len(getattr(words, field))
        if english != said:
            yield f"{where}, field {field!r}: {english} in English, {said} here"
    if exercise.why.strip() and not words.why.strip():
        yield f"{where}, field 'why': no translation"
    if exercise.dosage.note.strip() and not words.dose_note.strip():
        yield f"{where}, field 'dose_note': no translation"
    yield from _version_gaps(exercise, words, where)


def translation_gaps(library: Library, words: LibraryWords) -> list[str]:
    """Every English text the translation leaves out, and every entry naming nothing in the
    library, one line each; empty for a complete translation."""
    gaps = []
    for exercise in library:
        where = f"{words.origin}: exercise {exercise.id!r}"
        said = words.exercise.get(exercise.id)
        if said is None:
            gaps.append(f"{where}: no translation")
            continue
        gaps.extend(_exercise_gaps(exercise, said, where))
    for exercise_id in words.exercise:
        if exercise_id not in library:
            gaps.append(f"{words.origin}: exercise {shown_value(exercise_id)}: not in the "
                        f"library{_suggest(exercise_id, library.ids)}")
    used = sorted({text for exercise in library for source in exercise.sources
                   for text in (source.title, source.publisher)})
    gaps.extend(f"{words.origin}, [sources]: {text!r}: no translation"
                for text in used if text not in words.sources)
    return gaps


# --- applying it -----------------------------------------------------------------------------


def _translated_version(version: dict[str, Any], words: ExerciseWords) -> None:
    said = words.versions.get(version["name"])
    if said is None:
        return
    version["label"] = said.name
    version["how"] = said.how
    if said.why.strip():
        version["why"] = said.why
    if said.dose_note.strip():
        version["dosage"]["note"] = said.dose_note


def _translated_exercise(entry: dict[str, Any], words: ExerciseWords,
                         sources: Mapping[str, str]) -> None:
    entry["name"] = words.name
    entry["summary"] = words.summary
    for field in ("steps", "tips", "cautions", "mistakes"):
        if len(getattr(words, field)) == len(entry[field]):  # else gaps(): stays English
            entry[field] = list(getattr(words, field))
    entry["aliases"] = list(words.aliases)
    if words.why.strip():
        entry["why"] = words.why
    if words.dose_note.strip():
        entry["dosage"]["note"] = words.dose_note
    for source in entry["sources"]:
        source["title"] = sources.get(source["title"], source["title"])
        source["publisher"] = sources.get(source["publisher"], source["publisher"])
    for kind in ("easier", "harder"):
        for version in entry[kind]:
            _translated_version(version, words)


def translate_library(library: Library, words: LibraryWords) -> Library:
    """The library with the translation's texts, validated again as a library.

    Numbers, muscles, equipment and names that routines and the history store stay as they
    are; a text the translation leaves out stays English (the gaps are logged).
    """
    if gaps := translation_gaps(library, words):
        log.warning("%d texts have no %s translation, first: %s", len(gaps), words.language,
                    gaps[0])
    raw: dict[str, Any] = msgspec.to_builtins(LibraryFile(exercise=list(library)))
    for entry in raw["exercise"]:
        said = words.exercise.get(entry["id"])
        if said is not None:
            _translated_exercise(entry, said, words.sources)
    try:
        parsed = msgspec.convert(raw, LibraryFile)
    except msgspec.ValidationError as error:
        raise LibraryError(f"{words.origin}: the translated library is not valid: "
                           f"{str(error)[:300]}") from None
    translated = library_of(parsed, words.origin)
    translated.language = words.language
    return translated


def parse_translated_library(text: str, origin: str, words: LibraryWords) -> Library:
    """Validate an English library document, then apply a translation to it."""
    return translate_library(parse_library(text, origin), words)


def load_library_in(path: Path, language: str) -> Library:
    """The library file at `path` in `language`: with `translation_path(path, language)` if the
    language is not English (a missing translation file is an error), validated."""
    from gluteapp.core.exercises import load_library

    english = load_library(path)
    if content_language(language) == SOURCE_LANGUAGE:
        return english
    language = content_language(language)
    return translate_library(english, load_library_words(translation_path(path, language),
                                                        language))


# --- routines and pages ----------------------------------------------------------------------


def parse_routine_words(text: str, origin: str) -> dict[str, RoutineWords]:
    """Validate a routines translation: one table per routine id."""
    raw = _read_toml(text, origin)
    words = {}
    for routine_id, entry in raw.items():
        try:
            words[routine_id] = msgspec.convert(entry, RoutineWords, strict=True)
        except msgspec.ValidationError as error:
            raise LibraryError(
                f"{origin}: routine {shown_value(routine_id)}, {_entry_problem(error)}") from None
        if problem := name_problem(words[routine_id].name):
            raise LibraryError(f"{origin}: routine {routine_id!r}, field 'name': {problem}")
    return words


@cache
def routine_words(routines_dir: Path, language: str) -> Mapping[str, RoutineWords]:
    """The built-in routines' names and descriptions in `language` (none for English)."""
    if content_language(language) == SOURCE_LANGUAGE:
        return {}
    path = routines_dir.parent / f"{routines_dir.name}.{content_language(language)}.toml"
    try:
        text = read_limited_text(path, MAX_TRANSLATION_BYTES, "translation file")
        return parse_routine_words(text, shown_path(path))
    except (UnusableFileError, LibraryError) as problem:
        log.warning("built-in routines stay English: %s", problem)
        return {}


@cache
def builtin_routine_name(routines_dir: Path, routine_id: str, language: str) -> str | None:
    """A built-in routine's name in `language`, or None for an id no built-in has.

    For a session in the history: it stored the name in the language of its day, and shows
    the built-in's name in today's.
    """
    path = routines_dir / f"{routine_id}.toml"
    if Path(routine_id).name != routine_id or not path.is_file():
        return None
    said = routine_words(routines_dir, language).get(routine_id)
    if said is not None:
        return said.name
    import tomllib

    try:
        name = tomllib.loads(read_limited_text(path, MAX_TRANSLATION_BYTES, "routine file"))
    except (UnusableFileError, tomllib.TOMLDecodeError):
        return None
    found = name.get("name")
    return found if isinstance(found, str) and found.strip() else None


def page_path(folder: Path, slug: str, language: str) -> Path:
    """A learning page in `language` if it has been translated, else the English one."""
    english = folder / f"{slug}.md"
    if content_language(language) == SOURCE_LANGUAGE:
        return english
    translated = translation_path(english, content_language(language))
    return translated if translated.is_file() else english


def is_translation(path: Path) -> str | None:
    """The language of a translation file (`exercises.de.toml`, `causes.de.md`), else None."""
    parts = path.name.split(".")
    if len(parts) == 3 and parts[1] in LANGUAGES and parts[1] != SOURCE_LANGUAGE:
        return parts[1]
    return None

