"""The quick after-set rating: what was achieved, pain 0-10 and where it was felt. Never blocks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.records import FeltIn, SetRating
from gluteapp.gui.words import felt_in_label


class RatingPanel(QFrame):
    """Prefilled with the target; the person may touch it or ignore it entirely."""

    rated = Signal(object, object)  # (set key, SetRating)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rating_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._key: object = None
        self._unit = "reps"
        self._dirty = False

        self.title = QLabel(self.tr("How was that set? (optional)"))
        self.title.setObjectName("rating_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.achieved = QSpinBox()
        self.achieved.setRange(0, 1800)
        self.achieved.setAccessibleName(self.tr("Achieved"))
        self.achieved_label = QLabel(self.tr("Achieved"))
        self.achieved_label.setBuddy(self.achieved)

        self.pain_group = QButtonGroup(self)
        self.pain_group.setExclusive(True)
        pain_row = QHBoxLayout()
        pain_row.setSpacing(2)
        for value in range(11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFixedWidth(34)
            button.setAccessibleName(self.tr("Pain {0} of 10").format(value))
            self.pain_group.addButton(button, value)
            pain_row.addWidget(button)
        pain_row.addStretch(1)

        self.felt_group = QButtonGroup(self)
        self.felt_group.setExclusive(True)
        felt_row = QHBoxLayout()
        self._felt_by_id: dict[int, FeltIn] = {}
        for index, felt in enumerate(FeltIn):
            label = felt_in_label(felt)
            button = QPushButton(label)
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Felt it in: {0}").format(label))
            self.felt_group.addButton(button, index)
            self._felt_by_id[index] = felt
            felt_row.addWidget(button)
        felt_row.addStretch(1)

        self.save_button = QPushButton(self.tr("Save rating"))
        self.save_button.setAccessibleName(self.tr("Save rating"))
        self.save_button.clicked.connect(self.commit)

        grid = QGridLayout()
        grid.addWidget(self.achieved_label, 0, 0)
        grid.addWidget(self.achieved, 0, 1, alignment=Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(QLabel(self.tr("Pain")), 1, 0)
        grid.addLayout(pain_row, 1, 1)
        grid.addWidget(QLabel(self.tr("Felt it in")), 2, 0)
        grid.addLayout(felt_row, 2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignRight)

        self.achieved.valueChanged.connect(self._touched)
        self.pain_group.idClicked.connect(self._touched)
        self.felt_group.idClicked.connect(self._touched)
        self.setEnabled(False)

    def offer(self, key: object, unit: str, target: int, label: str) -> None:
        """Show the rating for a just-completed set, prefilled with its target."""
        self.commit()  # a previous rating the person touched is not lost
        self._key, self._unit, self._dirty = key, unit, False
        self.title.setText(self.tr("How was that set? {0} (optional)").format(label))
        held = self.tr("Seconds held") if unit == "s" else self.tr("Reps done")
        self.achieved_label.setText(held)
        self.achieved.blockSignals(True)
        self.achieved.setValue(target)
        self.achieved.blockSignals(False)
        for group in (self.pain_group, self.felt_group):
            checked = group.checkedButton()
            if checked is not None:
                group.setExclusive(False)
                checked.setChecked(False)
                group.setExclusive(True)
        self.setEnabled(True)

    def _touched(self, *_: object) -> None:
        self._dirty = True

    def current_rating(self) -> SetRating:
        pain = self.pain_group.checkedId()
        felt_id = self.felt_group.checkedId()
        achieved = self.achieved.value()
        return SetRating(
            achieved_reps=achieved if self._unit != "s" else None,
            achieved_hold_s=float(achieved) if self._unit == "s" else None,
            pain=pain if pain >= 0 else None,
            felt_in=self._felt_by_id.get(felt_id),
        )

    def commit(self) -> None:
        """Emit the rating if the person changed anything; untouched ratings are not stored."""
        if self._key is not None and self._dirty:
            self.rated.emit(self._key, self.current_rating())
        self._dirty = False
        if self._key is not None:
            self.setEnabled(False)
        self._key = None

    def pending_key(self) -> object:
        return self._key
