"""'Print sheet…' in the routine list: ask where to save a routine's home-exercise sheet, write
it, and offer to open it for printing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gluteapp.core.exercises import Library
from gluteapp.core.routines import Routine
from gluteapp.gui.sheet import default_paper, write_sheet


def sheet_file_name(routine: Routine) -> str:
    return f"{routine.id}-sheet.pdf"


class SheetSaver(QObject):
    """Saves routines' sheets for a window; one question open at a time."""

    saved = Signal(str)  # the path written
    failed = Signal(str)  # what went wrong, in words

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: QFileDialog | None = None
        self.message: QMessageBox | None = None
        self.folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())

    def ask(self, routine: Routine, library: Library) -> QFileDialog:
        """Open the save question (not modal); the sheet is written when a file is chosen."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = QFileDialog(self._window, self.tr("Save the home-exercise sheet"),
                             str(self.folder / sheet_file_name(routine)),
                             self.tr("PDF files (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.write(routine, library, Path(path)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def write(self, routine: Routine, library: Library, path: Path) -> Path | None:
        """Write the sheet to `path` on the locale's paper; say how it went."""
        try:
            written = write_sheet(path, routine, library, paper=default_paper())
        except OSError as error:
            text = self.tr("The sheet could not be saved to {0}: {1}").format(
                str(path), getattr(error, "strerror", None) or str(error))
            self.failed.emit(text)
            self._tell(QMessageBox.Icon.Warning, text, None)
            return None
        self.folder = written.parent
        self.saved.emit(str(written))
        self._tell(QMessageBox.Icon.Information, self.tr(
            "The sheet for “{0}” is saved as {1}. Open it to print it.").format(
                routine.name, str(written)), written)
        return written

    def _tell(self, icon: QMessageBox.Icon, text: str, opens: Path | None) -> None:
        box = QMessageBox(icon, self.tr("Home-exercise sheet"), text,
                          QMessageBox.StandardButton.Close, self._window)
        if opens is not None:
            button = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
            button.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(opens))))
        self.message = box
        box.open()
