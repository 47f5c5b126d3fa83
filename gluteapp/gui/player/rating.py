"""The after-set rating: pain 0-10, where it was felt and what was achieved. Saved at each touch.

It never races the clock: it stays until the person rates or the next set's rating replaces it,
so set 1 can be rated during set 2, and the last set on the summary. Every button is a target
of at least 44 px, and "Saved" shows as soon as the history has it. Where room is short (the
steps of the coming exercise on a small screen) it folds to one line, its question, whether it
was saved and a button that opens it, so the steps can be read.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.records import FeltIn, SetRating
from gluteapp.gui.theme import is_dark
from gluteapp.gui.words import felt_in_label, pain_scale_hint

#: The smallest side of anything to press (WCAG 2.5.5, Apple and Material guidelines).
TARGET_PX = 44
# The rating's status in green: 4.7:1 on the light window; the dark one needs a lighter
# green (8.6:1, where the light theme's would be 2.9:1).
SAVED_GREEN = "#1f7a5c"
SAVED_GREEN_ON_DARK = "#6fd6ae"


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new row when the width runs out (Qt's flow example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._column_gap = spacing * 3  # between groups in a row: wider than between rows

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def whole_height(self, width: int) -> int:
        """The height at `width` with every item shown, hidden ones too."""
        return self._arrange(QRect(0, 0, width, 0), move=False, everything=True)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool, everything: bool = False) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if everything and widget is not None:
                hint = widget.sizeHint()  # a hidden widget's item has no size
            elif item.isEmpty():
                continue
            else:
                hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and row_height > 0:
                x, y = area.x(), y + row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._column_gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


def _group(label: QLabel | None, widgets: Sequence[QWidget], spacing: int = 4) -> QWidget:
    """A row of widgets that wraps as one piece."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(spacing)
    if label is not None:
        row.addWidget(label)
    for widget in widgets:
        row.addWidget(widget)
    holder.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return holder


class Choices(QObject):
    """Buttons of which one may be chosen, each a Tab stop of its own.

    A QButtonGroup, exclusive or not, makes Qt's Tab skip all its buttons but the chosen (or
    first) one, leaving the arrow keys to move inside it, and the arrows belong to the player.
    """

    id_clicked = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buttons: dict[int, QAbstractButton] = {}

    def add_button(self, button: QAbstractButton, button_id: int) -> None:
        self._buttons[button_id] = button
        button.clicked.connect(lambda: self._clicked(button_id))

    def button(self, button_id: int) -> QAbstractButton | None:
        return self._buttons.get(button_id)

    def buttons(self) -> list[QAbstractButton]:
        return list(self._buttons.values())

    def checked_id(self) -> int:
        """The id of the button chosen, -1 for none."""
        return next((i for i, b in self._buttons.items() if b.isChecked()), -1)

    def choose(self, button_id: int) -> None:
        for key, button in self._buttons.items():
            button.setChecked(key == button_id)

    def _clicked(self, button_id: int) -> None:
        self.choose(button_id)  # pressed again, it stays the answer
        self.id_clicked.emit(button_id)


def _target(text: str, name: str, checkable: bool = True) -> QPushButton:
    button = QPushButton(text)
    button.setCheckable(checkable)
    button.setAccessibleName(name)
    button.setMinimumSize(TARGET_PX, TARGET_PX)
    # Tab reaches it; a click does not take the keyboard away from the player's keys.
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


