"""Your own exercises: one TOML file each in the data folder's `exercises/`, with a picture.

The on-disk form, which a programme file carries too:

- `exercises/<id>.toml` holds exactly one `[[exercise]]` table, checked by the library's own
  schema (`gluteapp.core.exercises.Exercise`), and an optional `[picture]` table. The id starts
  with `own-`, is the file's stem and is never a built-in id.
- `[picture]` is either `photo = "<file name>"`, a PNG or JPEG in `exercises/pictures/` named
  without any folder, or `figure = "<built-in exercise id>"`, the built-in figure it starts
  from, with optional `start` and `end` tables of joint-angle offsets in degrees (names as in
  `gluteapp.core.poses.Angles`, e.g. `left_hip_flex = 15`) added to that figure's start and
  end keyframes.
- A deleted exercise that the history still names is moved to `exercises/retired/`, which is
  read only for names; nothing here ever deletes a file that a session refers to.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct
from msgspec.structs import replace

from gluteapp.core.exercises import Exercise, LibraryError, _explain
from gluteapp.core.poses import Angles, Frame, Pose, range_of
from gluteapp.core.safe_files import (
    UnusableFileError,
    decode_text,
    name_problem,
    read_limited_bytes,
    shown_path,
    shown_value,
    write_atomically,
)

OWN_PREFIX = "own-"
OWN_ID_RE = re.compile(r"^own-[a-z0-9]+(-[a-z0-9]+)*$")
#: A photo's file name: no folder, no leading dot, a PNG or JPEG ending.
PHOTO_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.(png|jpg|jpeg)$",
                           re.IGNORECASE)
PICTURES = "pictures"
RETIRED = "retired"
#: Far above a real exercise (a few KB) and a real programme; keeps a hostile folder cheap.
MAX_OWN_BYTES = 256 * 1024
MAX_OWN_EXERCISES = 500
MAX_PICTURE_BYTES = 8 * 1024 * 1024
MAX_PICTURE_SIDE = 8000

AngleName = Literal[
    "pelvis_pitch", "pelvis_roll", "pelvis_yaw", "trunk_flex", "trunk_bend", "trunk_twist",
    "neck", "left_hip_flex", "left_hip_abd", "left_hip_rot", "right_hip_flex", "right_hip_abd",
    "right_hip_rot", "left_knee", "right_knee", "left_ankle", "right_ankle",
    "left_shoulder_flex", "left_shoulder_abd", "right_shoulder_flex", "right_shoulder_abd",
    "left_elbow", "right_elbow",
]
Offset = Annotated[float, Meta(ge=-90, le=90)]
Offsets = Annotated[dict[AngleName, Offset], Meta(max_length=23)]
Slug = Annotated[str, Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]


class Picture(Struct, frozen=True, forbid_unknown_fields=True):
    """A photo in `exercises/pictures/`, or a built-in figure adjusted by joint offsets."""

    photo: Annotated[str, Meta(max_length=120)] | None = None
    figure: Slug | None = None
    start: Offsets = {}
    end: Offsets = {}

    def __post_init__(self) -> None:
        if (self.photo is None) == (self.figure is None):
            raise ValueError("set exactly one of photo or figure")
        if self.photo is not None:
            if (self.start or self.end):
                raise ValueError("start and end offsets belong to a figure, not a photo")
            if not PHOTO_NAME_RE.match(self.photo) or ".." in self.photo:
                raise ValueError(
                    f"photo {shown_value(self.photo)} must be a bare file name ending in "
                    ".png, .jpg or .jpeg, with no folder in it")


class OwnFile(Struct, forbid_unknown_fields=True):
    exercise: Annotated[list[Exercise], Meta(min_length=1, max_length=1)]
    picture: Picture | None = None


class OwnExercise(Struct, frozen=True):
    """One of your exercises: the library entry and its picture (None: no picture)."""

    exercise: Exercise
    picture: Picture | None = None

    @property
    def id(self) -> str:
        return self.exercise.id

    @property
    def photo(self) -> str | None:
        return self.picture.photo if self.picture is not None else None


class PictureInfo(Struct, frozen=True):
    """What the header of a picture says."""

    format: Literal["png", "jpeg"]
    width: int
    height: int
    size_bytes: int


# --- reading -------------------------------------------------------------------------------


def parse_own_exercise(text: str, origin: str, builtin_ids: Collection[str]) -> OwnExercise:
    """Validate one exercise file's text; raise LibraryError naming `origin` and the field."""
    import tomllib  # only with exercises of your own: not part of a plain start

    text = text.removeprefix("\ufeff")
    if len(text) > MAX_OWN_BYTES:
        raise LibraryError(f"{origin}: is larger than {MAX_OWN_BYTES // 1024} KB, "
                           "the most an exercise file may be")
    if "\x00" in text:
        raise LibraryError(f"{origin}: is not a text file (it holds NUL bytes)")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LibraryError(f"{origin}: not valid TOML: {error}") from None
    except RecursionError:
        raise LibraryError(
            f"{origin}: not valid TOML: its lists or tables are nested too deeply") from None
    unknown = sorted(set(raw) - {"exercise", "picture"})
    if unknown:
        raise LibraryError(
            f"{origin}: unknown key {shown_value(unknown[0])} at the top level; an exercise "
            "file holds one [[exercise]] table and an optional [picture] table")
    if not isinstance(raw.get("exercise"), list) or len(raw["exercise"]) != 1:
        raise LibraryError(
            f"{origin}: must hold exactly one [[exercise]] table")
    try:
        parsed = msgspec.convert(raw, OwnFile, strict=True)
    except msgspec.ValidationError as error:
        raise LibraryError(_explain_own(error, raw, origin)) from None
    exercise = parsed.exercise[0]
    _check_exercise(exercise, origin, builtin_ids)
    picture = parsed.picture
    if picture is not None and picture.figure is not None and picture.figure not in builtin_ids:
        raise LibraryError(
            f"{origin}: exercise {exercise.id!r}, field 'picture.figure': "
            f"{shown_value(picture.figure)} is not a built-in exercise")
    return OwnExercise(exercise, picture)


