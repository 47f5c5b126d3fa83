"""The Sessions area: choose a routine, resume an interrupted one, and host the player."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.exercises import Equipment, Library
from gluteapp.core.next_routine import routine_missing_equipment
from gluteapp.core.routines import Routine, RoutineStep
from gluteapp.core.timeline import routine_duration_s
from gluteapp.gui.player.resume_banner import ResumeBanner as ResumeBanner  # its old home
from gluteapp.gui.words import equipment_label

if TYPE_CHECKING:
    from gluteapp.gui.sheet_dialog import SheetSaver


def step_text(step: RoutineStep) -> str:
    """'3 x 20 s hold', '2 x 10 reps, tempo 2-0-2', in the UI language.

    Worded as the player words a dose (context PlayerView), so one translation serves both.
    Literal translate() calls: pyside6-lupdate finds no text passed through a helper.
    """
    translate = QCoreApplication.translate
    if step.hold_s:
        amount = translate("PlayerView", "{0} s hold").format(step.hold_s)
    elif step.steps_count:
        amount = translate("PlayerView", "{0} steps").format(step.steps_count)
    else:
        amount = translate("PlayerView", "{0} reps").format(step.reps)
    text = translate("PlayerView", "{0} x {1}").format(step.sets, amount)
    if step.tempo:
        text += ", " + translate("PlayerView", "tempo {0}").format(step.tempo)
    return text


def minutes_text(seconds: float) -> str:
    minutes = seconds / 60
    if minutes >= 2:
        return QCoreApplication.translate("RoutinePicker", "about {0} min").format(round(minutes))
    return QCoreApplication.translate("RoutinePicker", "about {0} s").format(round(seconds))


def equipment_names(items: frozenset[Equipment]) -> str:
    """'Mini band, Chair': translated, in the declared order of the equipment."""
    return ", ".join(equipment_label(item) for item in Equipment if item in items)


#: The routine list's widest share of the picker: more would squeeze the routine's own page.
LIST_SHARE = 0.28
#: The padding of a routine's item, a side (its style sheet's).
ITEM_PADDING = (8, 6)


class _WrappedLines(QStyledItemDelegate):
    """A routine's lines wrapped at the list's width, and as tall as that makes them.

    Qt's own word wrap in a list measures an item before it knows the width it gets, so a
    wrapped line ran past the item's bottom and was cut off ("17 Min." vanished); this measures
    the text at the width the list can give it.
    """

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def _width(self) -> int:
        """The item's width: the viewport's, less the list's spacing either side."""
        return max(40, self._view.viewport().width() - 2 * self._view.spacing())

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        pad_x, pad_y = ITEM_PADDING
        # Measured a little narrower than the style draws it (its text margin is 3 px a side
        # in the styles Qt ships): a line can only take fewer lines when drawn, never more.
        room = QRect(0, 0, self._width() - 2 * pad_x - 2 * 4, 100_000)
        lines = self._view.fontMetrics().boundingRect(
            room, int(Qt.TextFlag.TextWordWrap), text)
        return QSize(self._width(), lines.height() + 2 * pad_y + 4)


