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


def default_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def resolve_paths(data_dir: Path | None = None) -> AppPaths:
    return AppPaths((data_dir or default_data_dir()).expanduser().absolute())


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