def _explain_own(error: msgspec.ValidationError, raw: Mapping[str, Any], origin: str) -> str:
    text = str(error)
    message, _, where = text.rpartition(" - at ")
    where = where.strip("`").rpartition("` in `")[2]  # "key` in `$.picture.start": a key
    if where.startswith("$.picture"):
        field = "picture" + where.removeprefix("$.picture").replace("[...]", "")
        if field in ("picture.start", "picture.end"):
            message = (f"{message[:200]}; an offset names a joint angle, such as left_knee "
                       "or trunk_flex, and gives degrees from -90 to 90")
        return f"{origin}: field {shown_value(field)}: {message[:400] or text[:200]}"
    return _explain(error, raw, origin)


def _check_exercise(exercise: Exercise, origin: str, builtin_ids: Collection[str]) -> None:
    where = f"{origin}: exercise {exercise.id!r}"
    if not OWN_ID_RE.match(exercise.id):
        raise LibraryError(
            f"{where}, field 'id': your own exercise's id must start with {OWN_PREFIX!r} "
            "followed by lower-case letters, digits and single dashes")
    if exercise.id in builtin_ids:
        raise LibraryError(f"{where}, field 'id': is already the id of a built-in exercise")
    named = [("name", exercise.name)] + [
        (f"{kind}.name", version.name)
        for kind, versions in (("easier", exercise.easier), ("harder", exercise.harder))
        for version in versions
    ]
    for field, name in named:
        if problem := name_problem(name):
            raise LibraryError(f"{where}, field {field!r}: {problem}")
    seen: set[str] = set()
    for kind, versions in (("easier", exercise.easier), ("harder", exercise.harder)):
        for version in versions:
            if version.name in seen:
                raise LibraryError(f"{where}, {kind} version {version.name!r}, field 'name': "
                                   "used twice; a routine names a version by it")
            seen.add(version.name)
            if version.see is not None and version.see not in builtin_ids:
                raise LibraryError(f"{where}, {kind} version {version.name!r}, field 'see': "
                                   f"{version.see!r} is not a built-in exercise")


def load_own_exercises(
    folder: Path, builtin_ids: Collection[str]
) -> tuple[list[OwnExercise], list[str]]:
    """The good exercises of `folder` by id, and one plain sentence per file that is not.

    A missing folder holds none. A missing or unusable photo is reported but keeps the
    exercise (shown without its picture), so nothing a person made is lost.
    """
    if not folder.is_dir():
        return [], []
    good: list[OwnExercise] = []
    problems: list[str] = []
    files = sorted(p for p in folder.glob("*.toml") if not p.name.startswith("."))
    if len(files) > MAX_OWN_EXERCISES:
        problems.append(f"{shown_path(folder)}: holds {len(files)} exercise files; only the "
                        f"first {MAX_OWN_EXERCISES} were read")
        files = files[:MAX_OWN_EXERCISES]
    for path in files:
        try:
            own = read_own_exercise(path, builtin_ids)
        except LibraryError as problem:
            problems.append(str(problem))
            continue
        good.append(own)
        if own.photo is not None:
            try:
                photo_info(folder / PICTURES / own.photo)
            except LibraryError as problem:
                problems.append(f"{problem} (the exercise {own.exercise.name!r} is shown "
                                "without its photo)")
    return good, problems


