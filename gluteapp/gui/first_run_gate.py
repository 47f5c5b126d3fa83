"""When the first-run disclaimer and questions open: at once, or after a session already running."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QWidget

from gluteapp.gui.settings import FIRST_RUN_DONE, Settings


class FirstRunGate(QObject):
    """Opens the first-run dialog once, over the window, never in front of a running session.

    A session started from the command line (`--autostart`) on a never-used data folder runs
    first; the questions wait until it ends or the player is left. Quit on the disclaimer
    closes the window.
    """

    def __init__(self, settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self._settings = settings
        self._window = window
        self.waiting = False
        self.dialog: QDialog | None = None

    def ask(self, session_running: bool) -> None:
        """Open the questions on the next turn, or once the running session is over."""
        if self._settings.get(FIRST_RUN_DONE):
            return
        if session_running:
            self.waiting = True
        else:
            QTimer.singleShot(0, self, self._open)

    def session_over(self) -> None:
        """The session ended or was left: ask now if the questions waited for it."""
        if self.waiting:
            self.waiting = False
            QTimer.singleShot(0, self, self._open)

    def _open(self) -> None:
        from gluteapp.gui.first_run import FirstRunDialog

        if self.dialog is not None or self._settings.get(FIRST_RUN_DONE):
            return
        dialog = FirstRunDialog(self._settings, self._window)
        dialog.rejected.connect(self._window.close)
        dialog.finished.connect(self._closed)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()  # not exec(): a nested event loop would hold up everything queued

    def _closed(self, _result: int) -> None:
        self.dialog = None
