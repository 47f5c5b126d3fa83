"""A validated copy of the exercise library in the cache folder, so a start can skip the TOML.

Reading the TOML and validating it costs tens of milliseconds; decoding the copy, which
msgspec validates against the same schema, well under one. The TOML stays the truth: the copy
is keyed by a hash of the TOML, of the schema's source and of msgspec's version, so any edit
makes a new one, and any problem with the copy falls back to the TOML.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

import msgspec

from gluteapp import __version__
from gluteapp.core import exercises
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
)

log = logging.getLogger(__name__)

#: Changes whenever the layout of the cached file changes.
FORMAT = b"gluteapp library cache 1"
PREFIX = "library-"
SUFFIX = ".msgpack"
#: A copy is smaller than its TOML; anything larger is not one of ours.
MAX_CACHE_BYTES = MAX_LIBRARY_BYTES


def _schema_fingerprint() -> bytes:
    """The validation rules: the schema module's source, or the app's version without it."""
    try:
        return Path(exercises.__file__).read_bytes()
    except (OSError, TypeError):  # a bundle may ship bytecode only
        return __version__.encode()


def cache_key(toml: bytes) -> str:
    """A hash of everything the validated result depends on."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (FORMAT, msgspec.__version__.encode(), _schema_fingerprint(), toml):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def cache_file(toml_path: Path, cache_dir: Path) -> Path:
    """Where the copy of the library in `toml_path` is (or would be) kept."""
    toml = read_limited_bytes(toml_path, MAX_LIBRARY_BYTES, "library file")
    return cache_dir / f"{PREFIX}{cache_key(toml)}{SUFFIX}"


def load_library_cached(path: Path, cache_dir: Path) -> Library:
    """The library in `path`, from `cache_dir` when a copy made from this very file is there.

    A missing, unreadable or corrupt copy, or a cache folder that cannot be written, only
    means the TOML is read and validated as `load_library` does; a broken TOML raises the
    same LibraryError.
    """
    try:
        toml = read_limited_bytes(path, MAX_LIBRARY_BYTES, "library file")
        target = cache_dir / f"{PREFIX}{cache_key(toml)}{SUFFIX}"
        cached = _read(target)
        if cached is not None:
            return cached
        text = decode_text(toml, path)
    except UnusableFileError as problem:
        raise LibraryError(str(problem)) from None
    library = parse_library(text, origin=shown_path(path))
    _write(target, library)
    return library


def _read(target: Path) -> Library | None:
    if not target.exists():
        return None
    try:
        data = read_limited_bytes(target, MAX_CACHE_BYTES, "library cache")
    except UnusableFileError as problem:  # a pipe or a huge file named like a copy: not ours
        log.warning("ignoring the library cache: %s", problem)
        return None
    try:
        return library_of(msgspec.msgpack.decode(data, type=LibraryFile), str(target))
    except Exception as error:  # a cache is never a reason to fail: the TOML is read instead
        log.warning("ignoring the library cache %s: %s", target, error)
        return None


def _write(target: Path, library: Library) -> None:
    """Write the copy atomically and remove copies made from older versions of the file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        data = msgspec.msgpack.encode(LibraryFile(exercise=list(library)))
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".library-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        for old in target.parent.glob(f"{PREFIX}*{SUFFIX}"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError as error:
        log.info("the library cache was not written (%s); the TOML is read next time", error)