class RatingPanel(QFrame):
    """Prefilled with the target; every touch is saved at once and says so."""

    rated = Signal(object, object)  # (set key: the engine's SetCompleted, SetRating)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rating_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._key: object = None
        self._unit = "reps"
        self._target = 0
        self._rated = False

        self.title = QLabel(self.tr("How was that set? (optional)"))
        self.title.setObjectName("rating_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.saved = QLabel()
        self.saved.setObjectName("rating_saved")
        saved_font = self.saved.font()
        saved_font.setBold(True)
        self.saved.setFont(saved_font)
        self._paint_saved()
        self.saved.setAccessibleName(self.tr("Rating status"))

        self.pain_group = Choices(self)
        pain_buttons = []
        for value in range(11):
            button = _target(str(value), self.tr("Pain {0} of 10").format(value))
            button.setFixedWidth(TARGET_PX)
            self.pain_group.add_button(button, value)
            pain_buttons.append(button)
        self.felt_group = Choices(self)
        self._felt_by_id: dict[int, FeltIn] = {}
        felt_buttons = []
        for index, felt in enumerate(FeltIn):
            label = felt_in_label(felt)
            button = _target(label, self.tr("Felt it in: {0}").format(label))
            self.felt_group.add_button(button, index)
            self._felt_by_id[index] = felt
            felt_buttons.append(button)

        # What the numbers mean under the one safety rule, right where they are chosen.
        self.pain_hint = QLabel(pain_scale_hint())
        self.pain_hint.setObjectName("pain_hint")
        self.pain_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.achieved_label = QLabel(self.tr("Achieved"))
        self.fewer_button = _target("−", self.tr("One less"), checkable=False)
        self.more_button = _target("+", self.tr("One more"), checkable=False)
        for button in (self.fewer_button, self.more_button):
            button.setFixedWidth(TARGET_PX)
        self.achieved_value = QLabel()
        self.achieved_value.setObjectName("rating_achieved")
        self.achieved_value.setMinimumWidth(64)
        self.achieved_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._achieved = 0
        self.fewer_button.clicked.connect(lambda: self._step_achieved(-1))
        self.more_button.clicked.connect(lambda: self._step_achieved(1))
        # Folded (see set_compact), this opens the rating; open, it folds it away again.
        self.open_button = _target(self.tr("Rate it"), self.tr("Open the rating of this set"),
                                   checkable=False)
        self.open_button.setObjectName("rating_open")
        self.open_button.clicked.connect(self._toggle_open)
        self._compact = False
        self._opened = False  # the person opened the folded panel

        # One flow of groups: on a wide window two rows, on a narrow one as many as it takes.
        flow = FlowLayout(self, spacing=6)
        flow.setContentsMargins(8, 4, 8, 4)
        # The short pieces first, so a narrow window needs only three rows.
        flow.addWidget(_group(None, [self.title, self.saved, self.open_button], spacing=12))
        self._details = [
            _group(self.achieved_label,
                   [self.fewer_button, self.achieved_value, self.more_button]),
            self._under(_group(QLabel(self.tr("Pain")), pain_buttons, spacing=3),
                        self.pain_hint),
            _group(QLabel(self.tr("Felt it in")), felt_buttons),
        ]
        for detail in self._details:
            flow.addWidget(detail)

        self.pain_group.id_clicked.connect(lambda _id: self._save())
        self.felt_group.id_clicked.connect(lambda _id: self._save())
        self.setEnabled(False)
        self._show_state()
        self._fold()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_saved()

    def _paint_saved(self) -> None:
        """The status in green that can be read on the theme's background (the light theme's
        dark green is hard to make out on the dark one)."""
        green = SAVED_GREEN_ON_DARK if is_dark(self.palette()) else SAVED_GREEN
        style = f"QLabel#rating_saved {{ color: {green}; }}"
        if self.saved.styleSheet() != style:
            self.saved.setStyleSheet(style)

    @staticmethod
    def _under(row: QWidget, note: QLabel) -> QWidget:
        """`row` with `note` wrapped beneath it, as wide as the row: one piece of the flow."""
        width = row.sizeHint().width()
        note.setWordWrap(True)
        note.setFixedWidth(width)
        note.setFixedHeight(note.heightForWidth(width))
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(row)
        column.addWidget(note)
        holder.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return holder

    # --- folding ---------------------------------------------------------------------------
    def set_compact(self, compact: bool) -> None:
        """Fold to one line (question, saved, "Rate it") or show everything."""
        if compact != self._compact:
            self._compact = compact
            self._fold()

    def is_compact(self) -> bool:
        return self._compact

    def unfolded_height(self) -> int:
        """Its height at its present width with everything shown."""
        layout = self.layout()
        if not isinstance(layout, FlowLayout):  # pragma: no cover - it is made with one
            return self.height()
        return layout.whole_height(self.width())

    def is_folded(self) -> bool:
        """Only its one line shows: compact, and not opened by the person."""
        return self._compact and not self._opened

    def _toggle_open(self) -> None:
        self._opened = not self._opened
        self._fold()

    def _fold(self) -> None:
        folded = self.is_folded()
        for detail in self._details:
            detail.setVisible(not folded)
        self.open_button.setVisible(self._compact)
        self.open_button.setText(self.tr("Rate it") if folded else self.tr("Fold away"))
        self.open_button.setAccessibleName(
            self.tr("Open the rating of this set") if folded
            else self.tr("Fold the rating away"))
        self.open_button.setToolTip(self.open_button.accessibleName())

    # --- offering a set --------------------------------------------------------------------
    def offer(self, key: object, unit: str, target: int, label: str) -> None:
        """Rate this just-completed set (prefilled with its result); replaces the one before."""
        if self._opened:
            self._opened = False  # a new set's rating comes folded where room is short
            self._fold()
        self._key, self._unit, self._target, self._rated = key, unit, target, False
        self.title.setText(self.tr("{0}: how was it?").format(label))
        self.achieved_label.setText(
            self.tr("Seconds held") if unit == "s" else self.tr("Reps done"))
        self._set_achieved(target)
        for group in (self.pain_group, self.felt_group):
            group.choose(-1)
        self.setEnabled(True)
        self._show_state()

    def pending_key(self) -> object:
        """The set on offer, rated or not; None when there is none."""
        return self._key

    def is_rated(self) -> bool:
        """Something was saved for the set on offer."""
        return self._rated

    def take_over(self, other: RatingPanel) -> None:
        """Offer what `other` offers, as it stands (the summary takes the player's)."""
        if other.pending_key() is None:
            self.clear()
            return
        self._key, self._unit, self._target = other._key, other._unit, other._target
        self._rated = other._rated
        self.title.setText(other.title.text())
        self.achieved_label.setText(other.achieved_label.text())
        self._set_achieved(other._achieved)
        for mine, theirs in ((self.pain_group, other.pain_group),
                             (self.felt_group, other.felt_group)):
            mine.choose(theirs.checked_id())
        self.setEnabled(True)
        self._show_state()

    def clear(self) -> None:
        self._key, self._rated = None, False
        self.setEnabled(False)
        self._show_state()

    # --- the person's answers --------------------------------------------------------------
    def current_rating(self) -> SetRating:
        pain = self.pain_group.checked_id()
        felt_id = self.felt_group.checked_id()
        return SetRating(
            achieved_reps=self._achieved if self._unit != "s" else None,
            achieved_hold_s=float(self._achieved) if self._unit == "s" else None,
            pain=pain if pain >= 0 else None,
            felt_in=self._felt_by_id.get(felt_id),
        )

    def _step_achieved(self, change: int) -> None:
        self._set_achieved(max(0, min(1800, self._achieved + change)))
        self._save()

    def _set_achieved(self, value: int) -> None:
        self._achieved = value
        unit = self.tr("s") if self._unit == "s" else ""
        self.achieved_value.setText(f"{value} {unit}".strip())
        self.achieved_value.setAccessibleName(f"{self.achieved_label.text()}: {value}")

    def _save(self) -> None:
        if self._key is None:
            return
        self._rated = True
        self._show_state()
        self.rated.emit(self._key, self.current_rating())

    def show_saved(self, saved: bool) -> None:
        """The history has the rating, or has not (yet): say which."""
        if self._key is not None and self._rated:
            self.saved.setText(self.tr("✓ Saved") if saved else self.tr(
                "Not saved yet: see the message at the top"))

    def _show_state(self) -> None:
        if self._key is None:
            self.saved.setText("")
        elif self._rated:
            self.saved.setText(self.tr("Saving…"))
        else:
            self.saved.setText(self.tr("Not rated yet"))
