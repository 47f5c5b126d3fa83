"""Whether a copy of Gluteapp is running on a data folder, told without Qt: a lock it holds.

The running app holds an advisory lock for as long as it runs; the operating system drops it
when the process ends, however it ends, so a crash never leaves a stale lock behind. On POSIX
the lock is taken on the data folder itself (`flock` on its descriptor), which writes nothing
into it; on Windows on a small file in it. Commands that must not run beside the app (restore)
take the same lock, or find it taken and refuse.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Windows only: the file whose first byte is locked (POSIX locks the folder itself).
LOCK_FILENAME = ".gluteapp-running"

# Locks this process holds, by folder identity: a second lock on the same folder from the
# same process would conflict with the first, so the holder's lock is reused instead.
_held: dict[str, int] = {}


class FolderBusyError(Exception):
    """Another copy of Gluteapp holds the data folder (or it cannot be opened to tell)."""


def _identity(data_dir: Path) -> str:
    info = os.stat(data_dir)
    return f"{info.st_dev}:{info.st_ino}"


def _try_lock(data_dir: Path) -> int | None:
    """A descriptor holding the folder's lock, or None when another process holds it.

    Raises OSError when the folder cannot be opened at all.
    """
    if sys.platform == "win32":
        import msvcrt

        fd = os.open(data_dir / LOCK_FILENAME, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(fd)
            return None
        return fd
    import fcntl

    fd = os.open(data_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except OSError:
        os.close(fd)
        raise
    return fd


def _unlock(fd: int) -> None:
    os.close(fd)  # closing the descriptor releases the lock, on every platform


def hold(data_dir: Path) -> bool:
    """Hold the folder's lock for the rest of this run; False if another process holds it."""
    try:
        key = _identity(data_dir)
        if key in _held:
            return True
        fd = _try_lock(data_dir)
    except OSError:
        return False
    if fd is None:
        return False
    _held[key] = fd
    return True


def release(data_dir: Path) -> None:
    """Let go of a lock `hold` took (before starting a new copy of the program)."""
    try:
        fd = _held.pop(_identity(data_dir), None)
    except OSError:
        return
    if fd is not None:
        _unlock(fd)


def held_elsewhere(data_dir: Path) -> bool:
    """Whether another process (a running Gluteapp) holds the folder's lock now."""
    try:
        if _identity(data_dir) in _held:
            return False
        fd = _try_lock(data_dir)
    except OSError:
        return False
    if fd is None:
        return True
    _unlock(fd)
    return False


@contextmanager
def exclusive(data_dir: Path, action: str) -> Iterator[None]:
    """Hold the folder for the time of `action`; FolderBusyError while a copy runs on it."""
    try:
        key = _identity(data_dir)
        fd = None if key in _held else _try_lock(data_dir)
        busy = fd is None and key not in _held
    except OSError as error:
        raise FolderBusyError(
            f"Cannot {action}: the data folder {data_dir} cannot be opened "
            f"({error.strerror or error}). Nothing was changed."
        ) from None
    if busy:
        raise FolderBusyError(
            f"Cannot {action}: Gluteapp is running on the data folder {data_dir}. Quit it "
            "first (or use Settings in the running app), then try again. Nothing was changed."
        )
    if fd is not None:
        _held[key] = fd  # so that what runs inside may ask for it again
    try:
        yield
    finally:
        if fd is not None:
            _held.pop(key, None)
            _unlock(fd)
