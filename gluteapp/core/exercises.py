"""The exercise library: its schema, and loading it from a validated TOML file."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct

from gluteapp.core.safe_files import (
    UnusableFileError,
    name_problem,
    read_limited_text,
    shown_path,
    shown_value,
)

# The enums live in `vocabulary` (no msgspec there); they are part of this module's interface.
from gluteapp.core.vocabulary import Equipment as Equipment
from gluteapp.core.vocabulary import Mode as Mode
from gluteapp.core.vocabulary import Muscle as Muscle
from gluteapp.core.vocabulary import Position as Position


class LibraryError(ValueError):
    """A library file that cannot be used, with a message a person can act on."""


Count = Annotated[int, Meta(ge=1, le=200)]
#: Limits far above the shipped library (48 KB, 23 exercises) that keep a hostile file cheap.
MAX_LIBRARY_BYTES = 4 * 1024 * 1024
MAX_EXERCISES = 1000
MAX_ITEMS = 50  # steps, tips, variations... of one exercise
Seconds = Annotated[int, Meta(ge=1, le=1800)]
TEMPO_RE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{1,2})$")


class Range(Struct, frozen=True, forbid_unknown_fields=True):
    """An inclusive range such as 10-15 reps or 30-60 seconds."""

    min: Annotated[int, Meta(ge=1, le=1800)]
    max: Annotated[int, Meta(ge=1, le=1800)]

    def __post_init__(self) -> None:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is below min ({self.min})")

    def __str__(self) -> str:
        return str(self.min) if self.min == self.max else f"{self.min}-{self.max}"


class Tempo(Struct, frozen=True):
    """Seconds for the lowering, the pause and the lifting part of one rep."""

    down_s: int
    pause_s: int
    up_s: int

    @classmethod
    def parse(cls, text: str) -> Tempo:
        match = TEMPO_RE.match(text.strip())
        if not match:
            raise ValueError(f"tempo {text!r} is not 'down-pause-up' seconds, such as '2-0-2'")
        tempo = cls(*(int(part) for part in match.groups()))
        if tempo.rep_s < 1:
            raise ValueError(f"tempo {text!r} gives a rep of zero seconds")
        return tempo

    @property
    def rep_s(self) -> int:
        return self.down_s + self.pause_s + self.up_s

    def __str__(self) -> str:
        return f"{self.down_s}-{self.pause_s}-{self.up_s}"


class Dosage(Struct, frozen=True, forbid_unknown_fields=True):
    """How much of an exercise to do: exactly one of reps, hold_s or steps is set."""

    sets: Annotated[int, Meta(ge=1, le=10)]
    rest_s: Seconds
    reps: Range | None = None
    hold_s: Range | None = None
    steps: Range | None = None
    tempo: Annotated[str, Meta(max_length=20)] | None = None
    note: Annotated[str, Meta(max_length=500)] = ""

    def __post_init__(self) -> None:
        given = [name for name in ("reps", "hold_s", "steps") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("set exactly one of reps, hold_s or steps")
        if self.tempo is not None:
            if self.reps is None:
                raise ValueError("a tempo needs reps")
            Tempo.parse(self.tempo)

    @property
    def mode(self) -> Mode:
        if self.hold_s is not None:
            return Mode.HOLD
        if self.steps is not None:
            return Mode.STEPS
        return Mode.TEMPO if self.tempo else Mode.REPS

    @property
    def tempo_parsed(self) -> Tempo | None:
        return Tempo.parse(self.tempo) if self.tempo else None


class Source(Struct, frozen=True, forbid_unknown_fields=True):
    """The article an exercise came from: title and publisher, never a file name."""

    title: Annotated[str, Meta(min_length=5, max_length=300)]
    publisher: Annotated[str, Meta(min_length=2, max_length=200)]


Slug = Annotated[str, Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, Meta(min_length=3, max_length=2000)]


def _check_mode_and_muscles(
    mode: Mode, dosage: Dosage, primary: list[Muscle], secondary: list[Muscle]
) -> None:
    """What an exercise and each of its versions must agree on, whatever the schema allows."""
    if dosage.mode is not mode:
        raise ValueError(f"mode is {mode.value!r} but the dosage describes {dosage.mode.value!r}")
    overlap = set(primary) & set(secondary)
    if overlap:
        names = ", ".join(sorted(m.value for m in overlap))
        raise ValueError(f"{names} listed as both primary and secondary")


class Variation(Struct, frozen=True, forbid_unknown_fields=True):
    """An easier or harder version of an exercise: an exercise in its own right.

    It has its own kind of dose (`mode`, which its dosage must describe), its own sets and range,
    whether it is done one side at a time, the equipment it needs and the muscles it works, none
    of them taken from the exercise it belongs to. `see` names another exercise of the library
    when the version is that exercise; `why` says where the version comes from (an article, or
    our own choice when none gives it).
    """

    name: Annotated[str, Meta(min_length=2, max_length=80)]
    how: Annotated[str, Meta(min_length=10, max_length=2000)]
    mode: Mode
    per_side: bool
    dosage: Dosage
    primary_muscles: Annotated[list[Muscle], Meta(min_length=1, max_length=MAX_ITEMS)]
    equipment: Annotated[list[Equipment], Meta(max_length=MAX_ITEMS)]
    secondary_muscles: Annotated[list[Muscle], Meta(max_length=MAX_ITEMS)] = []
    see: Slug | None = None
    why: Annotated[str, Meta(max_length=2000)] = ""
    #: The name shown in another language, set by a translation (`gluteapp.core.content_language`);
    #: `name` stays the one routines and the history store.
    label: Annotated[str, Meta(max_length=80)] = ""

    def __post_init__(self) -> None:
        _check_mode_and_muscles(
            self.mode, self.dosage, self.primary_muscles, self.secondary_muscles)

    @property
    def shown_name(self) -> str:
        """The name a person reads: the translation's, else `name`."""
        return self.label or self.name

    @property
    def muscles(self) -> list[Muscle]:
        return [*self.primary_muscles, *self.secondary_muscles]

    @property
    def needs_no_equipment(self) -> bool:
        return not [e for e in self.equipment if e is not Equipment.MAT]