def read_own_exercise(path: Path, builtin_ids: Collection[str]) -> OwnExercise:
    """One file: a regular UTF-8 file of at most MAX_OWN_BYTES whose id is its stem."""
    try:
        text = decode_text(read_limited_bytes(path, MAX_OWN_BYTES, "exercise file"), path)
    except UnusableFileError as problem:
        raise LibraryError(str(problem)) from None
    origin = shown_path(path)
    own = parse_own_exercise(text, origin, builtin_ids)
    if own.id != path.stem:
        raise LibraryError(f"{origin}: exercise {own.id!r}, field 'id': must be the file's "
                           f"name without .toml ({shown_value(path.stem)})")
    return own


def read_retired_names(folder: Path) -> dict[str, str]:
    """Names of deleted exercises the history still shows, by id; unreadable files skipped."""
    names: dict[str, str] = {}
    retired = folder / RETIRED
    if not retired.is_dir():
        return names
    import tomllib
    for path in sorted(retired.glob("*.toml"))[:MAX_OWN_EXERCISES]:
        # Only the name is wanted: a figure whose built-in exercise has gone still names it.
        try:
            text = decode_text(read_limited_bytes(path, MAX_OWN_BYTES, "exercise file"), path)
            entry = tomllib.loads(text).get("exercise", [{}])[0]
        except (UnusableFileError, tomllib.TOMLDecodeError, RecursionError, IndexError,
                AttributeError, KeyError, TypeError):
            continue
        name = entry.get("name") if isinstance(entry, dict) else None
        if (isinstance(name, str) and 0 < len(name) <= 60 and not name_problem(name)
                and entry.get("id") == path.stem and OWN_ID_RE.match(path.stem)):
            names[path.stem] = name
    return names


# --- pictures ------------------------------------------------------------------------------

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Start-of-frame markers carry the size; C4 (Huffman), C8 (reserved), CC (arithmetic) do not.
_JPEG_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_JPEG_STANDALONE = frozenset(range(0xD0, 0xD8)) | {0x01}


def check_picture(data: bytes, origin: str) -> PictureInfo:
    """A PNG or JPEG no larger than the limits, by its header; LibraryError naming the fault."""
    if len(data) > MAX_PICTURE_BYTES:
        raise LibraryError(
            f"{origin}: is {len(data):,} bytes; a picture may be at most "
            f"{MAX_PICTURE_BYTES // (1024 * 1024)} MB ({MAX_PICTURE_BYTES:,} bytes)")
    if data.startswith(_PNG_SIGNATURE):
        info = _png_info(data, origin)
    elif data.startswith(b"\xff\xd8"):
        info = _jpeg_info(data, origin)
    else:
        raise LibraryError(f"{origin}: is not a PNG or JPEG picture")
    if info.width < 1 or info.height < 1:
        raise LibraryError(f"{origin}: says it is {info.width} x {info.height} pixels, "
                           "which is no picture")
    if max(info.width, info.height) > MAX_PICTURE_SIDE:
        raise LibraryError(
            f"{origin}: is {info.width} x {info.height} pixels; a picture may be at most "
            f"{MAX_PICTURE_SIDE} pixels a side")
    return info


def _png_info(data: bytes, origin: str) -> PictureInfo:
    if len(data) < 24:
        raise LibraryError(f"{origin}: is a PNG cut short before its size")
    if data[12:16] != b"IHDR":
        raise LibraryError(f"{origin}: is a damaged PNG (its first chunk is not the header)")
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    return PictureInfo("png", width, height, len(data))


