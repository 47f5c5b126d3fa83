"""A strip above every area that says, until dismissed, what could not be saved and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ProblemBanner(QFrame):
    """Stays visible (also in full screen) while the session goes on; newest problem first.

    A failed save must never pass unnoticed, yet a dialog would take the keys away from a
    session the person follows from the mat, so the message waits here instead.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#b3261e"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff"))
        self.setPalette(palette)
        self.text = QLabel()
        self.text.setObjectName("problem_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("problem_dismiss")
        self.dismiss_button.setAccessibleName(self.tr("Dismiss this message"))
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the player
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dismiss_button)
        self.count = 0
        self._messages: list[str] = []
        self.hide()

    #: Distinct messages kept on show; older ones give way (the log keeps every one).
    KEEP = 3

    def report(self, message: str) -> None:
        """Show a problem, newest first; a repeat is counted rather than shown twice."""
        self.count += 1
        if message in self._messages:
            self._messages.remove(message)
        self._messages = [message, *self._messages][: self.KEEP]
        lines = [self.tr("Not saved: {0}").format(m) for m in self._messages]
        if self.count > 1:
            lines.append(self.tr("({0} problems so far.)").format(self.count))
        text = "\n".join(lines)
        self.text.setText(text)
        self.setAccessibleName(text)
        self.show()

    def messages(self) -> list[str]:
        """What is on show, newest first."""
        return list(self._messages)

    def dismiss(self) -> None:
        self.count = 0
        self._messages = []
        self.hide()
