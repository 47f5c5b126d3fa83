"""The routine builder: pick exercises from the library, set each dose, order them, save as TOML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from msgspec import Struct
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.exercises import Exercise, Library, Mode, Tempo
from gluteapp.core.own_exercises import OWN_PREFIX
from gluteapp.core.routines import (
    MAX_DURATION_S,
    Routine,
    RoutineError,
    RoutineStep,
    builtin_routines_dir,
    routine_id_for,
    save_routine,
)
from gluteapp.core.timeline import routine_duration_s
from gluteapp.gui.theme import is_dark
from gluteapp.gui.words import dosage_words, muscle_label, search_text

MAX_SETS = 20
MAX_COUNT = 200  # reps or steps in one set, as the routine schema allows
MAX_NAME_LENGTH = 80
DEFAULT_PREPARE_S = 10

COL_EXERCISE, COL_SETS, COL_AMOUNT, COL_TEMPO, COL_PER_SIDE, COL_REST, COL_REST_AFTER = range(7)
ROW_PROPERTY = "builder_row"


class _Row(Struct):
    """One step as the table edits it. `kind` is HOLD, REPS (with or without tempo) or STEPS."""

    exercise: Exercise
    kind: Mode
    sets: int
    amount: int
    tempo: str
    per_side: bool
    rest_s: int
    rest_after_s: int
    origin: RoutineStep | None = None  # the step this row was loaded from, when editing

    @classmethod
    def from_exercise(cls, exercise: Exercise) -> _Row:
        """Prefilled with the low end of the exercise's dosage, its tempo, sides and rest."""
        dosage = exercise.dosage
        amount_range = dosage.hold_s or dosage.reps or dosage.steps
        assert amount_range is not None, "a validated dosage has exactly one amount"
        kind = Mode.REPS if dosage.mode is Mode.TEMPO else dosage.mode
        return cls(
            exercise=exercise,
            kind=kind,
            sets=dosage.sets,
            amount=amount_range.min,
            tempo=dosage.tempo or "",
            per_side=exercise.per_side,
            rest_s=dosage.rest_s,
            rest_after_s=dosage.rest_s,
        )

    @classmethod
    def from_step(cls, step: RoutineStep, library: Library) -> _Row:
        exercise = library[step.exercise]
        kind = Mode.REPS if step.mode is Mode.TEMPO else step.mode
        rest_s = exercise.dosage.rest_s if step.rest_s is None else step.rest_s
        return cls(
            exercise=exercise,
            kind=kind,
            sets=step.sets,
            amount=step.target,
            tempo=step.tempo or "",
            per_side=exercise.per_side if step.per_side is None else step.per_side,
            rest_s=rest_s,
            rest_after_s=rest_s if step.rest_after_s is None else step.rest_after_s,
            origin=step,
        )

    def to_step(self) -> RoutineStep:
        """The step to save. A value a loaded step left to the library stays left to it."""
        origin = self.origin
        default_per_side = self.exercise.per_side
        default_rest_s = self.exercise.dosage.rest_s
        keep_per_side = origin is not None and origin.per_side is None
        keep_rest = origin is not None and origin.rest_s is None
        keep_rest_after = origin is not None and origin.rest_after_s is None
        same_exercise = origin is not None and origin.exercise == self.exercise.id
        tempo_text = self.tempo.strip()
        try:
            tempo = str(Tempo.parse(tempo_text)) if tempo_text else None
        except ValueError:
            tempo = tempo_text  # left as typed, so validation names it
        return RoutineStep(
            exercise=self.exercise.id,
            sets=self.sets,
            hold_s=self.amount if self.kind is Mode.HOLD else None,
            reps=self.amount if self.kind is Mode.REPS else None,
            steps_count=self.amount if self.kind is Mode.STEPS else None,
            tempo=tempo if self.kind is Mode.REPS else None,
            per_side=None if keep_per_side and self.per_side == default_per_side else self.per_side,
            rest_s=None if keep_rest and self.rest_s == default_rest_s else self.rest_s,
            # Left out, the rest after follows the rest between sets: keep that only if it still
            # gives what the table shows.
            rest_after_s=None
            if keep_rest_after and self.rest_after_s == self.rest_s
            else self.rest_after_s,
            # The builder has no columns for these: a loaded step keeps them while its
            # exercise (and, for the extra set, doing one side at a time) stays the same.
            variation=origin.variation if same_exercise and origin is not None else None,
            extra_side=origin.extra_side
            if same_exercise and origin is not None and self.per_side
            else None,
        )


