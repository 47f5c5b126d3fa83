"""Programme files: a routine with the person's own exercises and pictures, in one zip to share.

A programme file (`.gluteprogramme`) is a zip archive holding `programme.toml` (the manifest:
format, version, the routine's id and every other file with its size and SHA-256),
`routine.toml`, `exercises/<id>.toml` for each of the person's own exercises the routine uses,
and `exercises/pictures/<file>` for their photos. Reading one trusts nothing: every entry's
name, kind, size and checksum is checked and every file is validated by the same parsers as the
data folder's own files before anything is written, and importing stages the files and moves
them in, putting back whatever was there if a move fails.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import io
import os
import re
import shutil
import stat
import tempfile
import tomllib
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import msgspec
import msgspec.structs
from msgspec import Meta, Struct

from gluteapp import __version__
from gluteapp.core.exercises import Library, LibraryError
from gluteapp.core.own_exercises import (
    MAX_OWN_BYTES,
    MAX_PICTURE_BYTES,
    OWN_ID_RE,
    PHOTO_NAME_RE,
    RETIRED,
    OwnExercise,
    check_picture,
    load_own_exercises,
    own_exercise_to_toml,
    parse_own_exercise,
)
from gluteapp.core.paths import AppPaths
from gluteapp.core.routines import (
    MAX_ROUTINE_BYTES,
    MAX_STEPS,
    Routine,
    RoutineError,
    builtin_routines_dir,
    load_routine,
    parse_routine,
    routine_id_for,
    routine_to_toml,
)
from gluteapp.core.safe_files import (
    UnusableFileError,
    decode_text,
    read_limited_bytes,
    shown_path,
    shown_value,
)

FORMAT = "gluteapp-programme"
#: The version this app writes and the newest it reads; a newer file is refused, not guessed at.
VERSION = 1
SUFFIX = ".gluteprogramme"
MANIFEST = "programme.toml"
ROUTINE_ENTRY = "routine.toml"
EXERCISES = "exercises"
PICTURES = "exercises/pictures"

#: Limits far above a real programme (a few KB of TOML and a photo or two) that keep a hostile
#: file from filling the memory or the disk: the archive, the entries, each kind of file, and
#: all of them unpacked together.
MAX_PROGRAMME_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 4 + 2 * MAX_STEPS
MAX_MANIFEST_BYTES = 64 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_NAME_CHARS = 160  # "exercises/pictures/" and a photo's name of up to 120 characters
#: The date every entry carries, so the same programme always gives the same bytes.
ENTRY_DATE = (1980, 1, 1, 0, 0, 0)

_ROUTINE_ID = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}"
_FOLDER_ENTRIES = frozenset({f"{EXERCISES}/", f"{PICTURES}/"})


class ProgrammeError(ValueError):
    """A programme file that cannot be read or imported, or a routine that cannot be exported;
    the message names the file and the fault."""


# --- the manifest ----------------------------------------------------------------------------


class FileEntry(Struct, frozen=True, forbid_unknown_fields=True):
    """One file of the archive other than the manifest, with what it must hold."""

    path: Annotated[str, Meta(min_length=1, max_length=200)]
    size: Annotated[int, Meta(ge=0, le=MAX_UNPACKED_BYTES)]
    sha256: Annotated[str, Meta(pattern=r"^[0-9a-f]{64}$")]


class Manifest(Struct, frozen=True, forbid_unknown_fields=True):
    format: str
    version: Annotated[int, Meta(ge=1)]
    app_version: Annotated[str, Meta(min_length=1, max_length=40)]
    routine: Annotated[str, Meta(pattern=rf"^{_ROUTINE_ID}$")]
    files: Annotated[list[FileEntry], Meta(min_length=1, max_length=MAX_ENTRIES)]


_TYPE_WORDS = {"int": "a whole number", "str": "text in quotes", "bool": "true or false",
               "float": "a decimal number", "array": "a list", "object": "a table"}


def _manifest_fault(error: msgspec.ValidationError) -> str:
    """msgspec's words about programme.toml, as 'files[2].sha256: must be ...'."""
    message, _, path = str(error).partition(" - at ")
    where = path.strip("`").removeprefix("$").removeprefix(".")
    where = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + 1}]", where)
    if found := re.match(r"Object missing required field `(\w+)`", message):
        return f"{where + '.' if where else ''}{found.group(1)}: is missing"
    if found := re.match(r"Object contains unknown field `(\w{1,60})`", message):
        return f"{where + ': ' if where else ''}{found.group(1)!r} is not a known key"
    if message.startswith("Object contains unknown field"):
        return f"{where or 'the top level'}: holds a key that is not known"
    if found := re.match(r"Expected `([^`]+)`, got `(\w+)`", message):
        wanted = " or ".join(_TYPE_WORDS.get(part, part) for part in found.group(1).split(" | "))
        got = _TYPE_WORDS.get(found.group(2), found.group(2))
        return f"{where}: must be {wanted}, not {got}"
    if found := re.match(r"Expected `int` >= (\d+)", message):
        return f"{where}: must be at least {found.group(1)}"
    if found := re.match(r"Expected `int` <= (\d+)", message):
        return f"{where}: must be at most {found.group(1)}"
    if "matching regex" in message and where.endswith("sha256"):
        return f"{where}: must be 64 lower-case hexadecimal digits"
    if "matching regex" in message and where == "routine":
        return f"{where}: must be a routine id of letters, digits, '-', '_' and '.'"
    return f"{where or 'the top level'}: {message[:200]}"