class RoutinePicker(QWidget):
    start_requested = Signal(Routine)
    exercise_requested = Signal(str)  # an exercise id: show its page in the library
    new_routine_requested = Signal()
    edit_requested = Signal(Routine)
    export_requested = Signal(Routine)  # one of yours, as a programme file
    import_requested = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.routines: list[Routine] = []
        self.user_ids: set[str] = set()
        self.at_hand: frozenset[Equipment] | None = None
        self.suggested_id: str | None = None
        self.list = QListWidget()
        self.list.setObjectName("routine_list")
        self.list.setAccessibleName(self.tr("Routines"))
        self.list.setSpacing(3)
        self.list.setStyleSheet("QListWidget#routine_list::item { padding: 6px 8px; }")
        # The column is as wide as its longest line where the window has room (German names
        # ran off under a sideways scroll bar at 1280x800); see _fit_list_width. Where it has
        # not (800x600), a line too long is wrapped at the column's width instead of
        # scrolling sideways (_WrappedLines); the item's tooltip says it whole too.
        self._list_needed = 0
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # measured again at each width
        self.list.setItemDelegate(_WrappedLines(self.list))
        self.list.currentRowChanged.connect(self._show_current)
        self.list.itemActivated.connect(lambda _item: self._start_current())
        self.new_button = QPushButton(self.tr("New routine…"))
        self.new_button.setAccessibleName(self.tr("Build a new routine"))
        self.new_button.clicked.connect(self.new_routine_requested)
        self.import_button = QPushButton(self.tr("Import programme…"))
        self.import_button.setAccessibleDescription(
            self.tr("Add a routine and its exercises from a programme file"))
        self.import_button.clicked.connect(self.import_requested)
        self.export_button = QPushButton(self.tr("Export programme…"))
        self.export_button.setAccessibleDescription(self.tr(
            "Save the selected routine of yours, with your own exercises, as one file to share"))
        self.export_button.clicked.connect(self._export_current)
        self.problems = QLabel()
        self.problems.setObjectName("routine_problems")
        self.problems.setWordWrap(True)
        self.problems.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Routines"))
        heading_font = heading.font()
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        heading.setFont(heading_font)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.problems)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.import_button)
        left_layout.addWidget(self.export_button)  # the selected routine, if it is yours

        self.name = QLabel()
        self.name.setObjectName("routine_name")
        name_font = self.name.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.9)
        name_font.setBold(True)
        self.name.setFont(name_font)
        self.name.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("routine_meta")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.needs = QLabel()
        self.needs.setObjectName("routine_needs")
        self.needs.setWordWrap(True)
        self.needs.hide()
        self.steps = QLabel()
        self.steps.setObjectName("routine_steps")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Each exercise's name opens its page in the library (by mouse, or Tab and Enter).
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.steps.setAccessibleDescription(self.tr("The routine's exercises"))
        self.steps.linkActivated.connect(self._open_link)
        self.start_button = QPushButton(self.tr("Start session"))
        self.start_button.setObjectName("start_session_button")
        self.start_button.setAccessibleDescription(self.tr("Start the selected routine"))
        self.start_button.setMinimumHeight(52)
        start_font = self.start_button.font()
        start_font.setPointSizeF(start_font.pointSizeF() * 1.3)
        start_font.setBold(True)
        self.start_button.setFont(start_font)
        self.start_button.clicked.connect(self._start_current)
        self.edit_button = QPushButton(self.tr("Edit a copy…"))
        self.edit_button.setAccessibleName(self.tr("Edit a copy of the selected routine"))
        self.edit_button.clicked.connect(self._edit_current)
        self.sheet_button = QPushButton(self.tr("Print sheet…"))
        self.sheet_button.setAccessibleDescription(
            self.tr("Save a printable sheet of the selected routine"))
        self.sheet_button.clicked.connect(self._print_current)
        self.sheet_saver: SheetSaver | None = None  # made when first asked for
        self.suggestion = QLabel()
        self.suggestion.setObjectName("routine_suggestion")
        self.suggestion.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(24, 0, 0, 0)
        right_layout.addWidget(self.name)
        right_layout.addWidget(self.meta)
        right_layout.addWidget(self.description)
        right_layout.addWidget(self.needs)
        right_layout.addSpacing(8)
        right_layout.addWidget(self.steps, 1)
        right_layout.addWidget(self.suggestion)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.sheet_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        right_layout.addLayout(buttons)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(splitter)

    def set_routines(self, builtin: list[Routine], user: list[Routine],
                     problems: list[str], suggested_id: str | None = None,
                     at_hand: frozenset[Equipment] | None = None) -> None:
        """Fill the list; with `at_hand`, routines needing anything else say what they need."""
        current = self.current_routine()
        self.routines = [*builtin, *user]
        self.user_ids = {r.id for r in user}
        self.at_hand = at_hand
        self.list.blockSignals(True)
        self.list.clear()
        for routine in self.routines:
            minutes = routine_duration_s(routine, self.library) / 60
            suffix = self.tr(" (yours)") if routine.id in self.user_ids else ""
            text = f"{routine.name}{suffix}\n" + self.tr("{0} min").format(round(minutes))
            missing = self.missing_for(routine)
            if missing:
                text += " · " + self.tr("Needs: {0}").format(equipment_names(missing))
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._fit_list_width()
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.suggested_id = suggested_id
        self.suggestion.setText(self.tr("Suggested next: {0}").format(
            next((r.name for r in self.routines if r.id == suggested_id), suggested_id))
            if suggested_id else "")
        self.suggestion.setVisible(bool(suggested_id))
        ids = [r.id for r in self.routines]
        keep = current.id if current is not None and current.id in ids else None
        self.select(keep or suggested_id or (ids[0] if ids else ""))

    def _fit_list_width(self) -> None:
        """Room for the longest line of the list, within LIST_SHARE of the picker: the
        routine's page keeps the rest, buttons and all, down to 800x600, where a long German
        line is wrapped (_WrappedLines)."""
        metrics = self.list.fontMetrics()
        widest = max((metrics.horizontalAdvance(line) for row in range(self.list.count())
                      for line in self.list.item(row).text().splitlines()), default=0)
        scroll_bar = self.list.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        # The item's padding (8 px a side), the list's spacing and frame, and a scroll bar.
        self._list_needed = (widest + 2 * 8 + 2 * self.list.spacing()
                             + 2 * self.list.frameWidth() + scroll_bar + 4)
        self._apply_list_width()

    def _apply_list_width(self) -> None:
        self.list.setMinimumWidth(min(self._list_needed, round(self.width() * LIST_SHARE)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._apply_list_width()

    def select(self, routine_id: str) -> None:
        for row, routine in enumerate(self.routines):
            if routine.id == routine_id:
                self.list.setCurrentRow(row)
                self._show_current(row)
                return

    def missing_for(self, routine: Routine) -> frozenset[Equipment]:
        """What the routine needs beyond the equipment at hand (nothing when that is unknown)."""
        if self.at_hand is None:
            return frozenset()
        return routine_missing_equipment(routine, self.library, self.at_hand)

    def current_routine(self) -> Routine | None:
        row = self.list.currentRow()
        return self.routines[row] if 0 <= row < len(self.routines) else None

    def _show_current(self, row: int) -> None:
        if not 0 <= row < len(self.routines):
            return
        routine = self.routines[row]
        self.name.setText(routine.name)
        duration = routine_duration_s(routine, self.library)
        sets = sum(step.set_count for step in routine.steps)
        self.meta.setText(" · ".join([self.tr("%n exercises", "", len(routine.steps)),
                                      self.tr("%n sets", "", sets), minutes_text(duration)]))
        self.description.setText(routine.description)
        yours = routine.id in self.user_ids  # a built-in routine is in every Gluteapp already
        self.export_button.setEnabled(yours)
        self.export_button.setToolTip("" if yours else self.tr(
            "Built-in routines are in every Gluteapp; export a copy you made with Edit a copy…"))
        missing = self.missing_for(routine)
        self.needs.setText(self.tr(
            "Needs what you do not have at hand: {0}. You can change your equipment in Settings."
        ).format(equipment_names(missing)) if missing else "")
        self.needs.setVisible(bool(missing))
        lines = []
        for number, step in enumerate(routine.steps, 1):
            exercise = self.library.get(step.exercise)
            name = self.library.name_of(step.exercise)
            per_side = step.per_side if step.per_side is not None else (
                exercise.per_side if exercise else False)
            side = self.tr(" per side") if per_side and not step.steps_count else ""
            link = f"<a href='exercise:{html.escape(step.exercise)}'>{html.escape(name)}</a>"
            lines.append(f"<p style='margin:4px 0'>{number}. <b>{link}</b> &nbsp;"
                         f"{step_text(step)}{side}</p>")
        self.steps.setText("".join(lines))

    def _open_link(self, link: str) -> None:
        kind, _, exercise_id = link.partition(":")
        if kind == "exercise" and exercise_id:
            self.exercise_requested.emit(exercise_id)

    def _start_current(self) -> None:
        routine = self.current_routine()
        if routine is not None:
            self.start_requested.emit(routine)

    def _edit_current(self) -> None:
        routine = self.current_routine()
        if routine is not None:
            self.edit_requested.emit(routine)

    def _export_current(self) -> None:
        routine = self.current_routine()
        if routine is not None and routine.id in self.user_ids:
            self.export_requested.emit(routine)

    def _print_current(self) -> None:
        routine = self.current_routine()
        if routine is None:
            return
        from gluteapp.gui.sheet_dialog import SheetSaver  # the PDF writer loads when needed

        if self.sheet_saver is None:
            self.sheet_saver = SheetSaver(self)
        self.sheet_saver.ask(routine, self.library)


class SessionsView(QWidget):
    """Routine list on one page, the running player on the other."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessions_view")
        self.picker = RoutinePicker(library)
        self.pages = QStackedWidget()
        self.picker_page = QWidget()
        picker_layout = QVBoxLayout(self.picker_page)
        picker_layout.setContentsMargins(0, 0, 0, 0)
        picker_layout.addWidget(self.picker, 1)
        self.pages.addWidget(self.picker_page)
        self.player: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def show_player(self, player: QWidget) -> None:
        self.close_player()
        self.player = player
        self.pages.addWidget(player)
        self.pages.setCurrentWidget(player)
        player.setFocus()

    def close_player(self) -> None:
        if self.player is not None:
            self.pages.removeWidget(self.player)
            self.player.deleteLater()
            self.player = None
        self.pages.setCurrentWidget(self.picker_page)
