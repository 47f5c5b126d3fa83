"""The offer to resume an interrupted session, above every area: light enough for the first paint.

It is built with the window, before the first paint, so it imports nothing of the Sessions
area (the library, routines and timelines load after the paint).
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from gluteapp.core.history_records import SessionRecord
from gluteapp.gui.words import routine_title


class ResumeBanner(QFrame):
    """Offers to resume or close a session that a crash or a kill interrupted.

    It stands above every area, so the offer is there at once whichever view opens.
    """

    resume_requested = Signal(SessionRecord)
    close_requested = Signal(SessionRecord)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resume_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.record: SessionRecord | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Resume where it stopped"))
        self.resume_button.setAccessibleName(self.tr("Resume the interrupted session"))
        self.close_button = QPushButton(self.tr("Close it"))
        self.close_button.setAccessibleName(self.tr("Close the interrupted session"))
        self.resume_button.clicked.connect(lambda: self.resume_requested.emit(self.record))
        self.close_button.clicked.connect(lambda: self.close_requested.emit(self.record))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.resume_button)
        layout.addWidget(self.close_button)
        self.hide()

    def offer(self, record: SessionRecord | None, resumable: bool = True) -> None:
        self.record = record
        if record is None:
            self.hide()
            return
        # The day and time in the UI language ("03.03.25, 18:00" in German).
        started = QLocale().toString(
            QDateTime.fromSecsSinceEpoch(int(record.started_at.timestamp())),
            QLocale.FormatType.ShortFormat)
        self.text.setText(self.tr(
            "Your session “{0}” from {1} was interrupted after %n saved sets. "
            "Nothing you finished was lost.", "", len(record.sets)).format(
                routine_title(record.routine_id, record.routine_name), started))
        self.resume_button.setVisible(resumable)
        self.show()

    def cannot_resume(self) -> None:
        """Say that the offered session cannot be resumed (the log says why); close it instead."""
        self.text.setText(self.tr(
            "This session's routine can no longer be found or read, so it cannot be resumed. "
            "The sets you finished are saved; you can close it."))
        self.resume_button.hide()
