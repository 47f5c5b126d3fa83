"""The exercise editor: make or change one of your own exercises, with a figure or a photo."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import msgspec
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.exercises import (
    Dosage,
    Equipment,
    Exercise,
    LibraryError,
    Mode,
    Muscle,
    Position,
    Range,
    Source,
    Tempo,
)
from gluteapp.core.kinematics import Timing
from gluteapp.core.own_exercises import (
    PICTURES,
    OwnExercise,
    Picture,
    adjusted_pose,
    own_id_for,
    save_own_exercise,
)
from gluteapp.core.own_library import CombinedLibrary
from gluteapp.core.routines import RoutineError, user_routines, validate_routine
from gluteapp.core.safe_files import write_atomically
from gluteapp.gui.figure import FigureCanvas, figure_for
from gluteapp.gui.own_pictures import PhotoView, load_photo, prepare_photo
from gluteapp.gui.theme import is_dark
from gluteapp.gui.words import equipment_label, mode_label, muscle_label, position_label

#: The joints a figure can be adjusted at: (the word shown, the angles it moves).
ADJUSTABLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("working_hip", ("left_hip_flex",)),
    ("other_hip", ("right_hip_flex",)),
    ("working_knee", ("left_knee",)),
    ("other_knee", ("right_knee",)),
    ("trunk", ("trunk_flex",)),
    ("arms", ("left_shoulder_flex", "right_shoulder_flex")),
)
MAX_OFFSET = 60
PREVIEW = QSize(150, 130)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ExerciseEditor(QDialog):
    """Name, steps, tips, cautions, muscles, equipment, position, dose and picture of one of
    your exercises; Save checks everything and says in the dialog what is missing."""

    saved = Signal(str)  # the id of the exercise written

    def __init__(self, library: CombinedLibrary, routines_folder: Path,
                 own: OwnExercise | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercise_editor")
        self._library = library
        self._routines = routines_folder
        self._original = own
        self._photo_source: Path | None = None  # a photo picked now, not yet taken in
        self._photo_name: str | None = own.photo if own is not None else None
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("New exercise") if own is None else
                            self.tr("Edit exercise: {0}").format(own.exercise.name))

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(60)
        self.name_edit.setPlaceholderText(self.tr("For example: Clamshell with band"))
        self.summary_edit = QLineEdit()
        self.summary_edit.setMaxLength(160)
        self.summary_edit.setPlaceholderText(self.tr("What it does, in one sentence"))
        self.steps_edit = self._text(self.tr("One step per line, in order (at least two)"))
        self.tips_edit = self._text(self.tr("One tip per line (at least one)"))
        self.cautions_edit = self._text(
            self.tr("One caution per line, such as when to stop (at least one)"))
        self.source_edit = QLineEdit()
        self.source_edit.setMaxLength(200)
        self.source_edit.setPlaceholderText(self.tr("Who gave it to you (optional)"))

        self.muscles_list = self._checklist(
            [(muscle_label(m), m.value) for m in Muscle], self.tr("Target muscles"))
        self.equipment_list = self._checklist(
            [(equipment_label(e), e.value) for e in Equipment], self.tr("Equipment"))
        self.position_combo = QComboBox()
        for position in Position:
            self.position_combo.addItem(position_label(position), position.value)
        self.per_side_check = QCheckBox(self.tr("One side at a time (left, then right)"))

        # --- the dose
        self.mode_combo = QComboBox()
        for mode in (Mode.HOLD, Mode.REPS, Mode.TEMPO, Mode.STEPS):
            self.mode_combo.addItem(mode_label(mode), mode.value)
        self.sets_spin = self._spin(1, 10, 3)
        self.min_spin = self._spin(1, 1800, 10)
        self.max_spin = self._spin(1, 1800, 10)
        self.tempo_edit = QLineEdit("2-0-2")
        self.tempo_edit.setMaxLength(8)
        self.tempo_edit.setToolTip(self.tr("Seconds down-pause-up for each rep, such as 2-0-2"))
        self.rest_spin = self._spin(1, 1800, 30)
        self.rest_spin.setSuffix(self.tr(" s"))
        self.amount_label = QLabel()
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.min_spin)
        amount_row.addWidget(QLabel(self.tr("to")))
        amount_row.addWidget(self.max_spin)
        amount_row.addWidget(self.amount_label)
        amount_row.addStretch(1)
        self.tempo_label = QLabel(self.tr("Temp&o"))
        self.tempo_label.setBuddy(self.tempo_edit)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (
            (self.tr("&Name"), self.name_edit), (self.tr("S&ummary"), self.summary_edit),
            (self.tr("S&teps"), self.steps_edit), (self.tr("T&ips"), self.tips_edit),
            (self.tr("&Cautions"), self.cautions_edit), (self.tr("&From"), self.source_edit),
        ):
            form.addRow(self._buddy(text, widget), widget)
        dose = QFormLayout()
        dose.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        dose.addRow(self._buddy(self.tr("&Kind of dose"), self.mode_combo), self.mode_combo)
        dose.addRow(self._buddy(self.tr("S&ets"), self.sets_spin), self.sets_spin)
        dose.addRow(self._buddy(self.tr("&Amount"), self.min_spin), amount_row)
        dose.addRow(self.tempo_label, self.tempo_edit)
        dose.addRow(self._buddy(self.tr("&Rest between sets"), self.rest_spin), self.rest_spin)
        dose.addRow(self._buddy(self.tr("&Position"), self.position_combo), self.position_combo)
        dose.addRow("", self.per_side_check)
        lists = QHBoxLayout()
        for title, checklist in ((self.tr("Target &muscles"), self.muscles_list),
                                 (self.tr("E&quipment"), self.equipment_list)):
            box = QVBoxLayout()
            box.addWidget(self._buddy(title, checklist))
            box.addWidget(checklist)
            lists.addLayout(box)

        # --- the picture
        self.no_picture = QRadioButton(self.tr("No picture"))
        self.figure_choice = QRadioButton(self.tr("A figure, from the closest built-in one"))
        self.photo_choice = QRadioButton(self.tr("A photo"))
        self.picture_group = QButtonGroup(self)
        for number, button in enumerate((self.no_picture, self.figure_choice,
                                         self.photo_choice)):
            self.picture_group.addButton(button, number)
        self.figure_combo = QComboBox()
        self.figure_combo.setAccessibleName(self.tr("Built-in figure to start from"))
        posed = set(library.poses.exercise_ids)
        for exercise in library.builtin:
            if exercise.id in posed:
                self.figure_combo.addItem(exercise.name, exercise.id)
        self.offsets: dict[tuple[str, str], QSpinBox] = {}
        offsets_grid = QGridLayout()
        offsets_grid.addWidget(QLabel(self.tr("Adjust (degrees)")), 0, 0)
        offsets_grid.addWidget(QLabel(self.tr("Start")), 0, 1)
        offsets_grid.addWidget(QLabel(self.tr("End")), 0, 2)
        for row, (key, _angles) in enumerate(ADJUSTABLE, 1):
            offsets_grid.addWidget(QLabel(self._joint_words(key)), row, 0)
            for column, (frame, when) in enumerate((("start", self.tr("Start")),
                                                     ("end", self.tr("End"))), 1):
                spin = self._spin(-MAX_OFFSET, MAX_OFFSET, 0)
                spin.setSuffix("°")
                spin.setMaximumWidth(90)
                spin.setAccessibleName(f"{self._joint_words(key)}, {when}")
                spin.valueChanged.connect(self._update_preview)
                self.offsets[key, frame] = spin
                offsets_grid.addWidget(spin, row, column)
        self.start_preview = FigureCanvas()
        self.end_preview = FigureCanvas()
        self.start_preview.setAccessibleName(self.tr("Start position"))
        self.end_preview.setAccessibleName(self.tr("End position"))
        previews = QVBoxLayout()
        for canvas in (self.start_preview, self.end_preview):
            canvas.setFixedSize(PREVIEW)
            previews.addWidget(canvas)
        previews.addStretch(1)
        offsets_grid.setRowStretch(len(ADJUSTABLE) + 1, 1)
        adjusting = QVBoxLayout()
        adjusting.addWidget(self.figure_combo, 0, Qt.AlignmentFlag.AlignLeft)
        adjusting.addLayout(offsets_grid)
        self.figure_box = QWidget()
        figure_layout = QHBoxLayout(self.figure_box)
        figure_layout.setContentsMargins(18, 0, 0, 0)
        figure_layout.addLayout(adjusting, 1)
        figure_layout.addLayout(previews)
        self.photo_button = QPushButton(self.tr("C&hoose a photo…"))
        self.photo_button.setAutoDefault(False)
        self.photo_label = QLabel()
        self.photo_label.setWordWrap(True)
        self.photo_preview = PhotoView()
        self.photo_preview.setFixedSize(QSize(2 * PREVIEW.width(), PREVIEW.height()))
        self.photo_preview.setAccessibleName(self.tr("Photo of the exercise"))
        self.photo_box = QWidget()
        photo_layout = QVBoxLayout(self.photo_box)
        photo_layout.setContentsMargins(18, 0, 0, 0)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.photo_label, 1)
        photo_layout.addLayout(photo_row)
        photo_layout.addWidget(self.photo_preview)
        picture = QGroupBox(self.tr("Picture"))
        picture_layout = QVBoxLayout(picture)
        for part in (self.no_picture, self.figure_choice, self.figure_box, self.photo_choice,
                     self.photo_box):
            picture_layout.addWidget(part)

        # --- the foot
        self.error_label = QLabel()
        self.error_label.setObjectName("editor_error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName(self.tr("Problem"))
        font = self.error_label.font()
        font.setBold(True)
        self.error_label.setFont(font)
        self.error_label.hide()
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save the exercise"))

        content = QWidget()
        columns = QHBoxLayout(content)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(dose)
        right.addLayout(lists)
        right.addWidget(picture)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.button_box)

        self.mode_combo.currentIndexChanged.connect(self._update_dose)
        self.picture_group.idToggled.connect(self._update_picture)
        self.figure_combo.currentIndexChanged.connect(self._update_preview)
        self.photo_button.clicked.connect(self.choose_photo)
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)
        self._colour_error_label()
        if own is not None:
            self._fill(own)
        else:
            self.no_picture.setChecked(True)
        self._update_dose()
        self._update_picture()
        self.resize(1100, 760)

    # --- building --------------------------------------------------------------------------

    def _text(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(90)
        edit.setMaximumHeight(170)
        return edit

    def _checklist(self, items: list[tuple[str, str]], name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        for text, value in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(item)
        widget.setMinimumHeight(150)
        return widget

    @staticmethod
    def _spin(low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _joint_words(self, key: str) -> str:
        return {
            "working_hip": self.tr("Working hip (bend)"),
            "other_hip": self.tr("Other hip (bend)"),
            "working_knee": self.tr("Working knee (bend)"),
            "other_knee": self.tr("Other knee (bend)"),
            "trunk": self.tr("Trunk (lean forward)"),
            "arms": self.tr("Arms (raise)"),
        }[key]

    def _colour_error_label(self) -> None:
        palette = self.error_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         QColor("#ff9a8f" if is_dark(self.palette()) else "#a4161a"))
        self.error_label.setPalette(palette)

    def _fill(self, own: OwnExercise) -> None:
        exercise = own.exercise
        self.name_edit.setText(exercise.name)
        self.summary_edit.setText(exercise.summary)
        self.steps_edit.setPlainText("\n".join(exercise.steps))
        self.tips_edit.setPlainText("\n".join(exercise.tips))
        self.cautions_edit.setPlainText("\n".join(exercise.cautions))
        if exercise.sources and exercise.sources[0].publisher == self._publisher():
            self.source_edit.setText("" if exercise.sources[0].title == self._default_source()
                                     else exercise.sources[0].title)
        self._check(self.muscles_list, {m.value for m in exercise.primary_muscles})
        self._check(self.equipment_list, {e.value for e in exercise.equipment})
        self.position_combo.setCurrentIndex(self.position_combo.findData(exercise.position.value))
        self.per_side_check.setChecked(exercise.per_side)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(exercise.mode.value))
        dosage = exercise.dosage
        amount = dosage.hold_s or dosage.reps or dosage.steps
        self.sets_spin.setValue(dosage.sets)
        if amount is not None:
            self.max_spin.setValue(amount.max)
            self.min_spin.setValue(amount.min)
        if dosage.tempo:
            self.tempo_edit.setText(dosage.tempo)
        self.rest_spin.setValue(dosage.rest_s)
        picture = own.picture
        if picture is None:
            self.no_picture.setChecked(True)
        elif picture.photo is not None:
            self.photo_choice.setChecked(True)
            self._show_photo_name(picture.photo)
        else:
            self.figure_choice.setChecked(True)
            self.figure_combo.setCurrentIndex(max(0, self.figure_combo.findData(picture.figure)))
            for (key, frame), spin in self.offsets.items():
                offsets = picture.start if frame == "start" else picture.end
                angle = dict(ADJUSTABLE)[key][0]
                spin.setValue(round(offsets.get(angle, 0)))  # type: ignore[call-overload]

    @staticmethod
    def _check(widget: QListWidget, values: set[str]) -> None:
        for row in range(widget.count()):
            item = widget.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in values
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    @staticmethod
    def _checked(widget: QListWidget) -> list[str]:
        return [widget.item(row).data(Qt.ItemDataRole.UserRole) for row in range(widget.count())
                if widget.item(row).checkState() == Qt.CheckState.Checked]

    # --- reacting --------------------------------------------------------------------------

    def _mode(self) -> Mode:
        return Mode(self.mode_combo.currentData())

    def _update_dose(self) -> None:
        mode = self._mode()
        self.amount_label.setText({
            Mode.HOLD: self.tr("seconds held"), Mode.REPS: self.tr("reps"),
            Mode.TEMPO: self.tr("reps"), Mode.STEPS: self.tr("steps"),
        }[mode])
        self.tempo_edit.setVisible(mode is Mode.TEMPO)
        self.tempo_label.setVisible(mode is Mode.TEMPO)

    def _update_picture(self, *_: object) -> None:
        self.figure_box.setVisible(self.figure_choice.isChecked())
        self.photo_box.setVisible(self.photo_choice.isChecked())
        self._update_preview()

    def _update_preview(self, *_: object) -> None:
        if not self.figure_choice.isChecked():
            return
        picture = self._figure_picture()
        pose = None
        if picture is not None:
            base = self._library.poses.pose(picture.figure or "")
            pose = adjusted_pose(base, picture) if base is not None else None
        figure = figure_for(pose, None) if pose is not None else None
        self.start_preview.show_figure(figure, Timing.start())
        self.end_preview.show_figure(figure, Timing.end())

    def choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo of the exercise"), str(Path.home()),
            self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if name:
            self.set_photo_source(Path(name))

    def set_photo_source(self, path: Path) -> bool:
        """Take `path` as the photo (it is checked now and taken in on Save)."""
        try:
            data, _kind = prepare_photo(path)
        except LibraryError as problem:
            self._show_error(str(problem))
            return False
        self._show_error("")
        self._photo_source = path
        self.photo_label.setText(path.name)
        self.photo_preview.show_image(QImage.fromData(data))
        self.photo_choice.setChecked(True)
        return True

    def _show_photo_name(self, name: str) -> None:
        self.photo_label.setText(name)
        folder = self._library.folder
        self.photo_preview.show_image(load_photo(folder / PICTURES / name) if folder else None)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    # --- saving ----------------------------------------------------------------------------

    def _figure_picture(self) -> Picture | None:
        figure = self.figure_combo.currentData()
        if not figure:
            return None
        offsets: dict[str, dict[str, float]] = {"start": {}, "end": {}}
        for (key, frame), spin in self.offsets.items():
            if spin.value():
                for angle in dict(ADJUSTABLE)[key]:
                    offsets[frame][angle] = float(spin.value())
        return Picture(figure=figure, start=offsets["start"],  # type: ignore[arg-type]
                       end=offsets["end"])  # type: ignore[arg-type]

    def _publisher(self) -> str:
        return self.tr("your own notes")

    def _default_source(self) -> str:
        return self.tr("Added by you")

    def problem(self) -> str:
        """What stops the exercise from being saved, in words; '' when nothing does."""
        name = self.name_edit.text().strip()
        checks = [
            (len(name) < 3, self.tr("Give the exercise a name of at least 3 letters.")),
            (len(self.summary_edit.text().strip()) < 10,
             self.tr("Say in a sentence (at least 10 letters) what the exercise does.")),
            (len(_lines(self.steps_edit.toPlainText())) < 2,
             self.tr("Write at least two steps, one per line.")),
            (any(len(line) < 3 for line in _lines(self.steps_edit.toPlainText())
                 + _lines(self.tips_edit.toPlainText())
                 + _lines(self.cautions_edit.toPlainText())),
             self.tr("Each step, tip and caution needs at least 3 letters.")),
            (not _lines(self.tips_edit.toPlainText()), self.tr("Write at least one tip.")),
            (not _lines(self.cautions_edit.toPlainText()),
             self.tr("Write at least one caution, such as when to stop.")),
            (not self._checked(self.muscles_list), self.tr("Tick at least one target muscle.")),
            (self.max_spin.value() < self.min_spin.value(),
             self.tr("The amount's upper end is below its lower end.")),
            (self.figure_choice.isChecked() and not self.figure_combo.currentData(),
             self.tr("Choose the built-in figure to start from.")),
            (self.photo_choice.isChecked() and self._photo_source is None
             and self._photo_name is None, self.tr("Choose a photo, or another picture.")),
        ]
        if self._mode() is Mode.TEMPO:
            try:
                Tempo.parse(self.tempo_edit.text())
            except ValueError:
                checks.append((True, self.tr(
                    "Write the tempo as seconds down-pause-up, such as 2-0-2.")))
        return next((message for failed, message in checks if failed), "")

    def build(self, exercise_id: str, photo_name: str | None) -> OwnExercise:
        """The exercise as the dialog shows it, under `exercise_id`."""
        mode = self._mode()
        amount = Range(self.min_spin.value(), self.max_spin.value())
        dosage = Dosage(
            sets=self.sets_spin.value(), rest_s=self.rest_spin.value(),
            hold_s=amount if mode is Mode.HOLD else None,
            reps=amount if mode in (Mode.REPS, Mode.TEMPO) else None,
            steps=amount if mode is Mode.STEPS else None,
            tempo=self.tempo_edit.text().strip() if mode is Mode.TEMPO else None,
        )
        given = self.source_edit.text().strip()
        sources = [Source(title=given if len(given) >= 5 else self._default_source(),
                          publisher=self._publisher())]
        base = self._original.exercise if self._original is not None else None
        if base is not None and not given and base.sources[0].publisher != self._publisher():
            sources = base.sources  # written by hand (or imported): kept as it was
        exercise = Exercise(
            id=exercise_id, name=self.name_edit.text().strip(),
            summary=self.summary_edit.text().strip(),
            primary_muscles=[Muscle(v) for v in self._checked(self.muscles_list)],
            position=Position(self.position_combo.currentData()), mode=mode,
            per_side=self.per_side_check.isChecked(), dosage=dosage,
            steps=_lines(self.steps_edit.toPlainText()),
            tips=_lines(self.tips_edit.toPlainText()),
            cautions=_lines(self.cautions_edit.toPlainText()),
            mistakes=base.mistakes if base is not None else [],
            sources=sources,
            equipment=[Equipment(v) for v in self._checked(self.equipment_list)],
        )
        if base is not None:  # what the dialog does not show stays as it was
            exercise = msgspec.structs.replace(exercise, easier=base.easier, harder=base.harder,
                               aliases=base.aliases, why=base.why,
                               secondary_muscles=[m for m in base.secondary_muscles
                                                  if m not in exercise.primary_muscles])
        picture = None
        if self.figure_choice.isChecked():
            picture = self._figure_picture()
        elif self.photo_choice.isChecked() and photo_name is not None:
            picture = Picture(photo=photo_name)
        return OwnExercise(exercise, picture)

    def save(self) -> bool:
        """Check, take in the photo, write the file; on a problem say so and stay open."""
        if problem := self.problem():
            self._show_error(problem)
            return False
        library, folder = self._library, self._library.folder
        assert folder is not None
        exercise_id = (self._original.id if self._original is not None
                       else own_id_for(self.name_edit.text(), library.taken_ids))
        written: Path | None = None  # a photo taken in now, removed again if the save fails
        try:
            photo_name, data = self._photo_name, b""
            if self.photo_choice.isChecked() and self._photo_source is not None:
                data, kind = prepare_photo(self._photo_source)
                photo_name = f"{exercise_id}-{hashlib.sha256(data).hexdigest()[:10]}.{kind}"
            own = self.build(exercise_id, photo_name)
            self._check_routines(own)
            if data and photo_name is not None:
                target = folder / PICTURES / photo_name
                written = None if target.exists() else target
                write_atomically(target, data)
            save_own_exercise(own, folder, library.builtin.ids)
        except (LibraryError, RoutineError, ValueError, OSError) as error:
            if written is not None:
                with contextlib.suppress(OSError):
                    written.unlink()
            self._show_error(str(error) if not isinstance(error, OSError) else self.tr(
                "The exercise could not be written to {0}: {1}").format(
                    folder, error.strerror or error))
            return False
        old_photo = self._original.photo if self._original is not None else None
        if old_photo is not None and old_photo != own.photo:
            with contextlib.suppress(OSError):
                (folder / PICTURES / old_photo).unlink()
        self._show_error("")
        self.saved_id = own.id
        self.saved.emit(own.id)
        self.accept()
        return True

    def _check_routines(self, own: OwnExercise) -> None:
        """A changed kind of dose must not break a routine that uses the exercise."""
        if self._original is None:
            return
        trial = CombinedLibrary(self._library.builtin, None,
                                [o for o in self._library.own_exercises if o.id != own.id]
                                + [own])
        for routine in user_routines(self._routines, self._library).routines:
            if own.id in routine.exercise_ids:
                try:
                    validate_routine(routine, trial)
                except RoutineError as error:
                    raise RoutineError(self.tr(
                        "The routine {0} uses this exercise and would no longer load: {1} "
                        "Change the routine first, or keep the kind of dose.").format(
                            routine.name, error)) from None