class _TableSpinBox(QSpinBox):
    """A spin box that lets the wheel scroll the table unless the person is editing it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def _duration_words(seconds: float) -> str:
    translate = QCoreApplication.translate
    if seconds < 60:
        return translate("RoutineBuilder", "About {0} s").format(round(seconds))
    return translate("RoutineBuilder", "About {0} min").format(round(seconds / 60))


class RoutineBuilder(QDialog):
    """Builds a new routine, or edits a copy of one, and saves it into the user's routine folder.

    A copy of a built-in (or a new routine) gets a file name from its name that neither replaces
    a file already in the folder nor shadows a built-in; a routine loaded from the folder itself
    is saved back over its own file. The file name is shown before saving.
    """

    routine_saved = Signal(Path)
    new_exercise_requested = Signal()  # "New exercise…": make one of your own

    def __init__(
        self,
        library: Library,
        routines_folder: Path,
        routine: Routine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routine_builder")
        self._library = library
        self._folder = routines_folder
        self._original = routine
        self._rows: list[_Row] = []
        self.routine: Routine | None = routine
        self.saved_path: Path | None = None

        if routine is None:
            self.setWindowTitle(self.tr("New routine"))
        else:
            self.setWindowTitle(self.tr("Edit routine: {0}").format(routine.name))

        # --- the routine itself
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.name_edit.setPlaceholderText(self.tr("For example: Morning glutes"))
        self.name_edit.setAccessibleName(self.tr("Routine name"))
        self.file_label = QLabel()
        self.file_label.setObjectName("builder_file")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setEnabled(False)  # the muted colour: a hint, not a control
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(
            self.tr("What it is for, in a sentence (optional)")
        )
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.prepare_spin = QSpinBox()
        self.prepare_spin.setRange(1, MAX_DURATION_S)
        self.prepare_spin.setSuffix(self.tr(" s"))
        self.prepare_spin.setAccessibleName(self.tr("Get-ready time in seconds"))
        self.prepare_spin.setToolTip(self.tr("The countdown before the first exercise"))

        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.file_label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._buddy(self.tr("&Name"), self.name_edit), name_row)
        form.addRow(
            self._buddy(self.tr("&Description"), self.description_edit), self.description_edit
        )
        prepare_row = QHBoxLayout()
        prepare_row.addWidget(self.prepare_spin)
        prepare_row.addStretch(1)
        form.addRow(self._buddy(self.tr("&Get ready"), self.prepare_spin), prepare_row)

        # --- the library
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by name or muscle"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search exercises"))
        for clear in self.search_edit.findChildren(QToolButton):  # the clear button
            clear.setAccessibleName(self.tr("Clear the search"))
        self.library_list = QListWidget()
        self.library_list.setAccessibleName(self.tr("Exercise library"))
        self.library_list.setUniformItemSizes(True)
        self.library_list.setSpacing(1)
        for exercise in library:
            self._list_exercise(exercise)
        self.exercise_hint = QLabel()
        self.exercise_hint.setObjectName("builder_exercise_hint")
        self.exercise_hint.setWordWrap(True)
        self.exercise_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = QPushButton(self.tr("&Add to routine"))
        self.add_button.setAccessibleName(self.tr("Add the selected exercise to the routine"))
        self.new_exercise_button = QPushButton(self.tr("New exerc&ise…"))
        self.new_exercise_button.setAccessibleName(
            self.tr("Make a new exercise of your own and add it"))
        self.new_exercise_button.setAutoDefault(False)
        self.new_exercise_button.clicked.connect(self.new_exercise_requested)

        library_box = QWidget()
        library_layout = QVBoxLayout(library_box)
        library_layout.setContentsMargins(0, 0, 0, 0)
        library_title = QLabel(self.tr("E&xercises"))
        library_title.setBuddy(self.search_edit)
        library_layout.addWidget(library_title)
        library_layout.addWidget(self.search_edit)
        library_layout.addWidget(self.library_list, 1)
        library_layout.addWidget(self.exercise_hint)
        library_layout.addWidget(self.add_button)
        library_layout.addWidget(self.new_exercise_button)

        # --- the steps
        self.steps_table = QTableWidget(0, 7)
        self.steps_table.setAccessibleName(self.tr("Steps of the routine"))
        self.steps_table.setHorizontalHeaderLabels(
            [
                self.tr("Exercise"),
                self.tr("Sets"),
                self.tr("Amount"),
                self.tr("Tempo"),
                self.tr("Per side"),
                self.tr("Rest"),
                self.tr("Rest after"),
            ]
        )
        header_tips = {
            COL_AMOUNT: self.tr("Seconds to hold, or reps or steps per set"),
            COL_TEMPO: self.tr(
                "Seconds down-pause-up for each rep, such as 2-0-2; empty: at your own pace"
            ),
            COL_PER_SIDE: self.tr("Do each set with the left, then the right side"),
            COL_REST: self.tr("Rest between sets"),
            COL_REST_AFTER: self.tr("Rest before the next exercise"),
        }
        for column, tip in header_tips.items():
            header_item = self.steps_table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        self.steps_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps_table.setWordWrap(False)
        header = self.steps_table.horizontalHeader()
        header.setAccessibleName(self.tr("Step columns"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_EXERCISE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        rows_header = self.steps_table.verticalHeader()
        rows_header.setAccessibleName(self.tr("Step numbers"))
        rows_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows_header.setDefaultSectionSize(max(32, _TableSpinBox().sizeHint().height() + 4))
        corner = self.steps_table.findChild(QAbstractButton)
        if corner is not None:  # the table's select-all corner is a button too
            corner.setAccessibleName(self.tr("Select all steps"))
        self.empty_label = QLabel(self.tr("No exercises yet: pick one on the left and press Add."))
        self.empty_label.setObjectName("builder_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.up_button = QPushButton(self.tr("Move &up"))
        self.up_button.setAccessibleName(self.tr("Move the selected step up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.down_button.setAccessibleName(self.tr("Move the selected step down"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected step"))
        step_buttons = QHBoxLayout()
        step_buttons.addWidget(self.up_button)
        step_buttons.addWidget(self.down_button)
        step_buttons.addWidget(self.remove_button)
        step_buttons.addStretch(1)

        steps_box = QWidget()
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_title = QLabel(self.tr("&Steps, in order"))
        steps_title.setBuddy(self.steps_table)
        steps_layout.addWidget(steps_title)
        steps_layout.addWidget(self.steps_table, 1)
        steps_layout.addWidget(self.empty_label, 1)
        steps_layout.addLayout(step_buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(library_box)
        splitter.addWidget(steps_box)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])

        # --- the foot
        self.error_label = QLabel()
        self.error_label.setObjectName("builder_error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setAccessibleName(self.tr("Problem"))
        font = self.error_label.font()
        font.setBold(True)
        self.error_label.setFont(font)
        self._colour_error_label()
        self.error_label.hide()
        self.duration_label = QLabel()
        self.duration_label.setObjectName("builder_duration")
        self.duration_label.setAccessibleName(self.tr("Total duration"))
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save the routine"))
        cancel = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Close without saving"))
        foot = QHBoxLayout()
        foot.addWidget(self.duration_label, 1)
        foot.addWidget(self.button_box)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(foot)

        # --- wiring
        self.search_edit.textChanged.connect(self._filter_library)
        self.library_list.currentItemChanged.connect(self._library_current_changed)
        self.library_list.itemDoubleClicked.connect(self._add_item)
        self.library_list.itemActivated.connect(self._add_item)  # Enter adds, as double-click
        self.add_button.clicked.connect(self.add_selected)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        self.remove_button.clicked.connect(self.remove_selected)
        self.steps_table.currentCellChanged.connect(self._update_step_buttons)
        self.name_edit.textChanged.connect(self._update_summary)
        self.prepare_spin.valueChanged.connect(self._update_summary)
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)
        remove_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.steps_table)
        remove_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_shortcut.activated.connect(self.remove_selected)

        # --- contents
        if routine is not None:
            self.name_edit.setText(routine.name)
            self.description_edit.setText(routine.description)
            self.prepare_spin.setValue(routine.prepare_s)
            self._rows = [_Row.from_step(step, library) for step in routine.steps]
        else:
            self.prepare_spin.setValue(DEFAULT_PREPARE_S)
        self._rebuild_table(current=0 if self._rows else -1)
        self.library_list.setCurrentRow(0)
        self.resize(1000, 640)

    # --- public -----------------------------------------------------------------------------

    @property
    def step_count(self) -> int:
        return len(self._rows)

    def current_steps(self) -> tuple[RoutineStep, ...]:
        """The steps as the table shows them now, not validated."""
        return tuple(row.to_step() for row in self._rows)

    def add_exercise(self, exercise_id: str) -> None:
        """Append an exercise with its library dosage, and select it."""
        self._rows.append(_Row.from_exercise(self._library[exercise_id]))
        self._rebuild_table(current=len(self._rows) - 1)

    def add_new_exercise(self, exercise: Exercise) -> None:
        """List an exercise made while the builder is open, and add it to the routine."""
        self._list_exercise(exercise)
        self.library_list.setCurrentRow(self.library_list.count() - 1)
        self.add_exercise(exercise.id)

    def _list_exercise(self, exercise: Exercise) -> None:
        own = exercise.id.startswith(OWN_PREFIX)  # your own exercise: marked as in the library
        item = QListWidgetItem(self.tr("{0} (yours)").format(exercise.name) if own
                               else exercise.name)
        item.setData(Qt.ItemDataRole.UserRole, exercise.id)
        dose = dosage_words(exercise.dosage, exercise.per_side)
        item.setToolTip(f"{exercise.summary}\n{dose}")
        self.library_list.addItem(item)

    def add_selected(self) -> None:
        item = self.library_list.currentItem()
        if item is not None and not item.isHidden():
            self.add_exercise(item.data(Qt.ItemDataRole.UserRole))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def remove_selected(self) -> None:
        row = self.steps_table.currentRow()
        if 0 <= row < len(self._rows):
            del self._rows[row]
            self._rebuild_table(current=min(row, len(self._rows) - 1))

    def target_id(self) -> str:
        """The file name (without .toml) that Save will write."""
        original = self._original
        if original is not None and (self._folder / f"{original.id}.toml").is_file():
            return original.id  # the person's own file: saving replaces it, as editing should
        base = routine_id_for(self.name_edit.text())
        taken = (
            {path.stem for path in self._folder.glob("*.toml")} if self._folder.is_dir() else set()
        )
        taken |= {path.stem for path in builtin_routines_dir().glob("*.toml")}
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def build_routine(self) -> Routine:
        """The routine as entered; raises RoutineError with a message for the person."""
        name = self.name_edit.text().strip()
        if not name:
            raise RoutineError(self.tr("Give the routine a name."))
        if not self._rows:
            raise RoutineError(self.tr("Add at least one exercise."))
        for number, row in enumerate(self._rows, start=1):
            if row.kind is not Mode.REPS or not row.tempo.strip():
                continue
            try:
                tempo = Tempo.parse(row.tempo)
            except ValueError as error:
                self.steps_table.setCurrentCell(number - 1, COL_TEMPO)
                raise RoutineError(
                    self.tr("Step {0}, {1}: {2}").format(number, row.exercise.name, error)
                ) from None
            if row.amount * tempo.rep_s > MAX_DURATION_S:
                self.steps_table.setCurrentCell(number - 1, COL_AMOUNT)
                raise RoutineError(
                    self.tr(
                        "Step {0}, {1}: {2} reps at {3} take {4} s; one set may last at most "
                        "{5} s. Use fewer reps or a quicker tempo."
                    ).format(
                        number,
                        row.exercise.name,
                        row.amount,
                        tempo,
                        row.amount * tempo.rep_s,
                        MAX_DURATION_S,
                    )
                )
        return Routine(
            id=self.target_id(),
            name=name,
            prepare_s=self.prepare_spin.value(),
            steps=self.current_steps(),
            description=self.description_edit.text().strip(),
        )

    def save(self) -> bool:
        """Validate and write the routine; on a problem, say so in the dialog and stay open."""
        try:
            routine = self.build_routine()
            path = save_routine(routine, self._folder, self._library)  # validates before writing
        except RoutineError as error:
            self._show_error(str(error))
            return False
        except OSError as error:
            self._show_error(
                self.tr("The routine could not be written to {0}: {1}").format(
                    self._folder, error.strerror or error
                )
            )
            return False
        self._show_error("")
        self.routine = routine
        self.saved_path = path
        self.routine_saved.emit(path)
        self.accept()
        return True

    # --- the steps table ------------------------------------------------------------------

    def _move(self, offset: int) -> None:
        row = self.steps_table.currentRow()
        target = row + offset
        if 0 <= row < len(self._rows) and 0 <= target < len(self._rows):
            self._rows[row], self._rows[target] = self._rows[target], self._rows[row]
            self._rebuild_table(current=target)

    def _rebuild_table(self, current: int) -> None:
        """Lay the rows out again; structural changes are rare, so rebuilding beats patching."""
        table = self.steps_table
        table.setRowCount(0)
        table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            self._fill_row(index, row)
        has_rows = bool(self._rows)
        table.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        if 0 <= current < len(self._rows):
            table.setCurrentCell(current, COL_EXERCISE)
            table.scrollTo(table.model().index(current, COL_EXERCISE))
        self._update_step_buttons()
        self._update_summary()

    def _fill_row(self, index: int, row: _Row) -> None:
        table = self.steps_table
        name = row.exercise.name
        last = index == len(self._rows) - 1

        item = QTableWidgetItem(name)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setToolTip(dosage_words(row.exercise.dosage, row.exercise.per_side))
        table.setItem(index, COL_EXERCISE, item)

        def set_sets(value: int) -> None:
            row.sets = value

        sets = self._spin(
            index, (1, MAX_SETS), row.sets, "", self.tr("Sets of {0}").format(name), set_sets
        )
        table.setCellWidget(index, COL_SETS, sets)

        def set_amount(value: int) -> None:
            row.amount = value

        if row.kind is Mode.HOLD:
            bounds, suffix = (1, MAX_DURATION_S), self.tr(" s")
            amount_name = self.tr("Hold seconds of {0}").format(name)
        elif row.kind is Mode.STEPS:
            bounds, suffix = (1, MAX_COUNT), self.tr(" steps")
            amount_name = self.tr("Steps of {0}").format(name)
        else:
            bounds, suffix = (1, MAX_COUNT), self.tr(" reps")
            amount_name = self.tr("Reps of {0}").format(name)
        amount = self._spin(index, bounds, row.amount, suffix, amount_name, set_amount)
        table.setCellWidget(index, COL_AMOUNT, amount)

        if row.kind is Mode.REPS:
            tempo = QLineEdit(row.tempo)
            tempo.setFrame(False)
            tempo.setPlaceholderText(self.tr("own pace"))
            tempo.setMaxLength(8)
            tempo.setAccessibleName(self.tr("Tempo of {0}").format(name))
            tempo.setToolTip(
                self.tr("Seconds down-pause-up, such as 2-0-2; empty: at your own pace")
            )
            tempo.setProperty(ROW_PROPERTY, index)
            tempo.installEventFilter(self)

            def set_tempo(text: str) -> None:
                row.tempo = text

            tempo.textChanged.connect(set_tempo)
            tempo.textChanged.connect(self._update_summary)
            table.setCellWidget(index, COL_TEMPO, tempo)
        else:
            none = QTableWidgetItem(self.tr("—"))
            none.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            none.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            none.setToolTip(self.tr("Only reps have a tempo"))
            table.setItem(index, COL_TEMPO, none)

        per_side = QCheckBox()
        per_side.setChecked(row.per_side)
        # Fusion outlines the box in the window colour darkened; on a dark table's base that
        # outline vanishes and an unchecked box cannot be seen. Outline it in the muted text
        # colour instead, which reads on both palettes.
        box_palette = per_side.palette()
        box_palette.setColor(
            QPalette.ColorRole.Window, table.palette().color(QPalette.ColorRole.PlaceholderText)
        )
        per_side.setPalette(box_palette)
        per_side.setAccessibleName(self.tr("{0} on each side").format(name))
        per_side.setProperty(ROW_PROPERTY, index)
        per_side.installEventFilter(self)

        def set_per_side(checked: bool) -> None:
            row.per_side = checked

        per_side.toggled.connect(set_per_side)
        per_side.toggled.connect(self._update_summary)
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(per_side, alignment=Qt.AlignmentFlag.AlignCenter)
        table.setCellWidget(index, COL_PER_SIDE, holder)

        def set_rest(value: int) -> None:
            row.rest_s = value

        rest = self._spin(
            index,
            (1, MAX_DURATION_S),
            row.rest_s,
            self.tr(" s"),
            self.tr("Rest between sets of {0}").format(name),
            set_rest,
        )
        table.setCellWidget(index, COL_REST, rest)

        def set_rest_after(value: int) -> None:
            row.rest_after_s = value

        rest_after = self._spin(
            index,
            (1, MAX_DURATION_S),
            row.rest_after_s,
            self.tr(" s"),
            self.tr("Rest after {0}").format(name),
            set_rest_after,
        )
        if last:
            rest_after.setEnabled(False)
            rest_after.setToolTip(self.tr("Nothing follows the last exercise"))
        table.setCellWidget(index, COL_REST_AFTER, rest_after)

    def _spin(
        self,
        index: int,
        bounds: tuple[int, int],
        value: int,
        suffix: str,
        accessible_name: str,
        store: Callable[[int], None],
    ) -> QSpinBox:
        low, high = bounds
        spin = _TableSpinBox()
        spin.setFrame(False)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.setAccessibleName(accessible_name)
        spin.setProperty(ROW_PROPERTY, index)
        spin.installEventFilter(self)
        spin.valueChanged.connect(store)  # first: the summary reads the stored value
        spin.valueChanged.connect(self._update_summary)
        return spin

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Editing a cell widget does not move the table's current row; Move and Remove act on
        # the row the person is working in.
        if event.type() == QEvent.Type.FocusIn:
            row = watched.property(ROW_PROPERTY)
            if isinstance(row, int) and row != self.steps_table.currentRow():
                self.steps_table.setCurrentCell(row, COL_EXERCISE)
        return super().eventFilter(watched, event)

    def _update_step_buttons(self, *_: object) -> None:
        row = self.steps_table.currentRow()
        valid = 0 <= row < len(self._rows)
        self.up_button.setEnabled(valid and row > 0)
        self.down_button.setEnabled(valid and row < len(self._rows) - 1)
        self.remove_button.setEnabled(valid)

    # --- the library list ------------------------------------------------------------------

    def _filter_library(self, text: str) -> None:
        words = text.casefold().split()
        first_visible: QListWidgetItem | None = None
        for number in range(self.library_list.count()):
            item = self.library_list.item(number)
            exercise = self._library[item.data(Qt.ItemDataRole.UserRole)]
            haystack = search_text(exercise)
            hidden = not all(word in haystack for word in words)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.library_list.currentItem()
        if first_visible is None:
            self.library_list.setCurrentRow(-1)
        elif current is None or current.isHidden():
            self.library_list.setCurrentItem(first_visible)
        self._library_current_changed(self.library_list.currentItem())

    def _library_current_changed(self, item: QListWidgetItem | None, *_: object) -> None:
        visible = item is not None and not item.isHidden()
        self.add_button.setEnabled(visible)
        if item is None or not visible:
            self.exercise_hint.setText(self.tr("No exercise matches the search."))
            return
        exercise = self._library[item.data(Qt.ItemDataRole.UserRole)]
        muscles = ", ".join(muscle_label(muscle) for muscle in exercise.primary_muscles)
        self.exercise_hint.setText(f"{dosage_words(exercise.dosage, exercise.per_side)}\n{muscles}")

    def _add_item(self, item: QListWidgetItem) -> None:
        self.add_exercise(item.data(Qt.ItemDataRole.UserRole))

    # --- the foot -------------------------------------------------------------------------

    def _update_summary(self, *_: object) -> None:
        if self.name_edit.text().strip():
            routine_id = self.target_id()
            replaces = (self._folder / f"{routine_id}.toml").is_file()
            words = self.tr("Saves over {0}.toml") if replaces else self.tr("Saves as {0}.toml")
            self.file_label.setText(words.format(routine_id))
        else:
            self.file_label.setText("")
        if not self._rows:
            self.duration_label.setText(self.tr("No exercises yet"))
            return
        draft = Routine(
            id="draft",
            name="draft",
            prepare_s=self.prepare_spin.value(),
            steps=self.current_steps(),
        )
        try:
            seconds = routine_duration_s(draft, self._library)
        except ValueError:  # a tempo being typed
            self.duration_label.setText(self.tr("Duration: check the tempo"))
            return
        self.duration_label.setText(_duration_words(seconds))

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _colour_error_label(self) -> None:
        # The theme has no error colour; pick a red that reads on the current window colour.
        dark = is_dark(self.palette())
        palette = self.error_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff9a8f" if dark else "#a4161a"))
        self.error_label.setPalette(palette)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label
