"""Backups in Settings: to a file, from a file, and from the automatic backups of the history."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from msgspec import Struct
from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.folder_lock import held_elsewhere
from gluteapp.core.paths import AppPaths
from gluteapp.gui.history_service import (
    BackupContents,
    HistoryService,
    RestoreResult,
    StagedRestore,
    StorageError,
)

# Asks a yes/no question (title, text); True for yes. Replaced in tests.
Ask = Callable[[QWidget, str, str], bool]
# Says something that needs no answer (title, text, is it a problem).
Tell = Callable[[QWidget, str, str, bool], None]


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while a file is written or checked (a ten-year history takes a second)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def _tell(parent: QWidget, title: str, text: str, problem: bool) -> None:
    if problem:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


class BackupHost(Struct, frozen=True):
    """What the section needs from the app: its folders, the history, whether a session runs."""

    paths: AppPaths
    history: Callable[[], HistoryService]
    session_running: Callable[[], bool]


class BackupSection(QGroupBox):
    """Buttons for a backup file, and the automatic backups of the history with their contents."""

    def __init__(self, host: BackupHost, restart: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backups"), parent)
        self.setObjectName("group_backups")
        self.host = host
        # Quit and start again: the app reads the restored data only when it starts.
        self.restart = restart
        self.ask: Ask = _ask
        self.tell: Tell = _tell
        # Where the file dialogs start (the last folder used).
        self.folder = Path.home()

        intro = QLabel(self.tr(
            "A backup file holds your history, settings, routines and own exercises. Restoring "
            "one keeps your current data in a folder beside it, then restarts Gluteapp."))
        intro.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up to a file…"))
        self.backup_button.setObjectName("backup_to_file")
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_button.setObjectName("restore_from_file")
        self.restore_button.clicked.connect(self.restore_from_file)
        for button in (self.backup_button, self.restore_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)

        automatic = QLabel(self.tr("Automatic backups of the history (made daily and when "
                                   "Gluteapp closes; the newest are kept):"))
        automatic.setWordWrap(True)
        self.backup_list = QTreeWidget()
        self.backup_list.setObjectName("automatic_backups")
        self.backup_list.setAccessibleName(self.tr("Automatic backups"))
        self.backup_list.setHeaderLabels(
            [self.tr("Taken"), self.tr("Sessions"), self.tr("Newest session")])
        # Centred: right-aligned counts would run into the dates beside them.
        self.backup_list.headerItem().setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_list.setUniformRowHeights(True)
        header = self.backup_list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.backup_list.setMinimumHeight(120)
        self.backup_list.setMaximumHeight(180)
        self.backup_list.itemSelectionChanged.connect(self._on_selection)
        self.backup_list.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        self.restore_selected_button = QPushButton(self.tr("Restore this one"))
        self.restore_selected_button.setObjectName("restore_selected")
        self.restore_selected_button.setAutoDefault(False)
        self.restore_selected_button.setEnabled(False)
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.status = QLabel()
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self.status_icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.status_icon.setPixmap(warning.pixmap(size, size))
        self.status_icon.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(automatic)
        layout.addWidget(self.backup_list)
        row = QHBoxLayout()
        row.addWidget(self.restore_selected_button)
        row.addStretch(1)
        layout.addLayout(row)
        said = QHBoxLayout()
        said.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        said.addWidget(self.status, 1)
        layout.addLayout(said)
        self.refresh()

    # --- the list -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the automatic backups again (what each holds is read from the file)."""
        self.backup_list.clear()
        try:
            backups = self.host.history().automatic_backups()
        except StorageError as error:
            self._say(str(error), problem=True)
            backups = []
        locale = QLocale()
        for backup in backups:
            newest = (self._date(backup.newest_session, locale) if backup.newest_session
                      else self.tr("none"))
            sessions = str(backup.sessions) if backup.readable else self.tr("unreadable")
            item = QTreeWidgetItem([self._date(backup.taken_at, locale, time=True), sessions,
                                    newest])
            item.setData(0, Qt.ItemDataRole.UserRole, str(backup.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(0, str(backup.path))
            if not backup.readable:
                item.setDisabled(True)
            self.backup_list.addTopLevelItem(item)
        if not backups:
            empty = QTreeWidgetItem([self.tr("No automatic backup yet"), "", ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.backup_list.addTopLevelItem(empty)
        self._on_selection()

    @staticmethod
    def _date(moment: datetime, locale: QLocale, *, time: bool = False) -> str:
        shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())
        return locale.toString(shown, "ddd d MMM yyyy, HH:mm" if time else "d MMM yyyy")

    def selected_backup(self) -> Path | None:
        items = self.backup_list.selectedItems()
        value = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        return Path(value) if isinstance(value, str) else None

    def _on_selection(self) -> None:
        self.restore_selected_button.setEnabled(self.selected_backup() is not None)

    # --- backing up ---------------------------------------------------------------------------
    def back_up(self) -> None:
        today = QDateTime.currentDateTime().toString("yyyy-MM-dd")
        suggested = self.folder / f"gluteapp-backup-{today}.zip"
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Back up to a file"), str(suggested),
            self.tr("Gluteapp backups (*.zip)"))
        if name:
            # The dialog asked before replacing a file of that name.
            self.write_to(Path(name), overwrite=True)

    def write_to(self, target: Path, *, overwrite: bool = False) -> bool:
        self.folder = target.parent
        try:
            with _busy():
                written = self.host.history().write_backup_file(self.host.paths, target,
                                                                overwrite=overwrite)
        except StorageError as error:
            self._say(str(error), problem=True)
            return False
        text = self.tr("Backed up to {0}: {1}.").format(str(written.path),
                                                        self.contents_words(written.contents))
        if written.left_out:
            text += " " + self.tr("Left out (not plain files or unusable names): {0}").format(
                "; ".join(written.left_out))
        self._say(text, problem=bool(written.left_out))
        return True

    # --- restoring ----------------------------------------------------------------------------
    def restore_from_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a file"), str(self.folder),
            self.tr("Gluteapp backups (*.zip *.db);;All files (*)"))
        if name:
            self.restore_file(Path(name))

    def restore_file(self, source: Path) -> bool:
        """Check `source` whole, ask, then restore and restart; False if nothing was done."""
        self.folder = source.parent
        if problem := self._why_not_now():
            self._say(problem, problem=True)
            return False
        try:
            with _busy():
                staged = self.host.history().check_backup_file(self.host.paths, source)
        except StorageError as error:
            self._say(str(error), problem=True)
            return False
        if staged.history_only:  # a history file, such as one of the automatic backups
            return self._confirm_and_restore(staged, self._history_question(staged))
        return self._confirm_and_restore(staged, self.tr(
            "Restore {0}? It holds {1}. Your current history, settings, routines and own "
            "exercises are kept in a folder in your data folder, and Gluteapp restarts."
        ).format(str(source), self.contents_words(staged.contents)))

    def restore_selected(self) -> bool:
        backup = self.selected_backup()
        if backup is None:
            return False
        if problem := self._why_not_now():
            self._say(problem, problem=True)
            return False
        try:
            staged = self.host.history().check_automatic_backup(self.host.paths, backup)
        except StorageError as error:
            self._say(str(error), problem=True)
            return False
        return self._confirm_and_restore(staged, self._history_question(staged))

    def _history_question(self, staged: StagedRestore) -> str:
        return self.tr(
            "Restore the history from this automatic backup? It holds {0}. Your current history "
            "is kept in a folder in your data folder (settings and routines stay as they are), "
            "and Gluteapp restarts."
        ).format(self.contents_words(staged.contents))

    def _why_not_now(self) -> str | None:
        if self.host.session_running():
            return self.tr("A session is running. Finish or end it, then restore.")
        if held_elsewhere(self.host.paths.data_dir):
            return self.tr("Another program (a restore on the command line?) is using the data "
                           "folder {0}. Try again once it has finished.").format(
                               str(self.host.paths.data_dir))
        history = self.host.history()
        if not history.closed and history.pending_sets():
            return self.tr("Some finished sets are still waiting to be saved. Restore once they "
                           "are saved (see the message at the top of the window).")
        return None

    def _confirm_and_restore(self, staged: StagedRestore, question: str) -> bool:
        history = self.host.history()
        if not self.ask(self, self.tr("Restore"), question):
            history.discard_restore(staged)
            return False
        try:
            result = history.restore(staged)
        except StorageError as error:
            # The history was closed for the restore: only a new start reads it again.
            self.tell(self, self.tr("Restore"), self.tr(
                "{0} Gluteapp restarts now.").format(str(error)), True)
            self.restart()
            return False
        self.tell(self, self.tr("Restore"), self.restored_words(result), False)
        self.restart()
        return True

    # --- words --------------------------------------------------------------------------------
    def contents_words(self, contents: BackupContents) -> str:
        sessions = self.tr("%n sessions", "", contents.sessions)
        if contents.newest_session is not None:
            sessions = self.tr("{0}, the newest on {1}").format(
                sessions, self._date(contents.newest_session, QLocale()))
        parts = [sessions]
        if contents.routine_files or contents.exercise_files or contents.has_settings:
            parts.append(self.tr("%n routine files", "", contents.routine_files))
            parts.append(self.tr("%n own exercise files", "", contents.exercise_files))
            if contents.has_settings:
                parts.append(self.tr("the settings"))
        return "; ".join(parts)

    def restored_words(self, result: RestoreResult) -> str:
        text = self.tr("Restored {0}.").format(self.contents_words(result.contents))
        if result.kept_aside is not None:
            text += " " + self.tr("What was there before is kept in {0}.").format(
                str(result.kept_aside))
        return text + " " + self.tr("Gluteapp restarts now.")

    def _say(self, text: str, *, problem: bool) -> None:
        self.status.setText(text)
        self.status.show()
        self.status_icon.setVisible(problem)