def _read_manifest(data: bytes, origin: str) -> Manifest:
    where = f"{origin}: {MANIFEST}"
    try:
        raw: Any = tomllib.loads(decode_text(data, where))
    except UnusableFileError as error:
        raise ProgrammeError(str(error)) from None
    except tomllib.TOMLDecodeError as error:
        raise ProgrammeError(f"{where}: not valid TOML: {error}") from None
    except RecursionError:
        raise ProgrammeError(
            f"{where}: not valid TOML: its lists or tables are nested too deeply") from None
    found = raw.get("format")
    if found is None:
        raise ProgrammeError(f"{where}: format: is missing; this is not a Gluteapp programme file")
    if found != FORMAT:
        said = shown_value(found) if isinstance(found, str) else f"not text ({found!r:.40})"
        raise ProgrammeError(
            f"{where}: format is {said}, not {FORMAT!r}: this is not a Gluteapp programme file")
    version = raw.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise ProgrammeError(
            f"{origin}: was written by a newer Gluteapp (programme format version {version}; "
            f"this one reads up to version {VERSION}); update Gluteapp to import it")
    try:
        return msgspec.convert(raw, Manifest, strict=True)
    except msgspec.ValidationError as error:
        raise ProgrammeError(f"{where}: {_manifest_fault(error)}") from None


def _manifest_toml(routine_id: str, files: dict[str, bytes]) -> bytes:
    lines = [
        "# A Gluteapp programme: a routine and the exercises of your own it uses.",
        "# The format is described in the README under 'Programme files'.",
        f'format = "{FORMAT}"',
        f"version = {VERSION}",
        f'app_version = "{__version__}"',
        f'routine = "{routine_id}"',
    ]
    for path, data in files.items():
        lines += ["", "[[files]]", f'path = "{path}"', f"size = {len(data)}",
                  f'sha256 = "{hashlib.sha256(data).hexdigest()}"']
    return ("\n".join(lines) + "\n").encode("utf-8")


# --- the archive -----------------------------------------------------------------------------


def _entry_name_fault(name: str) -> str | None:
    """Why an entry name cannot be unpacked into the data folder, or None."""
    if "\\" in name:
        return "uses backslashes, which could leave the data folder on Windows"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "is an absolute path, outside the data folder"
    if any(part in ("..", ".") for part in name.split("/")):
        return "climbs out of its folder with '..'"
    if len(name) > MAX_NAME_CHARS:
        return f"is longer than {MAX_NAME_CHARS} characters"
    if not re.fullmatch(r"[A-Za-z0-9_./-]+", name):
        return "holds characters other than letters, digits, '-', '_' and '.'"
    if "//" in name:
        return "has an empty folder name"
    return None


def _entry_kind_fault(info: zipfile.ZipInfo) -> str | None:
    """Encrypted, linked, special or oddly compressed entries are refused outright."""
    if info.flag_bits & 0x1:
        return "is encrypted; a programme file is never encrypted"
    # The high half of the attributes is a Unix mode where the zip was made on Unix; many
    # tools leave its file type out, which means a plain file.
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        return "is a symbolic link; a programme file holds only plain files"
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "is a special file (a pipe or a device); a programme file holds only plain files"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return "is compressed with a method Gluteapp does not read (only stored or deflated)"
    return None


def _limit_for(name: str) -> int | None:
    """The most an entry of this name may unpack to, or None if a programme holds no such file."""
    if name == MANIFEST:
        return MAX_MANIFEST_BYTES
    if name == ROUTINE_ENTRY:
        return MAX_ROUTINE_BYTES
    if _exercise_entry(name):
        return MAX_OWN_BYTES
    if _picture_entry(name):
        return MAX_PICTURE_BYTES
    return None


