"""What a finished session achieved, shown when it ends."""

from __future__ import annotations

from collections.abc import Sequence

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

from gluteapp.core.engine import Session, SessionFinished, SetCompleted
from gluteapp.core.exercises import Library, Mode
from gluteapp.core.records import CompletedSet, SessionStatus
from gluteapp.core.routines import RoutineStep, step_variation
from gluteapp.core.stats import sets_done, standing_sets

#: A set as the summary counts it: done in this run, or saved before an interruption.
Done = SetCompleted | CompletedSet


def _duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60} min {whole % 60:02d} s" if whole >= 60 else f"{whole} s"


def _held_and_reps(recorded: Sequence[Done]) -> tuple[float, int]:
    """Seconds held and reps done, a set redone after Back counted once (its later record)."""
    standing = standing_sets(recorded)
    return (sum(s.achieved_hold_s or 0.0 for s in standing),
            sum(s.achieved_reps or 0 for s in standing))


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
        self.hurts = QLabel()
        self.hurts.setObjectName("summary_hurts")
        self.hurts.setWordWrap(True)
        self.hurts.setTextFormat(Qt.TextFormat.PlainText)
        self.hurts.hide()
        self.note = QLabel()
        self.note.setObjectName("summary_note")
        self.note.setWordWrap(True)
        self.show_unsaved(0)
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
        layout.addWidget(self.hurts)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self._layout = layout

    def show_hurts(self, lines: Sequence[str]) -> None:
        """Every "It hurts" of the session and what was chosen; hidden when there was none."""
        self.hurts.setText("\n".join([self.tr("It hurt:"), *(f"• {line}" for line in lines)])
                           if lines else "")
        self.hurts.setVisible(bool(lines))

    def add_panel(self, panel: QWidget) -> None:
        """Show `panel` under the table (the last set's rating, what hurt)."""
        self._layout.insertWidget(self._layout.indexOf(self.note), panel)

    def show_unsaved(self, count: int) -> None:
        """Say whether every finished set is in the history: never claim a save that waits."""
        advice = self.tr("Stretch gently, drink some water, and rest a day before the next "
                         "session.")
        if count == 0:
            saved = self.tr("Every finished set is saved.")
        else:
            saved = self.tr("%n finished sets are not saved yet: they wait until the history "
                            "can be written again (see the message at the top).", "", count)
        self.note.setText(f"{saved} {advice}")

    @staticmethod
    def _step(session: Session, step_index: int) -> RoutineStep | None:
        steps = session.routine.steps
        return steps[step_index] if 0 <= step_index < len(steps) else None

    def _counts_steps(self, session: Session, step_index: int) -> bool:
        """Whether the step counts steps (squats with side steps), not reps."""
        step = self._step(session, step_index)
        return step is not None and step.mode is Mode.STEPS

    def _name(self, session: Session, step_index: int, exercise_id: str) -> str:
        """The exercise as the player named it: with the easier or harder version the step
        did, if any ("Side plank: From the knees")."""
        name = self.library.name_of(exercise_id)
        step = self._step(session, step_index)
        try:
            variation = step_variation(step, self.library) if step is not None else None
        except KeyError:  # a version this library no longer has: the exercise's own name
            variation = None
        return self.tr("{0}: {1}").format(name, variation.shown_name) if variation else name

    def show_result(self, finished: SessionFinished, session: Session,
                    earlier: Sequence[CompletedSet] = (), *, resumed: bool = False) -> None:
        """What the session did; `earlier` are the sets saved before it was interrupted and
        resumed (`resumed`), which count as they do in the History (the same session)."""
        totals = finished.totals
        # Sets done counted as the History counts them (core.stats), from the sets recorded.
        steps: list[tuple[int | None, Done]] = [
            (session.step_of(s.key), s) for s in earlier]
        steps += [(s.step_index, s) for s in session.completed_sets]
        recorded = [s for _, s in steps]
        per_step = [[s for step, s in steps if step == item.step_index]
                    for item in totals.per_exercise]
        step_totals = [_held_and_reps(step) for step in per_step]
        held = sum(step_held for step_held, _ in step_totals)
        # Side steps are counted as reps are, but they are steps: each row and the totals say so.
        counts_steps = [self._counts_steps(session, item.step_index)
                        for item in totals.per_exercise]
        reps = sum(count for (_, count), in_steps in zip(step_totals, counts_steps, strict=True)
                   if not in_steps)
        steps_done = sum(count for (_, count), in_steps in zip(step_totals, counts_steps,
                                                                 strict=True) if in_steps)
        done = sets_done(recorded)
        if finished.status is not SessionStatus.COMPLETED:
            self.title.setText(self.tr("Session ended early"))
        elif done < totals.sets_planned:  # the end reached with sets skipped or cut short
            self.title.setText(self.tr("Session finished. Well done!"))
        else:
            self.title.setText(self.tr("Session complete. Well done!"))
        parts = [
            self.tr("{0} of {1} sets").format(done, totals.sets_planned),
            # After a resume only this part was timed: it says so rather than pass for all.
            (self.tr("{0} since you resumed") if resumed else self.tr("{0} in total")).format(
                _duration(finished.elapsed_s)),
        ]
        if held:
            parts.append(self.tr("{0} held").format(_duration(held)))
        if reps:
            parts.append(self.tr("%n reps", "", reps))
        if steps_done:
            parts.append(self.tr("%n steps", "", steps_done))
        self.totals.setText(" · ".join(parts))
        self.table.setRowCount(0)
        rows = zip(totals.per_exercise, per_step, step_totals, counts_steps, strict=True)
        for row, (item, step, (step_held, step_reps), in_steps) in enumerate(rows):
            self.table.insertRow(row)
            count = (self.tr("%n steps", "", step_reps) if in_steps else str(step_reps)
                     ) if step_reps else "–"
            values = [
                self._name(session, item.step_index, item.exercise_id),
                f"{sets_done(step)} / {item.sets_planned}",
                _duration(step_held) if step_held else "–",
                count,
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, cell)
