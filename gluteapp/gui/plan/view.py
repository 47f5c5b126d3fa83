"""This week at a glance: sessions done against the goal, the routine next, and the check-in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.exercises import Library
from gluteapp.core.felt import FeltElsewhere
from gluteapp.core.plan import CheckIn, Fortnight, WeekPlan
from gluteapp.core.records import Side
from gluteapp.core.routines import MEDIUS_PAIR
from gluteapp.core.sides import SideFinding
from gluteapp.gui.player.dose_plan import region_word, side_word
from gluteapp.gui.words import decimal

DONE_COLOUR = "#3a8f7a"


def _card(title: str, object_name: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(object_name)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setSpacing(8)
    heading = QLabel(title)
    font = heading.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.25)
    heading.setFont(font)
    layout.addWidget(heading)
    return frame, layout


class DayStrip(QWidget):
    """Monday to Sunday, with the days a session was done filled in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(6)
        self.days: list[QLabel] = []
        for _ in range(7):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumSize(56, 44)
            self.days.append(label)
            self.layout_.addWidget(label)
        self.layout_.addStretch(1)

    def show_week(self, monday: date, done: tuple[date, ...], today: date) -> None:
        locale = QLocale()
        for offset, label in enumerate(self.days):
            day = monday + timedelta(days=offset)
            name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            is_done = day in done
            label.setText(f"{name}\n{'✓' if is_done else '·'}")
            border = "2px solid palette(highlight)" if day == today else "1px solid #8a8a8a"
            background = f"background: {DONE_COLOUR}; color: white;" if is_done else ""
            label.setStyleSheet(f"border: {border}; border-radius: 6px; {background}")
            label.setAccessibleName(
                self.tr("{0}: session done").format(name) if is_done
                else self.tr("{0}: no session").format(name))


