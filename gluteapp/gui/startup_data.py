"""The library and the history as start-up opens them, or one sentence saying why they cannot be."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded when first needed: neither is part of the first paint
    from gluteapp.core.exercises import Library
    from gluteapp.gui.history_service import HistoryService


class StartupError(Exception):
    """The app cannot run: the library or the history cannot be opened. Says why, in words."""


def load_library(cache_dir: Path, own_folder: Path | None = None) -> Library:
    """The exercise library in the language the window shows, through its validated cache;
    with `own_folder`, your own exercises follow the built-in ones (a file of yours that cannot
    be used is left out and named in the library's `problems`, never a reason not to start)."""
    from gluteapp.core.assets import assets_dir
    from gluteapp.core.exercises import LibraryError
    from gluteapp.core.library_cache import load_library_cached
    from gluteapp.core.own_library import CombinedLibrary, combined
    from gluteapp.core.poses import keep_prepared_poses_in
    from gluteapp.gui.i18n import shown_language

    keep_prepared_poses_in(cache_dir)  # the figures' poses, read when the library is drawn
    try:
        # In the language the window shows, so names and steps match its words.
        builtin = load_library_cached(assets_dir() / "exercises.toml", cache_dir,
                                      shown_language())
    except (LibraryError, FileNotFoundError) as error:
        raise StartupError(f"The exercise library could not be loaded: {error}") from error
    if own_folder is None:
        return builtin
    try:
        return combined(builtin, own_folder)[0]
    except OSError as error:  # the folder itself cannot be read: start with the built-in ones
        library = CombinedLibrary(builtin, own_folder)
        library.problems = [f"Your own exercises in {own_folder} could not be read: "
                            f"{error.strerror or error}"]
        return library


def open_history(data_dir: Path, *, headless: bool) -> HistoryService:
    """The one door to the history; a screenshot run says on stderr what start-up found."""
    from gluteapp.gui.history_service import HistoryService, NewerDatabaseError, StorageError

    try:
        history = HistoryService.open(data_dir, owner=not headless)
    except NewerDatabaseError as error:
        raise StartupError(str(error)) from error
    except StorageError as error:
        raise StartupError(f"The history could not be opened: {error}") from error
    if headless and history.startup_report.needs_attention:
        print(f"gluteapp: {history.startup_report.message}", file=sys.stderr)
    return history
