"""Routines: ordered exercise doses read from validated TOML files, built in or the user's own."""

from __future__ import annotations

import difflib
import json
import os
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any

import msgspec
import msgspec.structs
from msgspec import Meta, Struct, field

from gluteapp.core.assets import assets_dir
from gluteapp.core.exercises import Exercise, Library, Mode, Tempo, Variation
from gluteapp.core.records import Side
from gluteapp.core.safe_files import (
    UnusableFileError,
    is_valid_text,
    name_problem,
    read_limited_text,
    shown_path,
    shown_value,
)

MAX_DURATION_S = 1800
Seconds = Annotated[int, Meta(ge=1, le=MAX_DURATION_S)]
Count = Annotated[int, Meta(ge=1, le=200)]

#: Limits that keep one hostile file from holding up the app; far above any real routine.
MAX_ROUTINE_BYTES = 256 * 1024
MAX_STEPS = 100
MAX_USER_ROUTINES = 500

# The medius article splits its five exercises over two sessions a week; the app alternates them.
MEDIUS_PAIR = ("gluteus-medius-a", "gluteus-medius-b")

# Built-ins in the order a person meets them in lists; any other file in the folder follows.
BUILTIN_ORDER = (
    "glute-amnesia-wake-up",
    "desk-break",
    "gluteus-medius-a",
    "gluteus-medius-b",
    "gluteus-minimus-focus",
    "atrophy-starter",
    "warm-up-before-leg-day",
    "standing-break",
)


class RoutineError(ValueError):
    """A routine file that cannot be used, with a message naming the file, the key and the fault."""


