"""Where the app keeps its state: one data folder holding everything."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "gluteapp"


class DataDirError(OSError):
    """The data folder cannot be created or written, with what to do about it."""


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    #: The platform's cache folder; None keeps the cache under the data folder.
    cache_dir: Path | None = None

    @property
    def database(self) -> Path:
        return self.data_dir / "history.db"

    @property
    def settings(self) -> Path:
        return self.data_dir / "settings.ini"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def routines(self) -> Path:
        return self.data_dir / "routines"

    @property
    def cache(self) -> Path:
        """Copies that can be rebuilt at any time, such as the validated exercise library."""
        return self.cache_dir if self.cache_dir is not None else self.data_dir / "cache"


def default_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_cache_dir() -> Path:
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def resolve_paths(data_dir: Path | None = None) -> AppPaths:
    """The platform's folders, or everything (the cache too) under `data_dir` when given."""
    if data_dir is not None:
        return AppPaths(data_dir.expanduser().absolute())
    return AppPaths(default_data_dir().expanduser().absolute(), default_cache_dir())


def ensure_writable(paths: AppPaths) -> None:
    """Create the folders; raise DataDirError in plain words when that is not possible."""
    try:
        for folder in (paths.data_dir, paths.backups, paths.logs, paths.routines):
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
