"""Reading files a person can put in our folders without trusting them, and naming them safely."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import unicodedata
from pathlib import Path

#: How much of a quoted value a message shows: a 10 MB id must not make a 10 MB message.
SHOWN_CHARS = 60

# Characters that draw nothing although Unicode files them as letters or symbols.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Categories that draw nothing (format, separators, controls, marks, unassigned, surrogates).
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"})


class UnusableFileError(ValueError):
    """A file that cannot be used, with a one-line message naming it and what to do."""


def shown_path(path: Path | str) -> str:
    """A path as one line of valid text: undecodable bytes and control characters made visible.

    A file name that is not valid UTF-8 arrives with surrogate escapes, which cannot be
    printed or logged; it is shown with U+FFFD instead, and a line break in a name as \\n.
    """
    text = os.fsencode(path).decode("utf-8", errors="replace")
    return _escape_controls(text)


def shown_value(text: str, limit: int = SHOWN_CHARS) -> str:
    """A value quoted for a message: clipped, printable, on one line."""
    clipped = text if len(text) <= limit else text[:limit] + "…"
    safe = clipped.encode("utf-8", errors="replace").decode("utf-8")
    return repr(_escape_controls(safe))


def _escape_controls(text: str) -> str:
    if not any(unicodedata.category(c) == "Cc" for c in text):
        return text
    return "".join(
        c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) == "Cc" else c
        for c in text
    )


def is_valid_text(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (a file name that was not has surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def has_visible_character(text: str) -> bool:
    """False for a name made only of spaces, zero-width or other characters that draw nothing."""
    return any(
        c not in _BLANK_LETTERS and unicodedata.category(c) not in _INVISIBLE_CATEGORIES
        for c in text
    )


def has_control_character(text: str) -> bool:
    """Line breaks, tabs, escape codes: nothing a one-line name should hold."""
    return any(unicodedata.category(c) == "Cc" for c in text)


def name_problem(text: str) -> str | None:
    """Why `text` cannot be a name shown to a person, or None if it can."""
    if not has_visible_character(text):
        return "must have at least one visible character (it is empty or invisible)"
    if has_control_character(text):
        return "must not contain line breaks, tabs or other control characters"
    return None


def _size_words(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} bytes"


def read_limited_bytes(path: Path, max_bytes: int, what: str) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; raises UnusableFileError otherwise.

    Opened without blocking, so a named pipe or a device with a file's name is refused at once
    instead of waiting forever for a writer; symbolic links to regular files are followed.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    name = shown_path(path)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise UnusableFileError(f"{name}: cannot be read: {error.strerror or error}") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UnusableFileError(
                f"{name}: is not a regular file (a folder, named pipe or device); "
                f"a {what} must be a plain text file"
            )
        if info.st_size > max_bytes:
            raise UnusableFileError(
                f"{name}: is {_size_words(info.st_size)}; a {what} may be at most "
                f"{_size_words(max_bytes)}"
            )
        chunks = []
        left = max_bytes + 1  # a file that grows while it is read is still caught
        while left > 0:
            chunk = os.read(handle, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise UnusableFileError(f"{name}: cannot be read: {error.strerror or error}") from None
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise UnusableFileError(
            f"{name}: is larger than {_size_words(max_bytes)}, the most a {what} may be")
    return data


def decode_text(data: bytes, path: Path | str) -> str:
    """UTF-8 text, with a leading byte-order mark (as some editors write) accepted."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnusableFileError(
            f"{shown_path(path)}: is not UTF-8 text (byte {error.start + 1} cannot be read); "
            "save it as UTF-8"
        ) from None


def read_limited_text(path: Path, max_bytes: int, what: str) -> str:
    """`read_limited_bytes`, decoded as UTF-8 (a byte-order mark is accepted)."""
    return decode_text(read_limited_bytes(path, max_bytes, what), path)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, sync it, rename it over `path` and sync
    the folder, so that `path` holds either its old bytes or all the new ones, after any crash.
    Raises OSError (a temporary file is removed again)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; not every platform can open a folder, fine there."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)
