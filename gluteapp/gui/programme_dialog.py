"""Programme files in the routine list: export a routine of yours with its own exercises as one
file, and import one after showing what it adds and asking about what it would overwrite."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gluteapp.gui.words import programme_item_words

if TYPE_CHECKING:
    from gluteapp.core.exercises import Library
    from gluteapp.core.programme import ImportPlan, ImportResult, Resolution
    from gluteapp.core.routines import Routine
    from gluteapp.gui.library.own_actions import OwnExerciseActions
    from gluteapp.gui.player.sessions import RoutinePicker


class ImportDialog(QDialog):
    """What a programme adds, what is already here and what conflicts, with the choice to make.

    With conflicts: Replace, Keep both (renamed) or Cancel; without: Import or Cancel; with
    nothing new: Close. `resolution` holds the choice once the dialog is accepted.
    """

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        from gluteapp.core.programme import Resolution, Status

        super().__init__(parent)
        self.setObjectName("programme_import_dialog")
        self.setWindowTitle(self.tr("Import programme"))
        self.plan = plan
        self.resolution: Resolution | None = None
        programme = plan.programme
        count = len(programme.exercises)
        heading = QLabel((self.tr("“{0}” holds the routine “{1}” and %n own exercises.",
                                  "", count) if count else
                          self.tr("“{0}” holds the routine “{1}”."))
                         .format(Path(programme.origin).name, programme.routine.name))
        heading.setObjectName("programme_heading")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.items = QTreeWidget()
        self.items.setObjectName("programme_items")
        self.items.setAccessibleName(self.tr("What the programme holds"))
        self.items.setColumnCount(3)
        self.items.setHeaderLabels([self.tr("Kind"), self.tr("Name"), self.tr("In your data")])
        self.items.setRootIsDecorated(False)
        self.items.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        for item in plan.items:
            kind, status = programme_item_words(item.kind.value, item.status.value)
            row = QTreeWidgetItem([kind, item.name, status])
            row.setToolTip(1, item.id)
            if item.status is Status.CONFLICT:
                font = row.font(2)
                font.setBold(True)
                row.setFont(2, font)
            self.items.addTopLevelItem(row)
        self.items.setStyleSheet("QTreeWidget#programme_items::item { padding: 3px 6px; }")
        header = self.items.header()
        header.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        # As tall as its rows (a routine has at most a hundred exercises: then it scrolls).
        rows = sum(self.items.sizeHintForRow(row) for row in range(len(plan.items)))
        frame = 2 * self.items.frameWidth() + header.sizeHint().height() + 4
        self.items.setFixedHeight(min(rows, 360) + frame)
        self.explain = QLabel()
        self.explain.setObjectName("programme_explain")
        self.explain.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.replace_button: QPushButton | None = None
        self.keep_both_button: QPushButton | None = None
        self.import_button: QPushButton | None = None
        role = QDialogButtonBox.ButtonRole
        if plan.conflicts:
            self.explain.setText(self.tr(
                "%n of them are already in your data with other content. Replace yours with the "
                "programme's, or keep both: the imported ones then get new names.", "",
                len(plan.conflicts)))
            self.replace_button = self._button(self.tr("Replace"), role.DestructiveRole,
                                               Resolution.REPLACE)
            self.keep_both_button = self._button(self.tr("Keep both (renamed)"),
                                                 role.AcceptRole, Resolution.RENAME)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        elif plan.new:
            self.explain.setText(self.tr("Nothing in your data is changed; this only adds."))
            self.import_button = self._button(self.tr("Import"), role.AcceptRole,
                                              Resolution.REFUSE)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.explain.setText(self.tr("Everything in it is already here: nothing to import."))
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.items)
        layout.addWidget(self.explain)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # Enter takes the choice that loses nothing; the dialog box would pick the first button.
        chosen = self.keep_both_button or self.import_button
        if chosen is not None:
            chosen.setDefault(True)
            chosen.setFocus()

    def _button(self, text: str, role: QDialogButtonBox.ButtonRole,
                resolution: Resolution) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.clicked.connect(lambda: self.choose(resolution))
        return button

    def choose(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.accept()


class ProgrammeActions(QObject):
    """Export and import for one routine list; one file question or dialog open at a time."""

    imported = Signal(str)  # the routine id the import wrote (perhaps renamed)
    failed = Signal(str)  # what went wrong, in words

    def __init__(self, window: QWidget, data_dir: Path, builtin: Callable[[], Library],
                 after_import: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window = window
        self._data_dir = data_dir
        self._builtin = builtin  # your own exercises are read from their files
        self._after_import = after_import
        self.file_dialog: QFileDialog | None = None
        self.dialog: ImportDialog | None = None
        self.message: QMessageBox | None = None
        self.folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())

    def _ask_file(self, title: str, path: Path, save: bool) -> QFileDialog:
        from gluteapp.core.programme import SUFFIX

        if self.file_dialog is not None:
            self.file_dialog.close()
        dialog = QFileDialog(self._window, title, str(path), ";;".join([
            self.tr("Gluteapp programmes (*{0})").format(SUFFIX), self.tr("All files (*)")]))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save
                             else QFileDialog.AcceptMode.AcceptOpen)
        if save:
            dialog.setDefaultSuffix(SUFFIX.lstrip("."))
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.file_dialog = dialog
        return dialog

    # --- export ------------------------------------------------------------------------------
    def ask_export(self, routine: Routine) -> QFileDialog:
        from gluteapp.core.programme import SUFFIX

        dialog = self._ask_file(self.tr("Export the programme"),
                                self.folder / f"{routine.id}{SUFFIX}", save=True)
        dialog.fileSelected.connect(lambda path: self.export_to(routine, Path(path)))
        dialog.open()
        return dialog

    def export_to(self, routine: Routine, path: Path) -> bool:
        from gluteapp.core.programme import DataFolder, ProgrammeError, export_programme

        try:
            programme = export_programme(routine.id, path, DataFolder(self._data_dir),
                                         self._builtin())
        except ProgrammeError as error:
            self._fail(self.tr("Export programme"),
                       self.tr("The programme could not be saved."), str(error))
            return False
        self.folder = path.parent
        count = len(programme.exercises)
        saved = (self.tr("“{0}” is saved as {1}, with %n own exercises.", "", count)
                 if count else self.tr("“{0}” is saved as {1}."))
        self._tell(QMessageBox.Icon.Information, self.tr("Export programme"), " ".join([
            saved.format(routine.name, str(path)),
            self.tr("Send the file to whoever should do it: Import programme… adds it to "
                    "their Gluteapp.")]))
        return True

    # --- import ------------------------------------------------------------------------------
    def ask_import(self) -> QFileDialog:
        dialog = self._ask_file(self.tr("Import a programme"), self.folder, save=False)
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        dialog.open()
        return dialog

    def import_from(self, path: Path) -> ImportDialog | None:
        """Read and check the file, then show what it would add (nothing is written yet)."""
        from gluteapp.core.programme import (
            DataFolder,
            ProgrammeError,
            plan_import,
            read_programme,
        )

        try:
            plan = plan_import(read_programme(path, self._builtin()), DataFolder(self._data_dir))
        except ProgrammeError as error:
            self._fail(self.tr("Import programme"), self.tr(
                "This file cannot be imported; nothing was changed."), str(error))
            return None
        self.folder = path.parent
        if self.dialog is not None:
            self.dialog.close()
        dialog = ImportDialog(plan, self._window)
        dialog.accepted.connect(lambda: self._apply(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _apply(self, dialog: ImportDialog) -> ImportResult | None:
        from gluteapp.core.programme import ProgrammeError, apply_import

        if dialog.resolution is None:
            return None
        try:
            result = apply_import(dialog.plan, dialog.resolution)
        except ProgrammeError as error:
            self._fail(self.tr("Import programme"), self.tr(
                "The programme could not be imported; nothing was changed."), str(error))
            return None
        self._after_import(result.routine_id)
        self.imported.emit(result.routine_id)
        if result.written:
            programme = dialog.plan.programme
            renamed = {e.id for e in programme.exercises} & set(result.renamed)
            text = (self.tr("“{0}” is in your routines, beside yours of the same name.")
                    if programme.routine.id in result.renamed else
                    self.tr("“{0}” is in your routines.")).format(result.routine_name)
            if renamed:
                text += " " + self.tr("Where one of your exercises differed, the imported one "
                                      "is in the library beside it, under a new name.")
            self._tell(QMessageBox.Icon.Information, self.tr("Import programme"), text)
        return result

    # --- telling -----------------------------------------------------------------------------
    def _fail(self, title: str, lead: str, detail: str) -> None:
        text = f"{lead}\n\n{detail}"
        self.failed.emit(text)
        self._tell(QMessageBox.Icon.Warning, title, text)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self._window)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = box
        box.open()


def install_programme_actions(picker: RoutinePicker, data_dir: Path,
                              own: OwnExerciseActions) -> ProgrammeActions:
    """Export and import in the routine list. After an import your exercises are read again,
    the library and the routine list look again, and the imported routine is selected."""
    from gluteapp.core.assets import builtin_library

    def builtin() -> Library:
        library = own.library
        return library.builtin if library is not None else builtin_library()

    def after_import(routine_id: str) -> None:
        library = own.library
        if library is not None:
            for problem in library.reload():
                own.problem.emit(problem)
        own.changed.emit("")  # the views look again, the routine list is filled again
        picker.select(routine_id)

    actions = ProgrammeActions(picker, data_dir, builtin, after_import)
    picker.export_requested.connect(actions.ask_export)
    picker.import_requested.connect(actions.ask_import)
    return actions
