"""The exercise library as a Qt list model, with one role per field the browser filters on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from gluteapp.core.exercises import Exercise, Library
from gluteapp.core.own_library import CombinedLibrary
from gluteapp.gui.words import dosage_words

_USER = Qt.ItemDataRole.UserRole.value


def _own_ids(library: Library) -> frozenset[str]:
    return frozenset(o.id for o in library.own_exercises) if isinstance(
        library, CombinedLibrary) else frozenset()


def dosage_text(exercise: Exercise) -> str:
    """The dosage line a person reads at a glance: '3 x 30-60 s per side · rest 60 s'."""
    return QCoreApplication.translate("ExerciseModel", "{dosage} · rest {rest} s").format(
        dosage=dosage_words(exercise.dosage, exercise.per_side), rest=exercise.dosage.rest_s
    )


class ExerciseModel(QAbstractListModel):
    """One row per exercise, in library order; DisplayRole is the name, ToolTipRole the summary.

    The muscle, equipment, position and mode roles give the enum *values* (plain strings such as
    "gluteus_medius"): Qt turns str subclasses into plain strings on the way through QVariant.
    ExerciseRole gives the Exercise itself, with its typed fields.
    """

    ExerciseRole = _USER + 1  # the Exercise itself
    IdRole = _USER + 2  # its slug
    MusclesRole = _USER + 4  # primary then secondary muscles: list of Muscle values
    PrimaryMusclesRole = _USER + 5  # list of Muscle values
    EquipmentRole = _USER + 6  # list of Equipment values; empty when none is needed
    PositionRole = _USER + 7  # a Position value
    ModeRole = _USER + 8  # a Mode value
    DosageTextRole = _USER + 9  # dosage_text()
    OwnRole = _USER + 10  # True for your own exercises

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exercises: list[Exercise] = list(library)
        self.own_ids = _own_ids(library)

    def set_library(self, library: Library) -> None:
        """Show another library (after the user adds exercises, say)."""
        self.beginResetModel()
        self._exercises = list(library)
        self.own_ids = _own_ids(library)
        self.endResetModel()

    def exercise_at(self, row: int) -> Exercise:
        return self._exercises[row]

    def row_of(self, exercise_id: str) -> int:
        """The row of an exercise id, or -1."""
        for row, exercise in enumerate(self._exercises):
            if exercise.id == exercise_id:
                return row
        return -1

    def rowCount(  # noqa: N802 - Qt override
        self,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() else len(self._exercises)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._exercises):
            return None
        exercise = self._exercises[index.row()]
        role = int(role.value if isinstance(role, Qt.ItemDataRole) else role)
        if role in (Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.AccessibleTextRole.value):
            return exercise.name
        if role in (Qt.ItemDataRole.ToolTipRole.value, Qt.ItemDataRole.StatusTipRole.value):
            return exercise.summary
        if role == Qt.ItemDataRole.AccessibleDescriptionRole.value:
            return f"{dosage_text(exercise)}. {exercise.summary}"
        if role == self.ExerciseRole:
            return exercise
        if role == self.IdRole:
            return exercise.id
        if role == self.MusclesRole:
            return [m.value for m in exercise.muscles]
        if role == self.PrimaryMusclesRole:
            return [m.value for m in exercise.primary_muscles]
        if role == self.EquipmentRole:
            return [e.value for e in exercise.equipment]
        if role == self.PositionRole:
            return exercise.position.value
        if role == self.ModeRole:
            return exercise.mode.value
        if role == self.DosageTextRole:
            return dosage_text(exercise)
        if role == self.OwnRole:
            return exercise.id in self.own_ids
        return None

    def roleNames(self) -> dict[int, QByteArray]:  # noqa: N802 - Qt override
        names = dict(super().roleNames())
        for role, name in (
            (self.ExerciseRole, b"exercise"),
            (self.IdRole, b"exerciseId"),
            (self.MusclesRole, b"muscles"),
            (self.PrimaryMusclesRole, b"primaryMuscles"),
            (self.EquipmentRole, b"equipment"),
            (self.PositionRole, b"position"),
            (self.ModeRole, b"mode"),
            (self.DosageTextRole, b"dosageText"),
            (self.OwnRole, b"own"),
        ):
            names[role] = QByteArray(name)
        return names