def _exercise_entry(name: str) -> str | None:
    """The exercise id of an `exercises/own-….toml` entry, else None."""
    folder, _, file = name.rpartition("/")
    stem = file.removesuffix(".toml")
    return stem if folder == EXERCISES and file != stem and OWN_ID_RE.match(stem) else None


def _picture_entry(name: str) -> str | None:
    """The file name of an `exercises/pictures/….png` entry, else None."""
    folder, _, file = name.rpartition("/")
    return file if folder == PICTURES and PHOTO_NAME_RE.match(file) else None


def _size_words(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size // 1024} KB" if size >= 1024 else f"{size} bytes"


def _open_archive(path: Path) -> tuple[zipfile.ZipFile, str]:
    origin = shown_path(path)
    try:
        data = read_limited_bytes(path, MAX_PROGRAMME_BYTES, "programme file")
    except UnusableFileError as error:
        raise ProgrammeError(str(error).replace(
            "a programme file must be a plain text file",
            "choose the programme file itself")) from None
    if not data:
        raise ProgrammeError(f"{origin}: is empty, not a Gluteapp programme file")
    _check_declared_entries(data, origin)
    try:
        return zipfile.ZipFile(io.BytesIO(data)), origin
    except (zipfile.BadZipFile, ValueError, EOFError):
        if data.startswith(b"PK\x03\x04"):
            raise ProgrammeError(
                f"{origin}: is a damaged or cut-short zip archive (its table of contents is "
                "missing or broken); copy or download it again") from None
        raise ProgrammeError(
            f"{origin}: is not a Gluteapp programme file (not a zip archive)") from None


def _check_declared_entries(data: bytes, origin: str) -> None:
    """Refuse an archive whose table of contents declares too many entries before Python's
    zipfile builds an object for each of them (a million take a gigabyte)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 0xFFFF))
    if end < 0 or end + 22 > len(data):
        return  # no end record: zipfile says the archive is damaged
    declared = int.from_bytes(data[end + 10:end + 12], "little")
    if declared == 0xFFFF or b"PK\x06\x06" in data[max(0, end - 76):end]:
        raise ProgrammeError(
            f"{origin}: is a ZIP64 archive, made for more or larger files than a programme holds")
    if declared > MAX_ENTRIES:
        raise ProgrammeError(
            f"{origin}: holds {declared} entries; a programme holds at most {MAX_ENTRIES}")


def _checked_entries(archive: zipfile.ZipFile, origin: str) -> dict[str, zipfile.ZipInfo]:
    """Every file entry by name, once each checked for what could harm the data folder."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ProgrammeError(
            f"{origin}: holds {len(infos)} entries; a programme holds at most {MAX_ENTRIES}")
    entries: dict[str, zipfile.ZipInfo] = {}
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        where = f"{origin}: entry {shown_value(name)}"
        if fault := _entry_name_fault(name):
            raise ProgrammeError(f"{where} {fault}")
        if fault := _entry_kind_fault(info):
            raise ProgrammeError(f"{where} {fault}")
        if name.lower() in seen:
            raise ProgrammeError(f"{where} is in the archive twice")
        seen.add(name.lower())
        if name in _FOLDER_ENTRIES:
            continue
        limit = _limit_for(name)
        if limit is None:
            raise ProgrammeError(
                f"{where} is not a file a programme holds (programme.toml, routine.toml, "
                "exercises/own-….toml, exercises/pictures/….png or .jpg)")
        if info.file_size > limit:
            raise ProgrammeError(
                f"{where} unpacks to {_size_words(info.file_size)}; it may be at most "
                f"{_size_words(limit)}")
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            raise ProgrammeError(
                f"{origin}: unpacks to more than {_size_words(MAX_UNPACKED_BYTES)}, the most a "
                "programme may")
        entries[name] = info
    return entries


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, origin: str) -> bytes:
    """An entry's bytes, never more than it declared (a lie is a damaged archive)."""
    where = f"{origin}: entry {shown_value(info.filename)}"
    try:
        with archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as error:
        raise ProgrammeError(f"{where} is damaged or cut short ({error})") from None
    except NotImplementedError:
        raise ProgrammeError(f"{where} is compressed with a method Gluteapp does not read"
                             ) from None
    if len(data) != info.file_size:
        raise ProgrammeError(f"{where} is damaged: it holds a size other than it declares")
    return data


# --- what a programme holds ------------------------------------------------------------------


class ProgrammeExercise(Struct, frozen=True):
    """One of the person's own exercises, as its file holds it, with its photo's name if any."""

    id: str
    name: str
    data: bytes
    own: OwnExercise
    photo: str | None


