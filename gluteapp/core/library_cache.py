"""Validated copies of the exercise library and the poses in the cache folder, so a start can
skip their TOML.

Reading the TOML and validating it costs tens of milliseconds; decoding the copy, which
msgspec validates against the same schema, well under one. The TOML stays the truth: the copy
is keyed by a hash of the TOML, of the schema's source and of msgspec's version, so any edit
makes a new one, and any problem with the copy falls back to the TOML. A library in another
language is its own copy, keyed also by the language and by its translation file. The
figures' poses (`core/poses.py`) are kept the same way, keyed by their own file and schema.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from gluteapp import __version__
from gluteapp.core import content_language, exercises
from gluteapp.core.content_language import (
    SOURCE_LANGUAGE,
    parse_library_words,
    parse_translated_library,
    translation_path,
)
from gluteapp.core.exercises import (
    MAX_LIBRARY_BYTES,
    Library,
    LibraryError,
    LibraryFile,
    library_of,
    parse_library,
)
from gluteapp.core.safe_files import (
    UnusableFileError,
    decode_text,
    read_limited_bytes,
    shown_path,
    write_atomically,
)

if TYPE_CHECKING:
    from gluteapp.core.poses import PoseLibrary

log = logging.getLogger(__name__)

#: Changes whenever the layout of the cached file changes.
FORMAT = b"gluteapp library cache 1"
PREFIX = "library-"
POSES_FORMAT = b"gluteapp poses cache 1"
POSES_PREFIX = "poses-"
SUFFIX = ".msgpack"
#: A copy is smaller than its TOML; anything larger is not one of ours.
MAX_CACHE_BYTES = MAX_LIBRARY_BYTES


def _schema_fingerprint(*modules: object) -> bytes:
    """The validation rules: the schema modules' source, or the app's version without it."""
    try:
        return b"".join(Path(getattr(module, "__file__", None) or "").read_bytes()
                        for module in modules or (exercises, content_language))
    except (OSError, TypeError):  # a bundle may ship bytecode only
        return __version__.encode()


def _hashed(parts: list[bytes]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def cache_key(toml: bytes, language: str = SOURCE_LANGUAGE, translation: bytes = b"") -> str:
    """A hash of everything the validated result depends on."""
    parts = [FORMAT, msgspec.__version__.encode(), _schema_fingerprint(), toml]
    if language != SOURCE_LANGUAGE:  # the English key stays what it was before translations
        parts += [language.encode(), translation]
    return _hashed(parts)


def _translation_bytes(path: Path, language: str) -> bytes:
    if language == SOURCE_LANGUAGE:
        return b""
    return read_limited_bytes(translation_path(path, language), MAX_LIBRARY_BYTES,
                              "translation file")


def cache_file(toml_path: Path, cache_dir: Path, language: str = SOURCE_LANGUAGE) -> Path:
    """Where the copy of the library in `toml_path`, in `language`, is (or would be) kept."""
    toml = read_limited_bytes(toml_path, MAX_LIBRARY_BYTES, "library file")
    key = cache_key(toml, language, _translation_bytes(toml_path, language))
    return cache_dir / f"{PREFIX}{key}{SUFFIX}"


def load_library_cached(path: Path, cache_dir: Path,
                        language: str = SOURCE_LANGUAGE) -> Library:
    """The library in `path`, from `cache_dir` when a copy made from this very file is there.

    In another `language` its translation file (`exercises.de.toml` beside `path`) is applied,
    and the copy is of the translated library. A missing, unreadable or corrupt copy, or a
    cache folder that cannot be written, only means the TOML is read and validated as
    `load_library` does; a broken TOML or translation raises the same LibraryError.
    """
    try:
        toml = read_limited_bytes(path, MAX_LIBRARY_BYTES, "library file")
        translation = _translation_bytes(path, language)
        target = cache_dir / f"{PREFIX}{cache_key(toml, language, translation)}{SUFFIX}"
        cached = _read(target, language)
        if cached is not None:
            return cached
        text = decode_text(toml, path)
        words_path = translation_path(path, language)
        words_text = decode_text(translation, words_path) if translation else ""
    except UnusableFileError as problem:
        raise LibraryError(str(problem)) from None
    if language == SOURCE_LANGUAGE:
        library = parse_library(text, origin=shown_path(path))
    else:  # the very bytes the key was made from
        words = parse_library_words(words_text, language, shown_path(words_path))
        library = parse_translated_library(text, shown_path(path), words)
    _write(target, msgspec.msgpack.encode(LibraryFile(exercise=list(library))), PREFIX)
    return library


def _copy_bytes(target: Path, what: str) -> bytes | None:
    if not target.exists():
        return None
    try:
        return read_limited_bytes(target, MAX_CACHE_BYTES, what)
    except UnusableFileError as problem:  # a pipe or a huge file named like a copy: not ours
        log.warning("ignoring the %s: %s", what, problem)
        return None


def _read(target: Path, language: str) -> Library | None:
    data = _copy_bytes(target, "library cache")
    if data is None:
        return None
    try:
        library = library_of(msgspec.msgpack.decode(data, type=LibraryFile), str(target))
    except Exception as error:  # a cache is never a reason to fail: the TOML is read instead
        log.warning("ignoring the library cache %s: %s", target, error)
        return None
    library.language = language
    return library


def _write(target: Path, data: bytes, prefix: str) -> None:
    """Write the copy atomically and remove copies made from older versions of the file."""
    try:
        write_atomically(target, data)
        for old in target.parent.glob(f"{prefix}*{SUFFIX}"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError as error:
        log.info("the copy %s was not written (%s); the TOML is read next time", target.name,
                 error)


def load_poses_cached(path: Path, cache_dir: Path) -> PoseLibrary:
    """The poses in `path`, from `cache_dir` when a copy made from this very file is there.

    As for the library: the TOML is the truth and a copy is only written once it validated, so
    a missing or broken copy means the TOML is read; a broken TOML raises the same PoseError
    as `core.poses.load_poses`.
    """
    from gluteapp.core import poses

    try:
        toml = read_limited_bytes(path, poses.MAX_POSES_BYTES, "poses file")
    except UnusableFileError as problem:
        raise poses.PoseError(str(problem)) from None
    key = _hashed([POSES_FORMAT, msgspec.__version__.encode(), _schema_fingerprint(poses), toml])
    target = cache_dir / f"{POSES_PREFIX}{key}{SUFFIX}"
    data = _copy_bytes(target, "poses cache")
    if data is not None:
        try:
            return poses.PoseLibrary(msgspec.msgpack.decode(data, type=poses.PosesFile).pose)
        except Exception as error:  # never a reason to fail: the TOML is read instead
            log.warning("ignoring the poses cache %s: %s", target, error)
    try:
        text = decode_text(toml, path)
    except UnusableFileError as problem:
        raise poses.PoseError(str(problem)) from None
    library = poses.parse_poses(text, origin=shown_path(path))
    _write(target, msgspec.msgpack.encode(poses.PosesFile(pose=library.entries())), POSES_PREFIX)
    return library