class RoutineStep(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """One exercise of a routine. Exactly one of hold_s, reps or steps_count is set.

    per_side, rest_s and rest_after_s left as None follow the exercise in the library (rest_after_s
    follows rest_s). A step without tempo is self-paced: the person presses Done.

    `variation` names one of the exercise's easier or harder versions to do in its place, at this
    step's dose, which must be of the version's own kind; per_side and rest_s left as None then
    follow the version, not the exercise. `extra_side` (LEFT or RIGHT, per-side steps only) adds
    one more set on that side after the others, for a side that lags behind.
    """

    exercise: Annotated[str, Meta(max_length=60)]
    sets: Annotated[int, Meta(ge=1, le=20)]
    hold_s: Seconds | None = None
    reps: Count | None = None
    steps_count: Count | None = None
    tempo: Annotated[str, Meta(max_length=20)] | None = None
    per_side: bool | None = None
    rest_s: Seconds | None = None
    rest_after_s: Seconds | None = None
    variation: Annotated[str, Meta(max_length=80)] | None = None
    extra_side: Side | None = None

    @property
    def set_count(self) -> int:
        """The sets a session runs for this step, the one-sided extra set included."""
        return self.sets + (1 if self.extra_side is not None else 0)

    @property
    def mode(self) -> Mode:
        if self.hold_s is not None:
            return Mode.HOLD
        if self.steps_count is not None:
            return Mode.STEPS
        return Mode.TEMPO if self.tempo else Mode.REPS

    @property
    def target(self) -> int:
        """The hold in seconds, or the number of reps or steps."""
        value = self.hold_s or self.reps or self.steps_count
        assert value is not None, "a validated step has exactly one target"
        return value

    @property
    def tempo_parsed(self) -> Tempo | None:
        return Tempo.parse(self.tempo) if self.tempo else None


def variation_names(exercise: Exercise) -> list[str]:
    """The names a step's `variation` may take: the easier ones, then the harder ones."""
    return [variation.name for variation in (*exercise.easier, *exercise.harder)]


def find_variation(exercise: Exercise, name: str | None) -> Variation | None:
    """The exercise's easier or harder variation with this name, or None."""
    return next((v for v in (*exercise.easier, *exercise.harder) if v.name == name), None)


#: The step key that holds a dose of each kind (a tempo step counts reps).
DOSE_KEY = {Mode.HOLD: "hold_s", Mode.REPS: "reps", Mode.TEMPO: "reps", Mode.STEPS: "steps_count"}


def what_step_runs(step: RoutineStep, exercise: Exercise) -> Exercise | Variation:
    """What a step does: its easier or harder version, an exercise in its own right, or else the
    exercise itself. Its sides and rest are the step's defaults; its mode is the step's kind."""
    return find_variation(exercise, step.variation) or exercise


def step_variation(step: RoutineStep, library: Library) -> Variation | None:
    """The easier or harder variation a step does instead of the exercise, or None."""
    if step.variation is None:
        return None
    exercise = library[step.exercise]
    variation = find_variation(exercise, step.variation)
    if variation is None:
        raise KeyError(f"{exercise.name!r} has no variation named {step.variation!r}")
    return variation


class _RoutineFile(Struct, frozen=True, forbid_unknown_fields=True):
    name: Annotated[str, Meta(min_length=1, max_length=80)]
    prepare_s: Seconds
    steps: Annotated[tuple[RoutineStep, ...], Meta(min_length=1, max_length=MAX_STEPS)]
    description: Annotated[str, Meta(max_length=2000)] = ""


class Routine(Struct, frozen=True):
    """A validated routine; `id` is the file name without `.toml`."""

    id: str
    name: str
    prepare_s: int
    steps: tuple[RoutineStep, ...]
    description: str = ""

    @property
    def exercise_ids(self) -> list[str]:
        return [step.exercise for step in self.steps]


class RoutineFolder(Struct, frozen=True):
    """The routines found in a folder, and a message for each file that could not be used."""

    routines: list[Routine] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# --- reading -------------------------------------------------------------------------------------

_TYPE_WORDS = {
    "int": "a whole number",
    "str": "text in quotes",
    "bool": "true or false",
    "float": "a decimal number",
    "array": "a list",
    "object": "a table",
}
_STEP_FIELDS = tuple(RoutineStep.__struct_fields__)
_TOP_FIELDS = tuple(_RoutineFile.__struct_fields__)


def _type_words(spec: str) -> str:
    return " or ".join(_TYPE_WORDS.get(part, part) for part in spec.split(" | ") if part != "null")


def _suggest(word: str, choices: Iterable[str]) -> str:
    if len(word) > 120:  # nothing that long is a typo of a short id, and difflib is slow on it
        return ""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


_TABLE_RE = re.compile(r"^\s*\[")
_STEPS_HEADER_RE = re.compile(r"^\s*\[\[\s*steps\s*\]\]")


def _line_of(text: str, step: int | None, key: str | None) -> int | None:
    """The 1-based line of a key (top level, or in a step) or of a step's `[[steps]]` header."""
    lines = text.splitlines()
    start = 0
    if step is not None:
        headers = [n for n, line in enumerate(lines) if _STEPS_HEADER_RE.match(line)]
        if step >= len(headers):
            return None  # written as an inline table: no header to point at
        start = headers[step]
        if key is None:
            return start + 1
    first = start + 1 if step is not None else start
    end = next((n for n in range(first, len(lines)) if _TABLE_RE.match(lines[n])), len(lines))
    pattern = re.compile(rf"^\s*{re.escape(key or '')}\s*=")
    found = next((n for n in range(first, end) if key and pattern.match(lines[n])), None)
    if found is not None:
        return found + 1
    return start + 1 if step is not None else None


def _where(origin: str, text: str, step: int | None, key: str | None) -> str:
    """'morning.toml: steps[2].exercise (line 9)': steps are numbered from 1 as people count."""
    parts = []
    if step is not None:
        parts.append(f"steps[{step + 1}]")
    if key is not None:
        parts.append(key)
    place = ".".join(parts) or "the file"
    line = _line_of(text, step, key)
    return f"{origin}: {place}" + (f" (line {line})" if line else "")


_PATH_RE = re.compile(r"^\$(?:\.(\w+))?(?:\[(\d+)\])?(?:\.(\w+))?$")


def _explain(error: msgspec.ValidationError, origin: str, text: str) -> str:
    message, _, path = str(error).partition(" - at ")
    if len(message) > 200:  # msgspec quotes unknown keys and values whole
        message = message[:200] + "…"
    path = path.strip("`") or "$"
    match = _PATH_RE.match(path)
    top, index, key = match.groups() if match else (None, None, None)
    step = int(index) if index is not None and top == "steps" else None
    if step is None and top is not None and key is None:
        key = top
    fields = _STEP_FIELDS if step is not None else _TOP_FIELDS

    if found := re.match(r"Object missing required field `(\w+)`", message):
        key = found.group(1)
        if step is not None:
            return f"{_where(origin, text, step, None)}: {key} is missing"
        hint = " (add at least one [[steps]] table)" if key == "steps" else ""
        return f"{origin}: {key}: is missing{hint}"
    if found := re.match(r"Object contains unknown field `(\w+)(`?)", message):
        key = found.group(1)
        if not found.group(2):  # cut short above: too long to be a typo, and not worth a line
            return f"{_where(origin, text, step, None)}: {shown_value(key)} is not a known key"
        return f"{_where(origin, text, step, key)}: is not a known key{_suggest(key, fields)}"
    if message.startswith("Object contains unknown field"):
        return f"{_where(origin, text, step, None)}: holds a key that is not known"
    return f"{_where(origin, text, step, key)}: {_value_words(message, key)}"


def _value_words(message: str, key: str | None) -> str:
    """msgspec's complaint about one value, in the words of the README."""
    if found := re.match(r"Expected `([^`]+)`, got `(\w+)`", message):
        wanted, got = found.groups()
        return f"must be {_type_words(wanted)}, not {_TYPE_WORDS.get(got, got)}"
    if found := re.match(r"Expected `int` >= (\d+)", message):
        unit = " second" if key and key.endswith("_s") else ""
        return f"must be at least {found.group(1)}{unit}"
    if found := re.match(r"Expected `int` <= (\d+)", message):
        limit = int(found.group(1))
        unit = f" seconds ({limit // 60} minutes)" if key and key.endswith("_s") else ""
        return f"must be at most {limit}{unit}"
    if message.startswith("Expected `array` of length >= 1"):
        return "needs at least one step"
    if found := re.match(r"Expected `array` of length <= (\d+)", message):
        return f"has too many steps: a routine may have at most {found.group(1)}"
    if message.startswith("Expected `str` of length >= 1"):
        return "must not be empty"
    if found := re.match(r"Expected `str` of length <= (\d+)", message):
        return f"must be at most {found.group(1)} characters"
    if message.startswith("Invalid enum value '") and key == "extra_side":
        return f'must be "left" or "right", not {shown_value(message[20:].rstrip(chr(39)))}'
    return message


def _check_step(step: RoutineStep, number: int, library: Library, origin: str, text: str) -> None:
    def fail(key: str | None, what: str) -> RoutineError:
        return RoutineError(f"{_where(origin, text, number, key)}: {what}")

    if step.exercise not in library:
        raise fail(
            "exercise",
            f"{shown_value(step.exercise)} is not in the library"
            f"{_suggest(step.exercise, library.ids)}",
        )
    given = [key for key in ("hold_s", "reps", "steps_count") if getattr(step, key) is not None]
    if len(given) != 1:
        found = " and ".join(given) if given else "none"
        raise fail(
            given[1] if given else None,
            f"set exactly one of hold_s, reps or steps_count (found {found})",
        )
    if step.tempo is not None:
        if step.reps is None:
            raise fail("tempo", f"a tempo needs reps, not {given[0]}")
        try:
            tempo = Tempo.parse(step.tempo)
        except ValueError as error:
            raise fail("tempo", str(error)) from None
        if step.reps * tempo.rep_s > MAX_DURATION_S:
            raise fail(
                "tempo",
                f"{step.reps} reps at {tempo} last {step.reps * tempo.rep_s} s; a set may last "
                f"at most {MAX_DURATION_S} seconds (30 minutes)",
            )
    exercise = library[step.exercise]
    if step.variation is not None:
        _check_variation(step, exercise, fail)
    if step.extra_side is Side.BOTH:
        raise fail("extra_side", 'must be "left" or "right": the extra set is for one side only')
    runs = what_step_runs(step, exercise)
    per_side = runs.per_side if step.per_side is None else step.per_side
    if step.extra_side is not None and not per_side:
        raise fail(
            "extra_side",
            "only a step done one side at a time can add a set on one side "
            "(set per_side = true, or leave extra_side out)",
        )


def _check_variation(
    step: RoutineStep, exercise: Exercise, fail: Callable[[str | None, str], RoutineError]
) -> None:
    """A step's version must exist, and the step's dose must be of the version's own kind."""
    variation = find_variation(exercise, step.variation)
    if variation is None:
        names = variation_names(exercise)
        known = (
            "use one of " + ", ".join(repr(name) for name in names)
            if names
            else "it has no easier or harder variations"
        )
        raise fail(
            "variation",
            f"{shown_value(step.variation or '')} is not a variation of {exercise.name!r}; {known}",
        )
    wanted, given = DOSE_KEY[variation.mode], DOSE_KEY[step.mode]
    if wanted != given:
        raise fail(
            given,
            f"{variation.name!r} is counted in {wanted}, its own kind of dose: "
            f"give {wanted} instead of {given}",
        )


def parse_routine(text: str, origin: str, library: Library) -> Routine:
    """Validate a routine document; `origin` is its file name, whose stem becomes the id."""
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some editors write
    if len(text) > MAX_ROUTINE_BYTES:
        raise RoutineError(
            f"{shown_path(origin)}: is too long; a routine may be at most "
            f"{MAX_ROUTINE_BYTES // 1024} KB")
    try:
        raw: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoutineError(f"{shown_path(origin)}: not valid TOML: {error}") from None
    except RecursionError:
        # tomllib recurses once per nested bracket: a few hundred of them exhaust the stack.
        raise RoutineError(
            f"{shown_path(origin)}: not valid TOML: its lists or tables are nested too deeply"
        ) from None
    try:
        parsed = msgspec.convert(raw, _RoutineFile, strict=True)
    except msgspec.ValidationError as error:
        raise RoutineError(_explain(error, shown_path(origin), text)) from None
    if problem := name_problem(parsed.name):
        raise RoutineError(f"{_where(shown_path(origin), text, None, 'name')}: {problem}")
    for number, step in enumerate(parsed.steps):
        _check_step(step, number, library, shown_path(origin), text)
    return Routine(
        id=Path(origin).stem,
        name=parsed.name,
        prepare_s=parsed.prepare_s,
        steps=parsed.steps,
        description=parsed.description,
    )


def load_routine(path: Path, library: Library) -> Routine:
    """Read and validate one routine file; any fault is a RoutineError naming the file.

    Only a regular file of at most MAX_ROUTINE_BYTES is read, without blocking; its name
    becomes the routine's id, so it must be valid text on one line.
    """
    if not is_valid_text(path.name):
        raise RoutineError(
            f"{shown_path(path)}: the file name is not valid UTF-8 text; rename the file "
            "(its name becomes the routine's id, which the history stores)")
    if any(unicodedata.category(c) == "Cc" for c in path.stem):
        raise RoutineError(
            f"{shown_path(path)}: the file name holds a line break or other control "
            "character; rename the file")
    try:
        text = read_limited_text(path, MAX_ROUTINE_BYTES, "routine file")
    except UnusableFileError as problem:
        raise RoutineError(str(problem)) from None
    return parse_routine(text, str(path), library)


def builtin_routines_dir() -> Path:
    return assets_dir() / "routines"


def _ordered(paths: Iterable[Path]) -> list[Path]:
    rank = {routine_id: number for number, routine_id in enumerate(BUILTIN_ORDER)}
    return sorted(paths, key=lambda path: (rank.get(path.stem, len(rank)), path.stem))


def _in_language(routine: Routine, library: Library) -> Routine:
    """A built-in routine's name and description in the library's language, when translated."""
    from gluteapp.core.content_language import routine_words

    words = routine_words(builtin_routines_dir(), library.language).get(routine.id)
    if words is None:
        return routine
    return msgspec.structs.replace(routine, name=words.name,
                               description=words.description or routine.description)


def builtin_routines(library: Library) -> list[Routine]:
    """The routines shipped with the app, in the library's language; a broken one is a bug, so
    this raises."""
    return [_in_language(load_routine(path, library), library)
            for path in _ordered(builtin_routines_dir().glob("*.toml"))]


def user_routines(folder: Path, library: Library) -> RoutineFolder:
    """Every `*.toml` routine in a folder (none if it does not exist), sorted by id."""
    found = RoutineFolder()
    try:
        if not folder.is_dir():
            return found
        paths = sorted(folder.glob("*.toml"))
    except OSError as error:
        found.errors.append(f"{shown_path(folder)}: cannot be read: {error.strerror or error}")
        return found
    if len(paths) > MAX_USER_ROUTINES:
        found.errors.append(
            f"{shown_path(folder)}: holds {len(paths)} routine files; only the first "
            f"{MAX_USER_ROUTINES} are read")
        paths = paths[:MAX_USER_ROUTINES]
    for path in paths:
        try:
            found.routines.append(load_routine(path, library))
        except RoutineError as error:
            found.errors.append(str(error))
    return found


def find_routine(id_or_path: str, library: Library, user_folder: Path | None = None) -> Routine:
    """A routine file path, or an id: the user's folder first, then the built-ins."""
    path = Path(id_or_path)
    if path.suffix == ".toml" or path.is_file():
        return load_routine(path, library)
    if user_folder is not None and os.path.lexists(user_folder / f"{id_or_path}.toml"):
        # Whatever is there (a pipe, a folder) is the person's routine and says why it is not.
        return load_routine(user_folder / f"{id_or_path}.toml", library)
    builtin = builtin_routines_dir() / f"{id_or_path}.toml"
    if builtin.is_file():
        return _in_language(load_routine(builtin, library), library)
    known = [p.stem for p in builtin_routines_dir().glob("*.toml")]
    if user_folder is not None and user_folder.is_dir():
        known += [p.stem for p in user_folder.glob("*.toml")]
    raise RoutineError(f"no routine {shown_value(id_or_path)}{_suggest(id_or_path, known)}")


def next_in_pair(last_completed_id: str | None, pair: tuple[str, str] = MEDIUS_PAIR) -> str:
    """Which of an A/B pair comes next: the other one, or A when neither has been done."""
    return pair[1] if last_completed_id == pair[0] else pair[0]


# --- writing -------------------------------------------------------------------------------------


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # A JSON string is a TOML basic string, except that TOML also wants DEL escaped.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    raise TypeError(f"cannot write {value!r} as TOML")


def routine_to_toml(routine: Routine) -> str:
    """The routine as a file that parse_routine reads back into an equal Routine."""
    lines = [
        "# A Gluteapp routine. Keys are described in the README under 'Routine files'.",
        f"name = {_toml_value(routine.name)}",
    ]
    if routine.description:
        lines.append(f"description = {_toml_value(routine.description)}")
    lines.append(f"prepare_s = {routine.prepare_s}")
    for step in routine.steps:
        lines += ["", "[[steps]]"]
        for key, value in msgspec.to_builtins(step).items():
            lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def validate_routine(routine: Routine, library: Library) -> None:
    """Raise RoutineError if the routine would not load back, e.g. one built in the GUI."""
    parse_routine(routine_to_toml(routine), f"{routine.id}.toml", library)


#: German letters spelt out, so "Gesäßmuskel" gives "gesaessmuskel", not "ges-muskel".
_SPELT_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def routine_id_for(name: str) -> str:
    """A file-name-safe id for a routine name: 'My Morning!' becomes 'my-morning', 'Müde Füße'
    'muede-fuesse', 'Café' 'cafe'."""
    latin = unicodedata.normalize("NFKD", name.lower().translate(_SPELT_OUT))
    ascii_only = latin.encode("ascii", "ignore").decode("ascii")  # accents go, letters stay
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    return slug or "routine"


def save_routine(routine: Routine, folder: Path, library: Library) -> Path:
    """Validate and write `folder/<id>.toml`, replacing it in one step so no half file remains."""
    validate_routine(routine, library)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", routine.id):
        raise RoutineError(f"{routine.id!r} cannot be a file name; use routine_id_for(name)")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{routine.id}.toml"
    partial = path.with_suffix(".toml.part")
    partial.write_text(routine_to_toml(routine), encoding="utf-8")
    partial.replace(path)
    return path