class Programme(Struct, frozen=True):
    """A programme file read and checked through: nothing in it is unvalidated."""

    origin: str
    app_version: str
    routine: Routine
    routine_data: bytes
    exercises: tuple[ProgrammeExercise, ...]
    pictures: dict[str, bytes]

    @property
    def summary(self) -> str:
        """"the routine 'Morning', with 2 own exercises and 1 picture", for a terminal."""
        parts = [f"the routine {self.routine.name!r}"]
        if self.exercises:
            count = len(self.exercises)
            parts.append(f"{count} own exercise{'s' if count != 1 else ''}")
        if self.pictures:
            count = len(self.pictures)
            parts.append(f"{count} picture{'s' if count != 1 else ''}")
        return parts[0] + ("" if len(parts) == 1 else ", with " + " and ".join(parts[1:]))


def _checked_text(data: bytes, where: str) -> str:
    try:
        return decode_text(data, where)
    except UnusableFileError as error:
        raise ProgrammeError(str(error)) from None


def _builtin_routine_ids() -> set[str]:
    return {path.stem for path in builtin_routines_dir().glob("*.toml")}


def read_programme(path: Path, builtin: Library) -> Programme:
    """Open, check and validate a programme file; any fault is a ProgrammeError naming it."""
    archive, origin = _open_archive(path)
    with archive:
        entries = _checked_entries(archive, origin)
        if MANIFEST not in entries:
            raise ProgrammeError(
                f"{origin}: holds no {MANIFEST}; it is not a Gluteapp programme file")
        manifest = _read_manifest(_read_entry(archive, entries[MANIFEST], origin), origin)
        files = _verified_files(archive, entries, manifest, origin)
    return _programme_of(manifest, files, origin, builtin)


def _verified_files(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo],
                    manifest: Manifest, origin: str) -> dict[str, bytes]:
    """Every file the manifest lists, present, of its size and checksum, and nothing else."""
    listed = [entry.path for entry in manifest.files]
    where = f"{origin}: {MANIFEST}"
    for number, name in enumerate(listed, 1):
        if listed.index(name) != number - 1:
            raise ProgrammeError(f"{where}: files[{number}]: {shown_value(name)} is listed twice")
        if name == MANIFEST or name not in entries:
            raise ProgrammeError(
                f"{where}: files[{number}]: {shown_value(name)} is not in the archive")
    if ROUTINE_ENTRY not in listed:
        raise ProgrammeError(f"{where}: files: does not list {ROUTINE_ENTRY}")
    for name in entries:
        if name != MANIFEST and name not in listed:
            raise ProgrammeError(
                f"{origin}: entry {shown_value(name)} is not listed in {MANIFEST}")
    files: dict[str, bytes] = {}
    for number, entry in enumerate(manifest.files, 1):
        data = _read_entry(archive, entries[entry.path], origin)
        if len(data) != entry.size:
            raise ProgrammeError(
                f"{origin}: {entry.path} is {len(data)} bytes, but {MANIFEST} says {entry.size} "
                f"(files[{number}].size); the file was changed or damaged")
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise ProgrammeError(
                f"{origin}: {entry.path} does not match its checksum in {MANIFEST} "
                f"(files[{number}].sha256); the file was changed or damaged")
        files[entry.path] = data
    return files


def _programme_of(manifest: Manifest, files: dict[str, bytes], origin: str,
                  builtin: Library) -> Programme:
    """Validate the exercises, pictures and routine with the data folder's own parsers."""
    exercises: list[ProgrammeExercise] = []
    for name, data in files.items():
        if exercise_id := _exercise_entry(name):
            exercises.append(_read_exercise(exercise_id, data, f"{origin}: {name}", builtin))
    pictures = {picture: data for name, data in files.items()
                if (picture := _picture_entry(name))}
    photos = {exercise.photo: exercise for exercise in exercises if exercise.photo}
    for exercise in exercises:
        if exercise.photo is not None and exercise.photo not in pictures:
            raise ProgrammeError(
                f"{origin}: {EXERCISES}/{exercise.id}.toml: its photo "
                f"{shown_value(exercise.photo)} is not in the programme")
    for name, data in pictures.items():
        where = f"{origin}: {PICTURES}/{name}"
        if name not in photos:
            raise ProgrammeError(f"{where}: no exercise of the programme uses this picture")
        try:
            check_picture(data, where)
        except (LibraryError, UnusableFileError) as error:
            raise ProgrammeError(str(error)) from None
    routine = _read_routine(manifest.routine, files[ROUTINE_ENTRY], origin, builtin, exercises)
    return Programme(origin, manifest.app_version, routine, files[ROUTINE_ENTRY],
                     tuple(exercises), pictures)


