"""A strip above every area: what could not be saved and why, and what still waits to be saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDir, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from gluteapp.gui.words import TranslationContext

if TYPE_CHECKING:
    from gluteapp.gui.history_service import HistoryService

_PROBLEM = QColor("#b3261e")
_RESOLVED = QColor("#1e6b32")


class ProblemBanner(QFrame):
    """Stays visible (also in full screen) while the session goes on; newest problem first.

    A failed save must never pass unnoticed, yet a dialog would take the keys away from a
    session the person follows from the mat, so the message waits here instead. While finished
    sets wait to be written (a full disk), a line says how many, cannot be dismissed, and offers
    to save a copy of them elsewhere; once they are written it says so.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QLabel()
        self.text.setObjectName("problem_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("Save them elsewhere…"))
        self.save_button.setObjectName("problem_save_elsewhere")
        self.save_button.setAccessibleName(
            self.tr("Save a copy of the sets waiting to be saved to a file you choose"))
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the player
        self.save_button.clicked.connect(self.choose_file_for_waiting_sets)
        self.save_button.hide()
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("problem_dismiss")
        self.dismiss_button.setAccessibleName(self.tr("Dismiss this message"))
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the player
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.dismiss_button)
        self.count = 0
        self._messages: list[str] = []
        self._notes: list[str] = []
        self._waiting = 0
        self._resolved = ""
        self._history: HistoryService | None = None
        self._colour(_PROBLEM)
        self.hide()

    #: Distinct messages kept on show; older ones give way (the log keeps every one).
    KEEP = 3

    def watch(self, history: HistoryService) -> None:
        """Show what `history` reports from now on, and what it found before this was called."""
        self._history = history
        history.write_failed.connect(self.report)
        history.pending_changed.connect(self.show_waiting)
        history.rows_damaged.connect(self.note)
        if history.journal_problem_at_start:
            self.note(history.journal_problem_at_start)
        if history.backup_problem:
            self.note(history.backup_problem)
        if history.damaged_rows_message():
            self.note(history.damaged_rows_message())
        if history.pending_sets():
            self.show_waiting(history.pending_sets())
        elif history.replayed_at_start:
            self._resolved = self._saved_now(history.replayed_at_start)
            self._refresh()

    def report(self, message: str) -> None:
        """Show a problem, newest first; a repeat is counted rather than shown twice."""
        self.count += 1
        if message in self._messages:
            self._messages.remove(message)
        self._messages = [message, *self._messages][: self.KEEP]
        self._resolved = ""
        self._refresh()

    def note(self, message: str) -> None:
        """Show something the person should know that is not a failed save (damaged rows)."""
        if message in self._notes:
            return
        self._notes = [message, *self._notes][: self.KEEP]
        self._refresh()

    def show_waiting(self, count: int) -> None:
        """How many finished sets wait to be saved; at 0 after some waited, say they are saved."""
        if count == 0 and self._waiting:
            self._resolved = self._saved_now(self._waiting)
            # What could not be saved is saved now: the old failures would only mislead.
            self._messages = []
            self.count = 0
        self._waiting = count
        self._refresh()

    def messages(self) -> list[str]:
        """What is on show, newest first."""
        return list(self._messages)

    def waiting_line(self) -> str:
        """The line about sets waiting to be saved ("" when none wait)."""
        if not self._waiting:
            return ""
        line = self.tr("%n finished sets are waiting to be saved.", "", self._waiting)
        line += " " + self.tr(
            "Gluteapp keeps trying and saves them as soon as the disk has room again.")
        history = self._history
        if history is not None and history.journal_problem:
            line += " " + history.journal_problem
        elif history is not None:
            line += " " + self.tr("Until then they are also kept in {0}.").format(
                history.journal_path)
        return line

    def dismiss(self) -> None:
        """Put away what was said; the line about waiting sets stays until they are saved."""
        self.count = 0
        self._messages = []
        self._notes = []
        self._resolved = ""
        self._refresh()

    def choose_file_for_waiting_sets(self) -> None:
        """Ask where to put a copy of the waiting sets (without stopping the session)."""
        dialog = QFileDialog(self.window(), self.tr("Save the waiting sets"),
                             QDir.homePath(), self.tr("CSV files (*.csv)"))
        dialog.setObjectName("save_waiting_sets_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.selectFile("gluteapp-waiting-sets.csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_waiting_sets_to)
        dialog.open()

    def save_waiting_sets_to(self, path: str) -> bool:
        """Write a copy of the waiting sets to `path`, and say how that went."""
        if self._history is None or not path:
            return False
        try:
            count = self._history.save_pending_to(Path(path))
        except OSError as error:
            self.report(self.tr("A copy of the waiting sets could not be written to {0} ({1}).")
                        .format(path, error.strerror or error))
            return False
        self.note(self.tr("A copy of the %n waiting sets was saved to {0}. They stay waiting "
                          "to be saved in your history too.", "", count).format(path))
        return True

    def _saved_now(self, count: int) -> str:
        if count == 1:
            return self.tr("The set that was waiting is saved in your history now.")
        return self.tr("The %n sets that were waiting are saved in your history now.", "", count)

    def _refresh(self) -> None:
        lines = []
        if waiting := self.waiting_line():
            lines.append(waiting)
        lines += [self.tr("Not saved: {0}").format(m) for m in self._messages]
        if self.count > 1:
            lines.append(self.tr("(%n problems so far.)", "", self.count))
        lines += self._notes
        if self._resolved and not lines:
            lines.append(self._resolved)
        text = "\n".join(lines)
        self.text.setText(text)
        self.setAccessibleName(text)
        self.save_button.setVisible(bool(self._waiting))
        # Only the line about waiting sets cannot be put away: it goes when they are saved.
        self.dismiss_button.setVisible(bool(self._messages or self._notes or self._resolved))
        all_good = bool(self._resolved) and not (self._waiting or self._messages or self._notes)
        self._colour(_RESOLVED if all_good else _PROBLEM)
        self.setVisible(bool(lines))

    def _colour(self, background: QColor) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, background)
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff"))
        self.setPalette(palette)


