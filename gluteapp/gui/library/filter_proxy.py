"""Search-as-you-type and the muscle, equipment, position and mode filters over ExerciseModel."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
)

from gluteapp.core.equipment import expand_at_hand
from gluteapp.core.exercises import Equipment, Exercise, Mode, Muscle, Position
from gluteapp.gui.library.model import ExerciseModel
from gluteapp.gui.words import search_text


class EquipmentChoice(Enum):
    """Equipment choices that are not one item."""

    NONE_NEEDED = "no_equipment"  # nothing but, at most, a mat


class PositionChoice(Enum):
    """Position choices that are not one position."""

    OFF_THE_FLOOR = "no_floor"  # standing or seated: nothing that needs getting down


EquipmentFilter = Equipment | EquipmentChoice | None
PositionFilter = Position | PositionChoice | None


class ExerciseFilterProxy(QSortFilterProxyModel):
    """Keeps the rows that match every word of the search and every chosen filter.

    The equipment-at-hand filter (`set_usable_with`) is a standing preference rather than one
    of the filters: `is_filtered` and `clear_filters` leave it alone.
    """

    filters_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._muscle: Muscle | None = None
        self._equipment: EquipmentFilter = None
        self._position: PositionFilter = None
        self._mode: Mode | None = None
        self._have: frozenset[Equipment] | None = None
        self._own_ids: frozenset[str] = frozenset()
        self._yours_only = False

    # The criteria -----------------------------------------------------------------------------

    @property
    def search_words(self) -> tuple[str, ...]:
        return self._words

    @property
    def muscle(self) -> Muscle | None:
        return self._muscle

    @property
    def equipment(self) -> EquipmentFilter:
        return self._equipment

    @property
    def position(self) -> PositionFilter:
        return self._position

    @property
    def mode(self) -> Mode | None:
        return self._mode

    @property
    def usable_with(self) -> frozenset[Equipment] | None:
        """The equipment at hand exercises are limited to, or None when that filter is off."""
        return self._have

    @property
    def yours_only(self) -> bool:
        return self._yours_only

    def is_filtered(self) -> bool:
        return bool(self._words) or self._yours_only or any(
            value is not None
            for value in (self._muscle, self._equipment, self._position, self._mode)
        )

    def set_search_text(self, text: str) -> None:
        """Every whitespace-separated word must appear in the exercise's search text."""
        words = tuple(text.casefold().split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self._end_change()

    def set_muscle(self, muscle: Muscle | None) -> None:
        """Exercises working this muscle, as a primary or a secondary target; None for any."""
        if muscle != self._muscle:
            self.beginFilterChange()
            self._muscle = muscle
            self._end_change()

    def set_equipment(self, equipment: EquipmentFilter) -> None:
        """An item of equipment, EquipmentChoice.NONE_NEEDED, or None for any."""
        if equipment != self._equipment:
            self.beginFilterChange()
            self._equipment = equipment
            self._end_change()

    def set_position(self, position: PositionFilter) -> None:
        """A position, PositionChoice.OFF_THE_FLOOR, or None for any."""
        if position != self._position:
            self.beginFilterChange()
            self._position = position
            self._end_change()

    def set_mode(self, mode: Mode | None) -> None:
        if mode != self._mode:
            self.beginFilterChange()
            self._mode = mode
            self._end_change()

    def set_usable_with(self, at_hand: frozenset[Equipment] | None) -> None:
        """Only exercises needing nothing beyond `at_hand` (and a mat); None shows them all."""
        have = None if at_hand is None else expand_at_hand(at_hand)
        if have != self._have:
            self.beginFilterChange()
            self._have = have
            self._end_change()

    def set_own_ids(self, own_ids: frozenset[str]) -> None:
        """Which exercises are your own (for `set_yours_only`)."""
        if own_ids != self._own_ids:
            self.beginFilterChange()
            self._own_ids = own_ids
            self._end_change()

    def set_yours_only(self, yours_only: bool) -> None:
        """Only your own exercises, or every one."""
        if yours_only != self._yours_only:
            self.beginFilterChange()
            self._yours_only = yours_only
            self._end_change()

    def clear_filters(self) -> None:
        """Back to every exercise: no search words and every filter on 'any'."""
        if self.is_filtered():
            self.beginFilterChange()
            self._words = ()
            self._yours_only = False
            self._muscle = self._equipment = self._position = self._mode = None
            self._end_change()

    def _end_change(self) -> None:
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.filters_changed.emit()

    # Matching ---------------------------------------------------------------------------------

    def accepts(self, exercise: Exercise) -> bool:
        """Whether one exercise passes the current criteria.

        The search matches the words the person reads (`gluteapp.gui.words.search_text`), in
        the UI language; built afresh for each row, which costs microseconds for a library.
        """
        if self._yours_only and exercise.id not in self._own_ids:
            return False
        if self._words:
            haystack = search_text(exercise)
            if any(word not in haystack for word in self._words):
                return False
        if self._have is not None and not self._have.issuperset(exercise.equipment):
            return False
        if self._muscle is not None and self._muscle not in exercise.muscles:
            return False
        if self._equipment is EquipmentChoice.NONE_NEEDED:
            if not exercise.needs_no_equipment:
                return False
        elif self._equipment is not None and self._equipment not in exercise.equipment:
            return False
        if self._position is PositionChoice.OFF_THE_FLOOR:
            if exercise.position.on_floor:
                return False
        elif self._position is not None and exercise.position is not self._position:
            return False
        return self._mode is None or exercise.mode is self._mode

    def filterAcceptsRow(  # noqa: N802 - Qt override
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if model is None:
            return False
        index = model.index(source_row, 0, source_parent)
        exercise = index.data(ExerciseModel.ExerciseRole)
        if not isinstance(exercise, Exercise):
            return False
        return self.accepts(exercise)