class PlanView(QWidget):
    """The Plan area. Reads the history through `load` each time it is shown after a change."""

    start_routine_requested = Signal(str)  # routine id

    def __init__(self, library: Library, routine_name: Callable[[str], str],
                 load: Callable[[date], tuple[WeekPlan, CheckIn | None, SideFinding | None,
                                              list[FeltElsewhere]]],
                 today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_view")
        self.library = library
        self._routine_name = routine_name
        self._load = load
        self._today = today
        self._dirty = True
        self._shown_on: date | None = None
        self.plan: WeekPlan | None = None

        title = QLabel(self.tr("This week"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.8)
        title.setFont(font)

        week_card, week = _card(self.tr("Sessions this week"), "week_card")
        self.week_text = QLabel()
        self.week_text.setObjectName("week_text")
        self.week_text.setWordWrap(True)
        big = self.week_text.font()
        big.setPointSizeF(big.pointSizeF() * 1.3)
        self.week_text.setFont(big)
        self.day_strip = DayStrip()
        week.addWidget(self.week_text)
        week.addWidget(self.day_strip)

        next_card, nxt = _card(self.tr("Next session"), "next_card")
        self.next_name = QLabel()
        self.next_name.setObjectName("next_name")
        name_font = self.next_name.font()
        name_font.setBold(True)
        name_font.setPointSizeF(name_font.pointSizeF() * 1.3)
        self.next_name.setFont(name_font)
        self.next_text = QLabel()
        self.next_text.setObjectName("next_text")
        self.next_text.setWordWrap(True)
        next_words = QVBoxLayout()
        next_words.addWidget(self.next_name)
        next_words.addWidget(self.next_text)
        self.next_button = QPushButton(self.tr("Start it"))
        self.next_button.setObjectName("start_next")
        self.next_button.setMinimumHeight(44)
        self.next_button.clicked.connect(self._start_next)
        row = QHBoxLayout()
        row.addLayout(next_words, 1)
        row.addWidget(self.next_button)
        nxt.addLayout(row)

        self.notes_card, notes = _card(self.tr("What your sessions show"), "notes_card")
        self.notes_text = QLabel()
        self.notes_text.setObjectName("notes_text")
        self.notes_text.setWordWrap(True)
        notes.addWidget(self.notes_text)

        self.check_card, check = _card(self.tr("Check-in"), "check_card")
        self.check_text = QLabel()
        self.check_text.setObjectName("check_text")
        self.check_text.setWordWrap(True)
        self.check_grid = QGridLayout()
        self.check_grid.setHorizontalSpacing(32)
        self.check_grid.setColumnStretch(3, 1)
        check.addWidget(self.check_text)
        check.addLayout(self.check_grid)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(week_card)
        layout.addWidget(next_card)
        layout.addWidget(self.notes_card)
        layout.addWidget(self.check_card)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- data -------------------------------------------------------------------------------
    def mark_dirty(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty or self.plan is None or self._shown_on != self._today():
            self.refresh()

    def refresh(self) -> None:
        today = self._today()
        self._shown_on = today
        plan, check, side, felt = self._load(today)
        self._dirty = False
        self.plan = plan
        self._show_week(plan, today)
        self._show_notes(side, felt)
        self._show_check_in(check)

    def _show_week(self, plan: WeekPlan, today: date) -> None:
        if plan.met:
            text = self.tr("{0} of {1} done: this week's goal is met. Well done.").format(
                plan.done, plan.goal)
        elif plan.on_track:
            text = self.tr("{0} of {1} done; {2} to go, with %n days left this week.", "",
                           plan.days_left).format(plan.done, plan.goal, plan.remaining)
        else:
            text = self.tr(
                "{0} of {1} done, with %n days left this week. One session a day is plenty; "
                "the count starts again on Monday.", "", plan.days_left).format(plan.done,
                                                                              plan.goal)
        self.week_text.setText(text)
        self.day_strip.show_week(plan.week_start, plan.days_done, today)
        name = self._routine_name(plan.next_routine_id)
        self.next_name.setText(name)
        if plan.next_routine_id in MEDIUS_PAIR:
            self.next_text.setText(self.tr(
                "The two gluteus medius routines take turns, so each gets a few days' rest "
                "before it comes round again."))
        else:
            self.next_text.setText(self.tr(
                "The gluteus medius routine due next needs equipment you did not list, so this "
                "one fits what you have at hand. You can change your equipment in Settings."))

    def _show_notes(self, side: SideFinding | None, felt: list[FeltElsewhere]) -> None:
        lines = []
        if side is not None:
            other = Side.RIGHT if side.weaker is Side.LEFT else Side.LEFT
            lines.append(self.tr(
                "Your {0} side has stayed about {1:.0f} % behind your {2} side over the last "
                "three sessions. One-sided exercises start on the {0} side, and the plan before "
                "each session offers it an extra set.").format(
                side_word(side.weaker), side.gap_percent, side_word(other)))
        for warning in felt:
            lines.append(self.tr(
                "{0} is mostly felt in the {1} ({2:.0f} % of recent rated sets). Its cautions "
                "and an easier choice are shown before the next session.").format(
                self.library.name_of(warning.exercise_id), region_word(warning.region),
                warning.share * 100))
        self.notes_text.setText("\n\n".join(lines))
        self.notes_card.setVisible(bool(lines))

    def _show_check_in(self, check: CheckIn | None) -> None:
        while self.check_grid.count():
            item = self.check_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if check is None:
            self.check_text.setText(self.tr(
                "After four weeks, this compares your first fortnight with your latest one."))
            return
        if check.due:
            intro = self.tr("Week {0}: time for your check-in. Here is how your first fortnight "
                            "compares with the latest.").format(check.weeks)
        else:
            intro = self.tr("Week {0}: your first fortnight against the latest.").format(
                check.weeks)
        self.check_text.setText(intro)
        headers = ["", self.tr("First fortnight"), self.tr("Latest fortnight")]
        rows: list[list[str]] = [
            [self.tr("Sessions"), str(check.first.sessions), str(check.latest.sessions)],
            [self.tr("Sets"), str(check.first.sets), str(check.latest.sets)],
            [self.tr("Average pain (0-10)"), _number(check.first.mean_pain),
             _number(check.latest.mean_pain)],
            [self.tr("Felt in the glutes"), _share(check.first), _share(check.latest)],
        ]
        for change in check.changes[:6]:
            unit = self._unit(change.exercise_id)
            rows.append([
                self.tr("{0}, best set").format(self.library.name_of(change.exercise_id)),
                f"{change.first:.0f} {unit}",
                f"{change.latest:.0f} {unit} ({change.change_percent:+.0f} %)",
            ])
        for column, text in enumerate(headers):
            label = QLabel(text)
            bold = label.font()
            bold.setBold(True)
            label.setFont(bold)
            self.check_grid.addWidget(label, 0, column)
        for row, values in enumerate(rows, start=1):
            for column, text in enumerate(values):
                self.check_grid.addWidget(QLabel(text), row, column)

    def _unit(self, exercise_id: str) -> str:
        exercise = self.library.get(exercise_id)
        if exercise is not None and exercise.dosage.hold_s is not None:
            return self.tr("s")
        return self.tr("reps")

    def _start_next(self) -> None:
        if self.plan is not None:
            self.start_routine_requested.emit(self.plan.next_routine_id)


def _number(value: float | None) -> str:
    return "–" if value is None else decimal(value)  # "2,5" in German


def _share(fortnight: Fortnight) -> str:
    return "–" if fortnight.glute_share is None else f"{fortnight.glute_share * 100:.0f} %"