def _jpeg_info(data: bytes, origin: str) -> PictureInfo:
    at = 2
    while True:
        while at < len(data) and data[at] == 0xFF:  # markers may be padded with 0xFF
            at += 1
        if at >= len(data):
            raise LibraryError(f"{origin}: is a JPEG cut short before its size")
        if data[at - 1] != 0xFF:
            raise LibraryError(f"{origin}: is a damaged JPEG (byte {at + 1} is not a marker)")
        marker = data[at]
        at += 1
        if marker in _JPEG_STANDALONE:
            continue
        if marker in (0xD9, 0xDA):
            raise LibraryError(f"{origin}: is a damaged JPEG (no size before its image data)")
        if at + 2 > len(data):
            raise LibraryError(f"{origin}: is a JPEG cut short before its size")
        length = int.from_bytes(data[at:at + 2], "big")
        if length < 2:
            raise LibraryError(f"{origin}: is a damaged JPEG (a segment of length {length})")
        if marker in _JPEG_SOF:
            if at + 7 > len(data):
                raise LibraryError(f"{origin}: is a JPEG cut short before its size")
            height = int.from_bytes(data[at + 3:at + 5], "big")
            width = int.from_bytes(data[at + 5:at + 7], "big")
            return PictureInfo("jpeg", width, height, len(data))
        at += length


def photo_info(path: Path) -> PictureInfo:
    """`check_picture` of a file, which must be a regular file within the size limit."""
    try:
        data = read_limited_bytes(path, MAX_PICTURE_BYTES, "picture")
    except UnusableFileError as problem:
        raise LibraryError(str(problem)) from None
    return check_picture(data, shown_path(path))


# --- the figure ----------------------------------------------------------------------------


def adjusted_pose(pose: Pose, picture: Picture) -> Pose:
    """The built-in pose with the picture's offsets added to its start and end keyframes,
    each angle kept within the body's range."""
    frames = list(pose.frames)
    for index, offsets in ((0, picture.start), (pose.end_index, picture.end)):
        if offsets:
            frame = frames[index]
            frames[index] = Frame(frame.name, offset_angles(frame.angles, offsets),
                                  frame.contacts)
    return replace(pose, frames=tuple(frames))


def offset_angles(angles: Angles, offsets: Mapping[AngleName, float]) -> Angles:
    changes: dict[str, float] = {}
    for name, offset in offsets.items():
        low, high = range_of(name)
        changes[name] = min(high, max(low, getattr(angles, name) + offset))
    return replace(angles, **changes)


# --- writing -------------------------------------------------------------------------------


def own_exercise_to_toml(own: OwnExercise) -> str:
    """The file that `parse_own_exercise` reads back into an equal OwnExercise."""
    lines = ["# One of your own Gluteapp exercises. The README describes the keys.",
             "[[exercise]]"]
    data: dict[str, Any] = msgspec.to_builtins(own.exercise)
    lines += [f"{key} = {_toml_value(value)}" for key, value in data.items()
              if value is not None]
    if own.picture is not None:
        picture: dict[str, Any] = msgspec.to_builtins(own.picture)
        lines += ["", "[picture]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in picture.items()
                  if value is not None]
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        # A JSON string is a TOML basic string, except that TOML also wants DEL escaped.
        return msgspec.json.encode(value).decode("utf-8").replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{key} = {_toml_value(item)}" for key, item in value.items()
                          if item is not None)
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"cannot write {value!r} as TOML")


def own_id_for(name: str, taken: Collection[str]) -> str:
    """A new id for an exercise named `name`: 'own-' and a slug, numbered when taken."""
    latin = unicodedata.normalize("NFKD", name.lower().translate(_SPELT_OUT))
    ascii_only = latin.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:40].strip("-") or "exercise"
    candidate = OWN_PREFIX + slug
    number = 2
    while candidate in taken:
        candidate = f"{OWN_PREFIX}{slug}-{number}"
        number += 1
    return candidate


_SPELT_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def save_own_exercise(own: OwnExercise, folder: Path, builtin_ids: Collection[str]) -> Path:
    """Check that it reads back, then write `folder/<id>.toml` in one step (atomically)."""
    text = own_exercise_to_toml(own)
    if parse_own_exercise(text, f"{own.id}.toml", builtin_ids) != own:
        raise LibraryError(f"{own.id}.toml: would not read back as written")
    path = folder / f"{own.id}.toml"
    write_atomically(path, text.encode("utf-8"))
    return path


def retire_own_exercise(own_id: str, folder: Path) -> Path:
    """Move the file to `retired/`, where only its name is read (for old sessions)."""
    if not OWN_ID_RE.match(own_id):
        raise LibraryError(f"{own_id!r} is not the id of one of your exercises")
    target = folder / RETIRED / f"{own_id}.toml"
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(folder / f"{own_id}.toml", target)
    return target