class Exercise(Struct, frozen=True, forbid_unknown_fields=True):
    id: Slug
    name: Annotated[str, Meta(min_length=3, max_length=60)]
    summary: Annotated[str, Meta(min_length=10, max_length=160)]
    primary_muscles: Annotated[list[Muscle], Meta(min_length=1, max_length=MAX_ITEMS)]
    position: Position
    mode: Mode
    per_side: bool
    dosage: Dosage
    steps: Annotated[list[Text], Meta(min_length=2, max_length=MAX_ITEMS)]
    tips: Annotated[list[Text], Meta(min_length=1, max_length=MAX_ITEMS)]
    cautions: Annotated[list[Text], Meta(min_length=1, max_length=MAX_ITEMS)]
    mistakes: Annotated[list[Text], Meta(max_length=MAX_ITEMS)]
    sources: Annotated[list[Source], Meta(min_length=1, max_length=MAX_ITEMS)]
    secondary_muscles: Annotated[list[Muscle], Meta(max_length=MAX_ITEMS)] = []
    equipment: Annotated[list[Equipment], Meta(max_length=MAX_ITEMS)] = []
    easier: Annotated[list[Variation], Meta(max_length=MAX_ITEMS)] = []
    harder: Annotated[list[Variation], Meta(max_length=MAX_ITEMS)] = []
    aliases: Annotated[list[Annotated[str, Meta(max_length=80)]], Meta(max_length=MAX_ITEMS)] = []
    why: Annotated[str, Meta(max_length=4000)] = ""

    def __post_init__(self) -> None:
        _check_mode_and_muscles(
            self.mode, self.dosage, self.primary_muscles, self.secondary_muscles)

    @property
    def muscles(self) -> list[Muscle]:
        return [*self.primary_muscles, *self.secondary_muscles]

    @property
    def needs_no_equipment(self) -> bool:
        return not [e for e in self.equipment if e is not Equipment.MAT]


class LibraryFile(Struct, forbid_unknown_fields=True):
    exercise: Annotated[list[Exercise], Meta(max_length=MAX_EXERCISES)]


class Library:
    """The loaded exercises, in file order, with lookup by id; `language` is that of its texts."""

    def __init__(self, exercises: Iterable[Exercise], language: str = "en") -> None:
        self._items = list(exercises)
        self.language = language
        self._by_id = {e.id: e for e in self._items}

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __getitem__(self, exercise_id: str) -> Exercise:
        try:
            return self._by_id[exercise_id]
        except KeyError:
            raise KeyError(f"no exercise with id {exercise_id!r} in the library") from None

    def get(self, exercise_id: str) -> Exercise | None:
        return self._by_id.get(exercise_id)

    def name_of(self, exercise_id: str) -> str:
        """The exercise's name, or its id when the library no longer has it (old history)."""
        exercise = self._by_id.get(exercise_id)
        return exercise.name if exercise is not None else exercise_id

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self._items]


_PATH_RE = re.compile(r"^\$\.exercise\[(\d+)\](.*)$")
_VERSION_RE = re.compile(r"^(easier|harder)\[(\d+)\]\.?(.*)$")


def _within(entry: Mapping[str, Any], field: str) -> str:
    """"field 'x'", or inside a version "harder version 'Top-leg lifts', field 'mode'"."""
    match = _VERSION_RE.match(field)
    if not match:
        return f"field {shown_value(field or '(the entry itself)')}"
    kind, number, rest = match.group(1), int(match.group(2)), match.group(3)
    versions = entry.get(kind)
    version = versions[number] if isinstance(versions, list) and number < len(versions) else None
    name = version.get("name") if isinstance(version, dict) else None
    shown = shown_value(name) if isinstance(name, str) and name else f"number {number + 1}"
    return f"{kind} version {shown}" + (f", field {shown_value(rest)}" if rest else "")


