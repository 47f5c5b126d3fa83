"""New, Edit and Delete for your own exercises, wired to the library view and the builder."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:  # the library and msgspec are not needed for the first paint
    from gluteapp.core.exercises import Library
    from gluteapp.core.own_library import CombinedLibrary
    from gluteapp.core.routines import Routine
    from gluteapp.gui.history_service import HistoryService
    from gluteapp.gui.library.exercise_editor import ExerciseEditor
    from gluteapp.gui.library.view import LibraryView
    from gluteapp.gui.player.builder import RoutineBuilder
    from gluteapp.gui.settings import Settings


class OwnExerciseActions(QObject):
    """Opens the editor, deletes (or retires) an exercise, and tells the views afterwards."""

    changed = Signal(str)  # the id made, changed or removed; the views look again
    problem = Signal(str)  # a file of yours that could not be used, for the banner

    def __init__(self, library: Callable[[], Library], routines_folder: Path,
                 history: Callable[[], HistoryService | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._routines = routines_folder
        self._history = history
        self._parent = parent
        self.editor: ExerciseEditor | None = None

    @property
    def library(self) -> CombinedLibrary | None:
        from gluteapp.core.own_library import CombinedLibrary

        library = self._library()
        return library if isinstance(library, CombinedLibrary) else None

    def library_view(self, settings: Settings) -> LibraryView:
        """The library view, following the equipment setting, with your exercises' actions."""
        from gluteapp.gui.library.view import LibraryView

        view = LibraryView(self._library())
        view.follow_equipment(settings)
        self.attach_library_view(view)
        return view

    def builder(self, routine: Routine | None, parent: QWidget | None) -> RoutineBuilder:
        """The routine builder, with "New exercise…" making one of yours and adding it."""
        from gluteapp.gui.player.builder import RoutineBuilder

        dialog = RoutineBuilder(self._library(), self._routines, routine, parent)
        self.attach_builder(dialog)
        return dialog

    def attach_library_view(self, view: LibraryView) -> None:
        view.new_exercise_requested.connect(lambda: self.open_editor(None, view))
        view.edit_requested.connect(lambda exercise_id: self.open_editor(exercise_id, view))
        view.delete_requested.connect(lambda exercise_id: self.delete(exercise_id, view))
        self.changed.connect(view.refresh_library)

    def attach_builder(self, builder: RoutineBuilder) -> None:
        def made(exercise_id: str) -> None:
            library = self.library
            if library is not None and library.get(exercise_id) is not None:
                builder.add_new_exercise(library[exercise_id])

        def new() -> None:
            editor = self.open_editor(None, builder)
            if editor is not None:
                editor.saved.connect(made)

        builder.new_exercise_requested.connect(new)

    def open_editor(self, exercise_id: str | None,
                    parent: QWidget | None = None) -> ExerciseEditor | None:
        from gluteapp.gui.library.exercise_editor import ExerciseEditor

        library = self.library
        if library is None or library.folder is None:
            return None
        own = library.own(exercise_id) if exercise_id is not None else None
        if exercise_id is not None and own is None:
            return None  # a built-in exercise: not yours to change
        editor = ExerciseEditor(library, self._routines, own, parent or self._parent)
        editor.saved.connect(self.reload)
        self.editor = editor
        editor.open()
        return editor

    def reload(self, exercise_id: str = "") -> None:
        """Read your exercises again (after an edit, a delete, or an import of a programme) and
        tell the views; `exercise_id` is the one to show, if any."""
        library = self.library
        if library is not None:
            for problem in library.reload():
                self.problem.emit(problem)
        self.changed.emit(exercise_id)

    def delete(self, exercise_id: str, parent: QWidget | None = None) -> bool:
        """Ask, then delete: refused while a routine uses it; kept for its name (retired) when
        the history has sets of it. True when it is gone from the library."""
        from gluteapp.core.own_exercises import PICTURES, retire_own_exercise
        from gluteapp.core.own_library import routines_using

        library = self.library
        own = library.own(exercise_id) if library is not None else None
        if library is None or own is None or library.folder is None:
            return False
        parent = parent or self._parent
        name = own.exercise.name
        using = routines_using(exercise_id, self._routines, library)
        if using:
            QMessageBox.information(parent, self.tr("Delete exercise"), self.tr(
                "“{0}” is a step of your routine {1}. Take it out of the routine first, then "
                "delete it.").format(name, ", ".join(self.tr("“{0}”").format(r) for r in using)))
            return False
        history = self._history()
        recorded = history is not None and bool(history.sets_for_exercise(exercise_id))
        text = (self.tr("Delete “{0}”? Your past sessions keep it, under its name, in the "
                        "history and its charts.") if recorded
                else self.tr("Delete “{0}”? It has no sets in the history.")).format(name)
        answer = QMessageBox.question(parent, self.tr("Delete exercise"), text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        folder = library.folder
        try:
            if recorded:
                retire_own_exercise(exercise_id, folder)
            else:
                (folder / f"{exercise_id}.toml").unlink()
                if own.photo is not None:
                    with contextlib.suppress(OSError):
                        (folder / PICTURES / own.photo).unlink()
        except OSError as error:
            QMessageBox.warning(parent, self.tr("Delete exercise"), self.tr(
                "“{0}” could not be deleted: {1}").format(name, error.strerror or error))
            return False
        self.reload(exercise_id)
        return True


def install_own_actions(library: Callable[[], Library], routines_folder: Path,
                        history: Callable[[], HistoryService | None],
                        note: Callable[[str], None],
                        routines_changed: Callable[[], None]) -> OwnExerciseActions:
    """The actions, with the files they could not use noted and the routine list refreshed
    after each change (a routine may have become usable)."""
    actions = OwnExerciseActions(library, routines_folder, history)
    actions.problem.connect(note)
    actions.changed.connect(lambda _id: routines_changed())
    return actions
