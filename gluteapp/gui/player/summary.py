"""What a finished session achieved, shown when it ends."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.engine import Session, SessionFinished
from gluteapp.core.exercises import Library
from gluteapp.core.records import SessionStatus


def _duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60} min {whole % 60:02d} s" if whole >= 60 else f"{whole} s"


class SessionSummary(QWidget):
    leave_requested = Signal()
    history_requested = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("session_summary")
        self.library = library
        self.title = QLabel()
        self.title.setObjectName("summary_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.title.setFont(font)
        self.totals = QLabel()
        self.totals.setObjectName("summary_totals")
        self.totals.setWordWrap(True)
        totals_font = self.totals.font()
        totals_font.setPointSizeF(totals_font.pointSizeF() * 1.3)
        self.totals.setFont(totals_font)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Sets done per exercise"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Exercise"), self.tr("Sets"), self.tr("Held"), self.tr("Reps")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel(self.tr(
            "Every finished set is saved. Stretch gently, drink some water, and rest a day "
            "before the next session."))
        self.note.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back to routines"))
        self.back_button.setAccessibleName(self.tr("Back to routines"))
        self.history_button = QPushButton(self.tr("See your history"))
        self.history_button.setAccessibleName(self.tr("See your history"))
        self.back_button.clicked.connect(self.leave_requested)
        self.history_button.clicked.connect(self.history_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)

    def show_result(self, finished: SessionFinished, session: Session) -> None:
        totals = finished.totals
        completed = finished.status is SessionStatus.COMPLETED
        self.title.setText(self.tr("Session complete. Well done!") if completed
                           else self.tr("Session ended early"))
        parts = [
            self.tr("{0} of {1} sets").format(totals.sets_done, totals.sets_planned),
            self.tr("{0} in total").format(_duration(finished.elapsed_s)),
        ]
        if totals.hold_s:
            parts.append(self.tr("{0} held").format(_duration(totals.hold_s)))
        if totals.reps:
            parts.append(self.tr("{0} reps").format(totals.reps))
        self.totals.setText(" · ".join(parts))
        self.table.setRowCount(0)
        for row, item in enumerate(totals.per_exercise):
            self.table.insertRow(row)
            values = [
                self.library.name_of(item.exercise_id),
                f"{item.sets_done} / {item.sets_planned}",
                _duration(item.hold_s) if item.hold_s else "–",
                str(item.reps) if item.reps else "–",
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, cell)