class QuitWithWaitingSets(TranslationContext):
    """The context of the counted words of the question before quitting."""


def ask_before_quitting(parent: QWidget, history: HistoryService) -> bool:
    """With sets still waiting to be saved, ask before quitting; True to quit.

    Offers to save a copy elsewhere first. Quitting keeps them in the journal beside the
    history, saved at the next start, unless the journal could not be written either.
    """
    count = history.pending_sets()
    translate = QCoreApplication.translate
    if history.journal_problem:
        where = translate("ProblemBanner",
                   "They could not be written beside your history either, so they are lost if "
                   "you quit now. Save them elsewhere first.")
    else:
        where = translate("ProblemBanner",
                   "If you quit now, they stay in {0} and are saved when Gluteapp starts "
                   "again.").format(history.journal_path)
    box = QMessageBox(QMessageBox.Icon.Warning, "Gluteapp",
                      QuitWithWaitingSets.tr(
                          "%n finished sets are not saved in your history yet: the disk is "
                          "full or the history cannot be written.", "", count) + " " + where,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("quit_with_waiting_sets")
    save = box.addButton(translate("ProblemBanner", "Save them elsewhere…"),
                         QMessageBox.ButtonRole.AcceptRole)
    quit_anyway = box.addButton(translate("ProblemBanner", "Quit anyway"),
                                QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    if clicked is quit_anyway:
        return True
    if clicked is not save:
        return False
    path, _filter = QFileDialog.getSaveFileName(
        parent, translate("ProblemBanner", "Save the waiting sets"),
        str(Path(QDir.homePath()) / "gluteapp-waiting-sets.csv"),
        translate("ProblemBanner", "CSV files (*.csv)"))
    if not path:
        return False
    try:
        history.save_pending_to(Path(path))
    except OSError as error:
        QMessageBox.warning(parent, "Gluteapp",
                            translate("ProblemBanner",
                                      "The copy could not be written to {0} ({1}).")
                            .format(path, error.strerror or error))
        return False
    return True