def _read_exercise(exercise_id: str, data: bytes, where: str,
                   builtin: Library) -> ProgrammeExercise:
    text = _checked_text(data, where)
    try:
        own = parse_own_exercise(text, where, frozenset(builtin.ids))
    except LibraryError as error:
        raise ProgrammeError(str(error)) from None
    if own.exercise.id != exercise_id:
        raise ProgrammeError(
            f"{where}: id: is {shown_value(own.exercise.id)}, but the file is named for "
            f"{exercise_id!r}; the two must agree")
    return ProgrammeExercise(exercise_id, own.exercise.name, data, own, own.photo)


def _read_routine(routine_id: str, data: bytes, origin: str, builtin: Library,
                  exercises: list[ProgrammeExercise]) -> Routine:
    where = f"{origin}: {ROUTINE_ENTRY}"
    if routine_id in _builtin_routine_ids():
        raise ProgrammeError(
            f"{origin}: {MANIFEST}: routine: {routine_id!r} is a built-in routine's id; a "
            "programme carries a routine of your own")
    library = Library([*builtin, *(exercise.own.exercise for exercise in exercises)],
                      builtin.language)
    try:
        routine = parse_routine(_checked_text(data, where), where, library)
    except RoutineError as error:
        raise ProgrammeError(str(error).replace(
            "is not in the library", "is neither built in nor one of the programme's exercises",
            1)) from None
    used = set(routine.exercise_ids)
    for exercise in exercises:
        if exercise.id not in used:
            raise ProgrammeError(
                f"{origin}: {EXERCISES}/{exercise.id}.toml: the routine does not use this "
                "exercise")
    return msgspec.structs.replace(routine, id=routine_id)


# --- export ----------------------------------------------------------------------------------


class DataFolder(Struct, frozen=True):
    """Where a person's routines, own exercises and their photos are, in one data folder."""

    data_dir: Path

    @property
    def routines(self) -> Path:
        return AppPaths(self.data_dir).routines

    @property
    def exercises(self) -> Path:
        return AppPaths(self.data_dir).exercises

    @property
    def pictures(self) -> Path:
        return self.exercises / "pictures"

    @property
    def retired(self) -> Path:
        return self.exercises / RETIRED


def own_library(folder: DataFolder, builtin: Library) -> Library:
    """The built-in exercises and the person's own ones, which their routines may use."""
    own, _problems = load_own_exercises(folder.exercises, frozenset(builtin.ids))
    return Library([*builtin, *(item.exercise for item in own)], builtin.language)


def _broken_exercise(routine_fault: str, folder: DataFolder, builtin: Library) -> str | None:
    """When a routine names an own exercise it cannot find, what is wrong with that exercise's
    file, if there is one; else None."""
    missing = re.search(r"'(own-[a-z0-9-]+)' is not in the library", routine_fault)
    if missing is None:
        return None
    _own, problems = load_own_exercises(folder.exercises, frozenset(builtin.ids))
    name = f"{missing.group(1)}.toml:"
    return next((problem for problem in problems if name in problem), None)


def _read_own_file(path: Path, limit: int, what: str) -> bytes:
    try:
        return read_limited_bytes(path, limit, what)
    except UnusableFileError as error:
        raise ProgrammeError(f"cannot export: {error}") from None


def programme_files(routine_id_or_file: str, folder: DataFolder,
                    builtin: Library) -> tuple[str, dict[str, bytes]]:
    """The routine's id and the files of its programme, by their names in the archive."""
    if routine_id_or_file in _builtin_routine_ids():
        raise ProgrammeError(
            f"{routine_id_or_file!r} is a built-in routine, which every Gluteapp has; make "
            "your own with 'Edit a copy…' and export that")
    given = Path(routine_id_or_file)
    path = given if given.suffix == ".toml" else folder.routines / f"{routine_id_or_file}.toml"
    if not os.path.lexists(path):
        raise ProgrammeError(f"no routine of your own {shown_value(routine_id_or_file)} in "
                             f"{shown_path(folder.routines)}")
    library = own_library(folder, builtin)
    try:
        routine = load_routine(path, library)
    except RoutineError as error:
        broken = _broken_exercise(str(error), folder, builtin)
        raise ProgrammeError(f"cannot export: {broken or error}") from None
    files = {ROUTINE_ENTRY: _read_own_file(path, MAX_ROUTINE_BYTES, "routine file")}
    pictures: dict[str, bytes] = {}
    for exercise_id in dict.fromkeys(routine.exercise_ids):
        if exercise_id in builtin:
            continue
        exercise_path = folder.exercises / f"{exercise_id}.toml"
        data = _read_own_file(exercise_path, MAX_OWN_BYTES, "exercise file")
        where = shown_path(exercise_path)
        try:
            own = parse_own_exercise(decode_text(data, where), where, frozenset(builtin.ids))
        except (LibraryError, UnusableFileError) as error:
            raise ProgrammeError(f"cannot export: {error}") from None
        files[f"{EXERCISES}/{exercise_id}.toml"] = data
        if (photo := own.photo) is not None:
            picture = _read_own_file(folder.pictures / photo, MAX_PICTURE_BYTES, "picture")
            pictures[f"{PICTURES}/{photo}"] = picture
    files.update(sorted(pictures.items()))
    # A file name the manifest cannot carry as an id ('Mein Knie') travels as one it can.
    routine_id = routine.id if re.fullmatch(_ROUTINE_ID, routine.id) else routine_id_for(routine.id)
    return routine_id, files


