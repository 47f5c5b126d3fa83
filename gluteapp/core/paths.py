"""Where the app keeps its state: data, settings, logs and cache in the platform's folders."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import platformdirs
from msgspec import Struct

APP_NAME = "gluteapp"
SETTINGS_FILE = "settings.ini"


class DataDirError(OSError):
    """The data folder cannot be created or written, with what to do about it."""


class AppPaths(Struct, frozen=True):
    """The folders of one install. With only `data_dir` (`--data-dir`), everything is in it."""

    data_dir: Path
    #: The platform's cache folder; None keeps the cache under the data folder.
    cache_dir: Path | None = None
    #: The platform's config folder (settings); None keeps settings.ini in the data folder.
    config_dir: Path | None = None
    #: The platform's log folder (XDG state on Linux); None keeps logs/ in the data folder.
    log_dir: Path | None = None

    @property
    def database(self) -> Path:
        return self.data_dir / "history.db"

    @property
    def settings(self) -> Path:
        return (self.config_dir or self.data_dir) / SETTINGS_FILE

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.log_dir if self.log_dir is not None else self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "gluteapp.log"

    @property
    def routines(self) -> Path:
        return self.data_dir / "routines"

    @property
    def exercises(self) -> Path:
        """Your own exercises, one TOML file each; their photos in `exercises/pictures/`."""
        return self.data_dir / "exercises"

    @property
    def cache(self) -> Path:
        """Copies that can be rebuilt at any time, such as the validated exercise library."""
        return self.cache_dir if self.cache_dir is not None else self.data_dir / "cache"

    @property
    def old_layout(self) -> AppPaths:
        """Where an install before version 0.2 kept the same files: all in the data folder."""
        return AppPaths(self.data_dir, self.cache_dir)


def default_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_cache_dir() -> Path:
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def default_config_dir() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def default_log_dir() -> Path:
    """On Linux $XDG_STATE_HOME/gluteapp/log: logs are state, neither data nor settings."""
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def resolve_paths(data_dir: Path | None = None) -> AppPaths:
    """The platform's folders, or everything (cache, settings, logs) under `data_dir` when given."""
    if data_dir is not None:
        return AppPaths(data_dir.expanduser().absolute())
    return AppPaths(
        default_data_dir().expanduser().absolute(),
        cache_dir=default_cache_dir().expanduser().absolute(),
        config_dir=default_config_dir().expanduser().absolute(),
        log_dir=default_log_dir().expanduser().absolute(),
    )


def ensure_writable(paths: AppPaths) -> None:
    """Create the folders; raise DataDirError in plain words when that is not possible."""
    try:
        for folder in (paths.data_dir, paths.backups, paths.routines):
            folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=paths.data_dir, prefix=".write-check-"):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        raise DataDirError(
            f"The data folder {paths.data_dir} cannot be written ({reason}). "
            "Nothing was changed. Make the folder writable, or start Gluteapp with "
            "--data-dir pointing at a folder you own."
        ) from None
    if not os.access(paths.data_dir, os.W_OK):
        raise DataDirError(f"The data folder {paths.data_dir} is read-only.")
    for folder in (paths.settings.parent, paths.logs):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DataDirError(
                f"The folder {folder} cannot be created ({error.strerror or error}). "
                "Make it writable, or start Gluteapp with --data-dir pointing at a folder you "
                "own, which then holds everything."
            ) from None


def move_to_platform_folders(paths: AppPaths) -> list[str]:
    """Move settings and logs an older version kept in the data folder to where they now live.

    Nothing is ever deleted: a file whose new place is already taken stays, renamed, so a
    person can still find it. Returns one line per move, for the log (which may be among the
    moved files, so the caller logs them once logging is set up).
    """
    old = paths.old_layout
    moves: list[str] = []
    if old.settings != paths.settings and old.settings.is_file():
        if paths.settings.exists():
            kept = old.settings.with_name(f"{SETTINGS_FILE}.old")
            moves.append(_move(old.settings, kept, "left in place, renamed"))
        else:
            moves.append(_move(old.settings, paths.settings, "moved"))
    if old.logs != paths.logs and old.logs.is_dir():
        paths.logs.mkdir(parents=True, exist_ok=True)
        for file in sorted(old.logs.iterdir()):
            if not file.is_file():
                continue
            target = paths.logs / file.name
            if target.exists():
                target = paths.logs / f"old-{file.name}"
            if target.exists():
                continue  # moved once already and written again since: leave it be
            moves.append(_move(file, target, "moved"))
        with contextlib.suppress(OSError):
            old.logs.rmdir()  # only when empty
    return moves


def _move(source: Path, target: Path, how: str) -> str:
    """Copy, make it durable, then remove the original: a crash half-way loses nothing."""
    partial = target.with_name(f".{target.name}.moving")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, partial)
        with open(partial, "rb") as copied:
            os.fsync(copied.fileno())
        os.replace(partial, target)
        source.unlink()
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return f"could not move {source} to {target} ({error.strerror or error}); it stays"
    return f"{how}: {source} -> {target}"
