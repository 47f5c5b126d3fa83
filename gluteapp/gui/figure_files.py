"""`gluteapp figures`: every exercise's start and end pictures as PNG files, for the README,
the tests and anyone reviewing the poses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QPalette

from gluteapp.core.exercises import Library
from gluteapp.core.kinematics import Timing
from gluteapp.gui.figure import Figures, render_figure


def figure_files(library: Library) -> list[tuple[str, str, Timing, bool]]:
    """(file name, exercise id, timing, mirrored) of every picture: ID-start.png, ID-end.png,
    and ID-start-right.png for an exercise done on each side."""
    names: list[tuple[str, str, Timing, bool]] = []
    for exercise in library:
        names.append((f"{exercise.id}-start.png", exercise.id, Timing.start(), False))
        names.append((f"{exercise.id}-end.png", exercise.id, Timing.end(), False))
        if exercise.per_side:
            names.append((f"{exercise.id}-start-right.png", exercise.id, Timing.start(), True))
    return names


def write_figures(folder: Path, size: QSize, library: Library, palette: QPalette) -> list[Path]:
    """Write every picture into `folder` (made if missing); the files written, in order.

    Raises OSError when the folder cannot be made or a file cannot be written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    figures = Figures(library)
    written: list[Path] = []
    for name, exercise_id, timing, mirrored in figure_files(library):
        figure = figures.get(exercise_id)
        if figure is None:
            raise OSError(f"{exercise_id} has no pose to draw")
        target = folder / name
        if not render_figure(figure, timing, size, palette, mirrored).save(str(target)):
            raise OSError(f"cannot write {target}")
        written.append(target)
    return written