def _explain(error: msgspec.ValidationError, raw: Mapping[str, Any], origin: str) -> str:
    """Turn msgspec's '... - at `$.exercise[3].dosage.sets`' into a message naming the exercise."""
    text = str(error)
    message, _, where = text.rpartition(" - at ")
    where = where.strip("`")
    if len(message) > 200:  # msgspec quotes unknown keys and values whole
        message = message[:200] + "…"
    if not message:
        return f"{origin}: {text[:300]}"
    if where == "$.exercise" and (
            found := re.match(r"Expected `array` of length <= (\d+)", message)):
        return f"{origin}: holds more than {found.group(1)} exercises, the most a library may"
    match = _PATH_RE.match(where)
    if not match:
        return f"{origin}: {message} (at {where.removeprefix('$.') or 'the top level'})"
    index = int(match.group(1))
    field = match.group(2).lstrip(".")
    items = raw.get("exercise", [])
    entry = items[index] if index < len(items) and isinstance(items[index], dict) else {}
    name = entry.get("id") or entry.get("name") or f"number {index + 1}"
    shown = shown_value(name) if isinstance(name, str) else repr(f"number {index + 1}")
    return f"{origin}: exercise {shown}, {_within(entry, field)}: {message}"


def parse_library(text: str, origin: str = "exercise library") -> Library:
    """Validate a library document; raise LibraryError naming the exercise and field."""
    import tomllib  # only when the TOML is read: a start reads the validated copy

    text = text.removeprefix("\ufeff")  # a byte-order mark, as some editors write
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LibraryError(f"{origin}: not valid TOML: {error}") from None
    except RecursionError:
        # tomllib recurses once per nested bracket: a few hundred of them exhaust the stack.
        raise LibraryError(
            f"{origin}: not valid TOML: its lists or tables are nested too deeply") from None
    try:
        parsed = msgspec.convert(raw, LibraryFile, strict=True)
    except msgspec.ValidationError as error:
        raise LibraryError(_explain(error, raw, origin)) from None
    return library_of(parsed, origin)


def library_of(parsed: LibraryFile, origin: str = "exercise library") -> Library:
    """The checks the schema cannot express (unique ids, not empty), then the Library."""
    seen: set[str] = set()
    for exercise in parsed.exercise:
        if exercise.id in seen:
            raise LibraryError(f"{origin}: exercise {exercise.id!r}, field 'id': used twice")
        seen.add(exercise.id)
        named = [("name", exercise.name)] + [
            (f"{kind}.name", variation.name)
            for kind, variations in (("easier", exercise.easier), ("harder", exercise.harder))
            for variation in variations
        ]
        for field, name in named:
            if problem := name_problem(name):
                raise LibraryError(
                    f"{origin}: exercise {exercise.id!r}, field {field!r}: {problem}")
    if not parsed.exercise:
        raise LibraryError(f"{origin}: holds no exercises")
    _check_versions(parsed.exercise, origin)
    return Library(parsed.exercise)


def _check_versions(exercises: list[Exercise], origin: str) -> None:
    """Version names a routine can tell apart, and `see` naming another exercise that exists."""
    ids = {exercise.id for exercise in exercises}
    for exercise in exercises:
        names: set[str] = set()
        for kind, versions in (("easier", exercise.easier), ("harder", exercise.harder)):
            for version in versions:
                where = f"{origin}: exercise {exercise.id!r}, {kind} version {version.name!r}"
                if version.name in names:
                    raise LibraryError(
                        f"{where}, field 'name': used twice; a routine names a version by it")
                names.add(version.name)
                if version.see == exercise.id:
                    raise LibraryError(f"{where}, field 'see': names the exercise itself")
                if version.see is not None and version.see not in ids:
                    raise LibraryError(
                        f"{where}, field 'see': {version.see!r} is not in the library")


def load_library(path: Path) -> Library:
    """Read and validate a library file: a regular file of at most MAX_LIBRARY_BYTES."""
    try:
        text = read_limited_text(path, MAX_LIBRARY_BYTES, "library file")
    except UnusableFileError as problem:
        raise LibraryError(str(problem)) from None
    return parse_library(text, origin=shown_path(path))


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """Every field, with derived ones a reader of the JSON would want."""
    data: dict[str, Any] = msgspec.to_builtins(exercise)
    for kind, versions in (("easier", exercise.easier), ("harder", exercise.harder)):
        for shown, version in zip(data.get(kind, []), versions, strict=True):
            shown["label"] = version.shown_name  # what a person reads; `name` is the key
    data["no_equipment"] = exercise.needs_no_equipment
    data["on_floor"] = exercise.position.on_floor
    return data