def programme_bytes(routine_id: str, files: dict[str, bytes]) -> bytes:
    """The zip archive: the manifest first, every entry dated alike, so equal content gives
    equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {MANIFEST: _manifest_toml(routine_id, files), **files}.items():
            info = zipfile.ZipInfo(name, date_time=ENTRY_DATE)
            # PNG and JPEG are compressed already: deflating them costs time and saves nothing.
            info.compress_type = (zipfile.ZIP_STORED if _picture_entry(name)
                                  else zipfile.ZIP_DEFLATED)
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def export_programme(routine_id_or_file: str, target: Path, folder: DataFolder,
                     builtin: Library) -> Programme:
    """Write a routine of the person's own and the own exercises it uses as one programme file.

    Written beside the target and renamed over it, so a failed write leaves no half file. The
    file is read back and checked the way an import checks it before it is kept.
    """
    routine_id, files = programme_files(routine_id_or_file, folder, builtin)
    data = programme_bytes(routine_id, files)
    partial = target.with_name(f".{target.name}.part")
    try:
        with open(partial, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        checked = read_programme(partial, builtin)
        os.replace(partial, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise ProgrammeError(
            f"{shown_path(target)}: cannot be written: {error.strerror or error}") from None
    except ProgrammeError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    return msgspec.structs.replace(checked, origin=shown_path(target))


# --- import: what it would do ----------------------------------------------------------------


class Kind(enum.Enum):
    ROUTINE = "routine"
    EXERCISE = "exercise"


class Status(enum.Enum):
    NEW = "new"  #: nothing of that id in the data folder
    SAME = "same"  #: already there, byte for byte: nothing to do
    CONFLICT = "conflict"  #: that id is there with other content


class Resolution(enum.Enum):
    """What to do with items whose id the data folder already has with other content."""

    REFUSE = "refuse"
    REPLACE = "replace"
    RENAME = "rename"


class PlannedItem(Struct, frozen=True):
    kind: Kind
    id: str
    name: str
    status: Status


class ImportPlan(Struct, frozen=True):
    """What importing a programme into a data folder adds, finds there already, or conflicts
    with; nothing has been written."""

    programme: Programme
    folder: DataFolder
    items: tuple[PlannedItem, ...]

    @property
    def conflicts(self) -> list[PlannedItem]:
        return [item for item in self.items if item.status is Status.CONFLICT]

    @property
    def new(self) -> list[PlannedItem]:
        return [item for item in self.items if item.status is Status.NEW]

    @property
    def same(self) -> list[PlannedItem]:
        return [item for item in self.items if item.status is Status.SAME]


def _existing(path: Path) -> bytes | None:
    """The bytes of a file that is there, None if nothing is; something that is not a plain
    file gives b'' (never equal to a file's content, so it conflicts)."""
    if not os.path.lexists(path):
        return None
    try:
        return read_limited_bytes(path, MAX_PICTURE_BYTES, "file")
    except UnusableFileError:
        return b"\0unreadable"


def _exercise_status(exercise: ProgrammeExercise, programme: Programme,
                     folder: DataFolder) -> Status:
    """SAME only when the exercise's file and its photo are both there unchanged."""
    there = _existing(folder.exercises / f"{exercise.id}.toml")
    if there is None:
        # A deleted exercise the history still names keeps its id, so it is not new.
        retired = os.path.lexists(folder.retired / f"{exercise.id}.toml")
        return Status.CONFLICT if retired else Status.NEW
    same = there == exercise.data
    if same and exercise.photo is not None:
        same = _existing(folder.pictures / exercise.photo) == programme.pictures[exercise.photo]
    return Status.SAME if same else Status.CONFLICT


def plan_import(programme: Programme, folder: DataFolder) -> ImportPlan:
    """Compare the programme with the data folder; read-only."""
    items = [
        PlannedItem(Kind.EXERCISE, exercise.id, exercise.name,
                    _exercise_status(exercise, programme, folder))
        for exercise in programme.exercises
    ]
    routine = programme.routine
    there = _existing(folder.routines / f"{routine.id}.toml")
    status = (Status.NEW if there is None
              else Status.SAME if there == programme.routine_data else Status.CONFLICT)
    items.insert(0, PlannedItem(Kind.ROUTINE, routine.id, routine.name, status))
    return ImportPlan(programme, folder, tuple(items))


# --- import: doing it ------------------------------------------------------------------------


class ImportResult(Struct, frozen=True):
    """What an import wrote: the routine's id (perhaps renamed) and each file's path."""

    routine_id: str
    routine_name: str
    written: tuple[Path, ...]
    renamed: dict[str, str]  #: old id or picture name -> new one, for everything renamed


class ConflictError(ProgrammeError):
    """The programme has items the data folder holds with other content, and no resolution."""


def _free_name(stem: str, suffix: str, taken: Callable[[str], bool], limit: int) -> str:
    """'stem-2', 'stem-3'…: the first name not taken, the stem shortened to keep it within
    `limit` characters."""
    number = 2
    while True:
        tail = f"-{number}{suffix}"
        candidate = stem[: limit - len(tail)].rstrip("-") + tail
        if not taken(candidate):
            return candidate
        number += 1


def _with_number(name: str, old_id: str, new_id: str, limit: int) -> str:
    """'Morning (2)' when 'morning' became 'morning-2'; clipped to fit `limit`."""
    number = re.search(r"-(\d+)$", new_id) if new_id != old_id else None
    tail = f" ({number.group(1)})" if number else ""
    return name[: limit - len(tail)] + tail


def _writes(plan: ImportPlan, resolution: Resolution) -> tuple[list[tuple[Path, bytes]],
                                                                 dict[str, str], str]:
    """The files to write, what was renamed, and the routine's id in the data folder."""
    programme, folder = plan.programme, plan.folder
    status = {(item.kind, item.id): item.status for item in plan.items}
    rename = resolution is Resolution.RENAME
    renamed: dict[str, str] = {}
    writes: list[tuple[Path, bytes]] = []
    taken_pictures: set[str] = set()

    def picture_taken(name: str) -> bool:
        return name in taken_pictures or os.path.lexists(folder.pictures / name)

    # A picture whose name the data folder uses for other bytes is always renamed: the name is
    # shared by whatever exercise uses it, and no one sees it.
    pictures: dict[str, str] = {}
    for name, data in programme.pictures.items():
        there = _existing(folder.pictures / name)
        target = name
        if there is not None and there != data:
            stem, dot, ext = name.rpartition(".")
            target = _free_name(stem, dot + ext, picture_taken, 120)
            renamed[name] = target
        taken_pictures.add(target)
        pictures[name] = target
        if there != data:
            writes.append((folder.pictures / target, data))

    exercise_ids: dict[str, str] = {}
    for exercise in programme.exercises:
        state = status[(Kind.EXERCISE, exercise.id)]
        new_id = exercise.id
        if state is Status.CONFLICT and rename:
            new_id = _free_name(exercise.id, "", lambda i: i in exercise_ids.values() or any(
                os.path.lexists(place / f"{i}.toml")
                for place in (folder.exercises, folder.retired)), 60)
            renamed[exercise.id] = new_id
        exercise_ids[exercise.id] = new_id
        if state is Status.SAME:
            continue
        data = exercise.data
        photo_moved = exercise.photo is not None and pictures[exercise.photo] != exercise.photo
        if new_id != exercise.id or photo_moved:
            data = _rewritten_exercise(exercise, new_id, pictures).encode("utf-8")
        writes.append((folder.exercises / f"{new_id}.toml", data))

    routine = programme.routine
    routine_id = routine.id
    state = status[(Kind.ROUTINE, routine.id)]
    moved = any(exercise_ids[k] != k for k in exercise_ids)
    if rename and (state is Status.CONFLICT or (state is Status.SAME and moved)):
        routine_id = _free_name(routine.id, "", lambda i: os.path.lexists(
            folder.routines / f"{i}.toml"), 80)
        renamed[routine.id] = routine_id
    if routine_id != routine.id or moved:
        steps = tuple(msgspec.structs.replace(step, exercise=exercise_ids.get(step.exercise,
                                                                              step.exercise))
                      for step in routine.steps)
        name = _with_number(routine.name, routine.id, routine_id, 80)
        rewritten = msgspec.structs.replace(routine, id=routine_id, steps=steps, name=name)
        writes.append((folder.routines / f"{routine_id}.toml",
                       routine_to_toml(rewritten).encode("utf-8")))
    elif state is not Status.SAME:
        writes.append((folder.routines / f"{routine_id}.toml", programme.routine_data))
    return writes, renamed, routine_id


def _rewritten_exercise(exercise: ProgrammeExercise, new_id: str,
                        pictures: dict[str, str]) -> str:
    own = exercise.own
    changed = msgspec.structs.replace(
        own.exercise, id=new_id,
        name=_with_number(own.exercise.name, exercise.id, new_id, 60))
    picture = own.picture
    if picture is not None and picture.photo is not None:
        picture = msgspec.structs.replace(picture, photo=pictures[picture.photo])
    return own_exercise_to_toml(msgspec.structs.replace(own, exercise=changed, picture=picture))


def conflict_message(plan: ImportPlan) -> str:
    """What is in the way, and the two ways out, for the command line."""
    names = ", ".join(f"{item.kind.value} {item.name!r} ({item.id})" for item in plan.conflicts)
    return (f"{plan.programme.origin}: your data folder already has, with other content: "
            f"{names}. Nothing was imported. Run again with --replace to overwrite them, or "
            "with --rename to keep both (the imported ones get new ids)")


def apply_import(plan: ImportPlan, resolution: Resolution = Resolution.REFUSE) -> ImportResult:
    """Write what the plan adds. Conflicts need REPLACE or RENAME, else ConflictError.

    Every file is first written in full to a staging folder inside the data folder, then moved
    in; if a move fails, the files already moved are taken out again and the ones they replaced
    put back, so the data folder is as it was.
    """
    if plan_import(plan.programme, plan.folder).items != plan.items:
        # Something was saved since the person saw the plan: what they agreed to is not this.
        raise ProgrammeError(
            f"{plan.programme.origin}: your routines or exercises changed since the import was "
            "shown; nothing was imported. Import the file again to see what it would change now")
    if plan.conflicts and resolution is Resolution.REFUSE:
        raise ConflictError(conflict_message(plan))
    if resolution is Resolution.REPLACE:
        for item in plan.conflicts:
            _check_replaceable(plan, item)
    writes, renamed, routine_id = _writes(plan, resolution)
    if writes:
        _move_in(writes, plan.folder)
    routine = plan.programme.routine
    name = _with_number(routine.name, routine.id, routine_id, 80)
    return ImportResult(routine_id, name, tuple(path for path, _ in writes), renamed)


def _check_replaceable(plan: ImportPlan, item: PlannedItem) -> None:
    folder = plan.folder
    path = (folder.routines / f"{item.id}.toml" if item.kind is Kind.ROUTINE
            else folder.exercises / f"{item.id}.toml")
    if os.path.lexists(path) and not path.is_file():
        raise ProgrammeError(
            f"{shown_path(path)}: is not a plain file, so it cannot be replaced; move it away "
            "or choose to keep both")


def _move_in(writes: list[tuple[Path, bytes]], folder: DataFolder) -> None:
    made: list[Path] = []
    done: list[tuple[Path, Path | None]] = []
    stage: Path | None = None
    failure: OSError | None = None
    try:
        for directory in (folder.data_dir, folder.routines, folder.exercises, folder.pictures):
            if not directory.is_dir():
                directory.mkdir()
                made.append(directory)
        stage = Path(tempfile.mkdtemp(prefix=".programme-import-", dir=folder.data_dir))
        staged: list[tuple[Path, Path]] = []
        for number, (target, data) in enumerate(writes):
            partial = stage / f"{number}.new"
            with open(partial, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            staged.append((partial, target))
        for number, (partial, target) in enumerate(staged):
            kept: Path | None = None
            if os.path.lexists(target):
                kept = stage / f"{number}.old"
                os.replace(target, kept)
            done.append((target, kept))
            os.replace(partial, target)
    except OSError as error:
        failure = error
        _put_back(done)
    finally:
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)  # the staged copies, and what was replaced
    if failure is not None:
        for directory in reversed(made):
            with contextlib.suppress(OSError):
                directory.rmdir()
        raise ProgrammeError(
            f"{shown_path(folder.data_dir)}: the programme could not be written "
            f"({failure.strerror or failure}); your data folder is as it was")


def _put_back(done: list[tuple[Path, Path | None]]) -> None:
    """Undo the moves made so far: take out what was added, put back what it replaced."""
    for target, kept in reversed(done):
        with contextlib.suppress(OSError):
            if kept is not None:
                os.replace(kept, target)
            else:
                target.unlink(missing_ok=True)
