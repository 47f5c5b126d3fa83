"""Whether the window may close: asks first while sets wait to be saved or a session runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:  # the history is open whenever there is one to ask about
    from gluteapp.gui.history_service import HistoryService


def may_quit(window: QWidget, history: HistoryService | None, session_running: bool) -> bool:
    """Ask the person when quitting would leave something behind; True to let the window go.

    Sets still waiting to be saved come first (they are the only thing that could be lost);
    then a running session, whose finished sets are already in the history.
    """
    waiting = history is not None and not history.closed and history.pending_sets()
    if history is not None and waiting:
        from gluteapp.gui.problem_banner import ask_before_quitting

        return ask_before_quitting(window, history)
    if not session_running:
        return True
    answer = QMessageBox.question(
        window, "Gluteapp",
        QCoreApplication.translate(
            "Gluteapp", "A session is running. Quit anyway? The sets you finished are saved."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
