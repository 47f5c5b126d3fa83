"""The History area: adherence, progress, sides, pain and felt-in charts, and the past sessions."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, tzinfo
from pathlib import Path

import numpy as np
import PySide6  # noqa: F401 - imported before pyqtgraph so it cannot pick another binding
from PySide6.QtCore import QEvent, QLocale, QSignalBlocker, QSize, QStandardPaths, Qt
from PySide6.QtGui import QFont, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.exercises import Library
from gluteapp.core.felt import felt_in_by_exercise
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.stats import (
    DEFAULT_GOAL_PER_WEEK,
    Aggregate,
    HistoryRange,
    Measure,
    Streaks,
    Summary,
    WeekCount,
    activity_calendar,
    exercise_progress,
    exercises_done,
    felt_in_over_time,
    has_sides,
    measure_for,
    pain_over_time,
    range_start,
    rolling_mean,
    sessions_in_range,
    sessions_per_week,
    side_balance,
    summarize,
    week_streaks,
)
from gluteapp.gui.history.charts import (
    ActivityCalendar,
    ChartColors,
    ChartPanel,
    ProgressChart,
    RatioChart,
    SidesChart,
    TimeChart,
    TrendChart,
    WeeklyChart,
    timestamps,
    trend_window,
)
from gluteapp.gui.history.sessions_model import SessionTreeModel
from gluteapp.gui.history_service import HistoryService
from gluteapp.gui.words import dosage_words
from gluteapp.storage import StorageError

log = logging.getLogger(__name__)

CHART_NAMES = (
    "sessions_per_week", "activity", "pain", "felt_in", "progress", "exercise_felt_in", "sides",
    "ratio",
)


class StatCard(QFrame):
    """A headline number with a caption under it."""

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"card_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        self.value.setObjectName(f"card_{name}_value")
        font = QFont(self.value.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        # As tall as the row, so a caption that wraps (as German ones do) leaves no ragged edge.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_value(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{self.caption.text()}: {value}. {detail}".strip())


class HistoryView(QWidget):
    """Charts and the session list for a chosen range; refreshes when the history changes.

    Reads only the range on show (the store's index on start time keeps that cheap), so a long
    history costs what the chosen range costs. "All" reads everything.
    """

    def __init__(
        self,
        service: HistoryService,
        library: Library,
        goal_per_week: int = DEFAULT_GOAL_PER_WEEK,
        *,
        today: Callable[[], date] | None = None,
        tz: tzinfo | None = None,
        history_range: HistoryRange = HistoryRange.THREE_MONTHS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_view")
        self._service = service
        self._library = library
        self._goal = goal_per_week
        self._today = today or date.today
        self._tz = tz
        self._range = HistoryRange(history_range)
        self._dirty = False
        self._refreshed_on: date | None = None
        self._sessions: list[SessionRecord] = []
        self._weeks: list[WeekCount] = []
        self._has_history = False
        self._panels: dict[str, ChartPanel] = {}

        self._build()
        self._apply_colors()
        service.history_changed.connect(self._history_changed)
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self._range_group = QButtonGroup(self)
        self._range_group.setExclusive(True)
        range_row = QHBoxLayout()
        range_row.setSpacing(0)
        show = QLabel(self.tr("Show:"))
        range_row.addWidget(show)
        range_row.addSpacing(8)
        labels = {
            HistoryRange.FOUR_WEEKS: (self.tr("4 weeks"), self.tr("Show the last 4 weeks")),
            HistoryRange.THREE_MONTHS: (self.tr("3 months"), self.tr("Show the last 3 months")),
            HistoryRange.YEAR: (self.tr("A year"), self.tr("Show the last year")),
            HistoryRange.ALL: (self.tr("All"), self.tr("Show the whole history")),
        }
        self._range_buttons: dict[HistoryRange, QPushButton] = {}
        for history_range, (text, accessible) in labels.items():
            button = QPushButton(text)
            button.setObjectName(f"range_{history_range.value}")
            button.setCheckable(True)
            button.setAccessibleName(accessible)
            button.setToolTip(accessible)
            button.setChecked(history_range is self._range)
            button.setProperty("history_range", history_range.value)
            self._range_group.addButton(button)
            self._range_buttons[history_range] = button
            range_row.addWidget(button)
        self._range_group.buttonClicked.connect(self._range_clicked)
        show.setBuddy(self._range_buttons[self._range])

        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("export_csv")
        self.export_button.setAccessibleName(self.tr("Export every set as a CSV file"))
        self.export_button.setToolTip(self.export_button.accessibleName())
        self.export_button.clicked.connect(self._ask_export_csv)
        self.report_button = QPushButton(self.tr("Report for your physiotherapist (PDF)…"))
        self.report_button.setObjectName("export_report")
        self.report_button.setAccessibleName(
            self.tr("Save a PDF report of this period for your physiotherapist")
        )
        self.report_button.setToolTip(self.report_button.accessibleName())
        self.report_button.clicked.connect(self._ask_report)

        self.status = QLabel()
        self.status.setObjectName("history_status")
        self.status.setWordWrap(True)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        header = QHBoxLayout()
        header.addLayout(range_row)
        header.addSpacing(16)
        header.addWidget(self.status, 1)
        header.addWidget(self.export_button)
        header.addWidget(self.report_button)

        self._pages = QStackedWidget()
        self._pages.addWidget(self._build_empty_state())
        self._tabs = QTabWidget()
        self._tabs.setObjectName("history_tabs")
        self._tabs.setAccessibleName(self.tr("History sections"))
        self._tabs.setDocumentMode(True)
        self._tabs.addTab(self._build_overview(), self.tr("Overview"))
        self._tabs.addTab(self._build_exercises(), self.tr("Exercises"))
        self._tabs.addTab(self._build_sessions(), self.tr("Sessions"))
        self._pages.addWidget(self._tabs)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self._pages, 1)

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName("history_empty")
        self.empty_title = QLabel(self.tr("No sessions yet — your first session will show up here"))
        self.empty_title.setObjectName("empty_title")
        font = QFont(self.empty_title.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_title.setWordWrap(True)
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr(
                "Start a routine from Sessions. Every set you complete is saved at once, and "
                "here you will see sessions per week against your goal of {0}, your holds and "
                "reps, left against right, and how the exercises felt."
            ).format(self._goal)
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setMaximumWidth(560)
        # Centred by stretches, not an alignment flag: a word-wrapped label given an alignment
        # in a layout loses its height-for-width and gets clipped.
        hint_row = QHBoxLayout()
        hint_row.addStretch(1)
        hint_row.addWidget(hint, 4)
        hint_row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.empty_title)
        layout.addSpacing(8)
        layout.addLayout(hint_row)
        layout.addStretch(2)
        return page

    def _panel(self, name: str, title: str, chart: QWidget) -> ChartPanel:
        panel = ChartPanel(
            name,
            title,
            chart,
            self.tr("Save PNG…"),
            self.tr("Save the chart “{0}” as a PNG image").format(title),
        )
        panel.save_requested.connect(self._ask_save_chart)
        self._panels[name] = panel
        return panel

    def _build_overview(self) -> QWidget:
        page = QWidget()
        self.cards = {
            "this_week": StatCard("this_week", self.tr("This week")),
            "weeks_met": StatCard("weeks_met", self.tr("Weeks at your goal")),
            "streak": StatCard("streak", self.tr("Current streak")),
            "active_days": StatCard("active_days", self.tr("Active days")),
            "sessions": StatCard("sessions", self.tr("Sessions")),
        }
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)

        self.weekly_chart = WeeklyChart(self.tr("Sessions"), self.tr("Goal: {0} a week"))
        self.calendar = ActivityCalendar(
            [QLocale().dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8)]
        )
        self.calendar.tooltip_format = self.tr("{day}: {count} session(s)")
        self.pain_chart = TrendChart(
            self.tr("Pain (0–10)"),
            (0, 10),
            self.tr("Session average"),
            self.tr("Trend"),
            self.tr("Session worst"),
        )
        self.pain_chart.set_role("pain")
        self.felt_chart = TrendChart(
            self.tr("% of rated sets"),
            (0, 100),
            self.tr("Session"),
            self.tr("Trend"),
            legend_at_bottom=True,
        )
        self.felt_chart.set_role("glutes")

        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(
            self._panel("sessions_per_week", self.tr("Sessions per week"), self.weekly_chart), 0, 0
        )
        grid.addWidget(self._panel("activity", self.tr("Active days"), self.calendar), 0, 1)
        grid.addWidget(self._panel("pain", self.tr("Pain during sets"), self.pain_chart), 1, 0)
        grid.addWidget(
            self._panel("felt_in", self.tr("Sets felt in the glutes"), self.felt_chart), 1, 1
        )
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(cards)
        layout.addLayout(grid, 1)
        return page

    def _build_exercises(self) -> QWidget:
        page = QWidget()
        self.exercise_picker = QComboBox()
        self.exercise_picker.setObjectName("exercise_picker")
        self.exercise_picker.setAccessibleName(self.tr("Exercise"))
        self.exercise_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.exercise_picker.setMinimumContentsLength(24)
        self.exercise_picker.currentIndexChanged.connect(self._show_exercise)
        self.aggregate_picker = QComboBox()
        self.aggregate_picker.setObjectName("aggregate_picker")
        self.aggregate_picker.setAccessibleName(self.tr("Per session, show"))
        self.aggregate_picker.addItem(self.tr("Best set"), Aggregate.BEST.value)
        self.aggregate_picker.addItem(self.tr("Average of the sets"), Aggregate.MEAN.value)
        self.aggregate_picker.currentIndexChanged.connect(self._show_exercise)
        exercise_label = QLabel(self.tr("Exercise:"))
        exercise_label.setBuddy(self.exercise_picker)
        aggregate_label = QLabel(self.tr("Per session, show:"))
        aggregate_label.setBuddy(self.aggregate_picker)
        self.dose_label = QLabel()
        self.dose_label.setObjectName("dose_label")
        self.dose_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        pickers = QHBoxLayout()
        pickers.addWidget(exercise_label)
        pickers.addWidget(self.exercise_picker)
        pickers.addSpacing(16)
        pickers.addWidget(aggregate_label)
        pickers.addWidget(self.aggregate_picker)
        pickers.addSpacing(16)
        pickers.addWidget(self.dose_label, 1)

        self.progress_chart = ProgressChart(
            self.tr("Seconds held"), self.tr("Done"), self.tr("Target")
        )
        self.sides_chart = SidesChart(self.tr("Seconds held"), self.tr("Left"), self.tr("Right"))
        self.ratio_chart = RatioChart(self.tr("Left ÷ right"), self.tr("even"))
        self.exercise_felt_chart = TrendChart(
            self.tr("% of rated sets"),
            (0, 100),
            self.tr("Session"),
            self.tr("Trend"),
            legend_at_bottom=True,
        )
        self.exercise_felt_chart.set_role("glutes")
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self._panel("progress", self.tr("Progress"), self.progress_chart), 0, 0)
        grid.addWidget(
            self._panel("exercise_felt_in", self.tr("Felt in the glutes"),
                        self.exercise_felt_chart), 0, 1
        )
        grid.addWidget(self._panel("sides", self.tr("Left and right"), self.sides_chart), 1, 0)
        grid.addWidget(
            self._panel("ratio", self.tr("Left : right ratio (1 = even)"), self.ratio_chart), 1, 1
        )
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(pickers)
        layout.addLayout(grid, 1)
        return page

    def _build_sessions(self) -> QWidget:
        self.sessions_model = SessionTreeModel(self._exercise_name, self._measure_of, self)
        self.sessions_tree = QTreeView()
        self.sessions_tree.setObjectName("sessions_tree")
        self.sessions_tree.setAccessibleName(self.tr("Past sessions and their sets"))
        self.sessions_tree.setModel(self.sessions_model)
        self.sessions_tree.setUniformRowHeights(True)
        self.sessions_tree.setAlternatingRowColors(True)
        self.sessions_tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sessions_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.sessions_tree.header()
        header.setStretchLastSection(True)
        metrics = self.sessions_tree.fontMetrics()
        widths = {
            SessionTreeModel.WHEN: "Wed 30 Sep 2025, 18:05 ",
            SessionTreeModel.WHAT: "Side-lying hip abduction, set 3, both sides",
            SessionTreeModel.STATUS: "Interrupted (can be resumed)",
            SessionTreeModel.RESULT: "19 sets, 22 min ",
            SessionTreeModel.PAIN: "avg 10.0, max 10",
            SessionTreeModel.FELT_IN: "glutes in 12 of 12 ",
        }
        for column, sample in widths.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 36)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return self.sessions_tree

    # -- public ----------------------------------------------------------------------------

    @property
    def history_range(self) -> HistoryRange:
        return self._range

    @property
    def weeks(self) -> list[WeekCount]:
        """The weeks the sessions-per-week chart shows."""
        return list(self._weeks)

    @property
    def sessions(self) -> list[SessionRecord]:
        """The sessions of the current range, oldest first."""
        return list(self._sessions)

    @property
    def showing_empty_state(self) -> bool:
        return self._pages.currentIndex() == 0

    def chart(self, name: str) -> ChartPanel:
        return self._panels[name]

    def set_range(self, history_range: HistoryRange) -> None:
        history_range = HistoryRange(history_range)
        button = self._range_buttons[history_range]
        if not button.isChecked():
            with QSignalBlocker(button):
                button.setChecked(True)
        if history_range is self._range:
            return
        self._range = history_range
        self.refresh()

    def _range_clicked(self, button: QAbstractButton) -> None:
        self.set_range(HistoryRange(button.property("history_range")))

    def set_goal(self, goal_per_week: int) -> None:
        self._goal = goal_per_week
        self.refresh()

    def select_exercise(self, exercise_id: str) -> bool:
        index = self.exercise_picker.findData(exercise_id)
        if index >= 0:
            self.exercise_picker.setCurrentIndex(index)
        return index >= 0

    def refresh(self) -> None:
        """Read the range from the store and feed every chart."""
        self._dirty = False
        today = self._today()
        self._refreshed_on = today
        try:
            self._has_history = self._history_has_sets()
            loaded = self._load(today) if self._has_history else []
        except (StorageError, sqlite3.Error) as error:
            log.error("could not read the history: %s", error)
            self.status.setText(self.tr("Could not read your history: {0}").format(error))
            return
        self._sessions = sessions_in_range(loaded, self._range, today, self._tz)
        self._weeks = sessions_per_week(self._sessions, today, self._range, self._goal, self._tz)
        self._pages.setCurrentIndex(1 if self._has_history else 0)
        for button in (self.export_button, self.report_button, *self._range_buttons.values()):
            button.setEnabled(self._has_history)
        self.sessions_model.set_sessions(self._sessions)
        if self.sessions_model.rowCount():
            self.sessions_tree.expand(self.sessions_model.index(0, 0))  # the latest, opened
        if not self._has_history:
            return
        self._show_overview(today)
        self._fill_exercise_picker()
        self._show_exercise()

    def save_chart(self, name: str, path: Path | str) -> Path:
        """Save one chart (see CHART_NAMES) as a PNG the size of the chart on screen."""
        path = Path(path)
        pixmap = self._panels[name].chart.grab()
        if not pixmap.save(str(path), "PNG"):
            raise OSError(f"could not write the image {path}")
        return path

    def export_csv_to(self, path: Path | str) -> int:
        from gluteapp.storage.export import export_csv

        count = export_csv(self._service.store, path)
        self.status.setText(self.tr("Exported {0} sets to {1}").format(count, path))
        return count

    def write_report_to(self, path: Path | str) -> Path:
        from gluteapp.gui.history.report import write_report

        written = write_report(
            path,
            self._sessions,
            self._library,
            goal_per_week=self._goal,
            history_range=self._range,
            today=self._today(),
            tz=self._tz,
        )
        self.status.setText(self.tr("Saved the report to {0}").format(written))
        return written

    # -- reading ---------------------------------------------------------------------------

    def _history_has_sets(self) -> bool:
        sets = self._service.store.all_sets()
        try:
            return next(sets, None) is not None
        finally:
            close = getattr(sets, "close", None)  # a generator: release its cursor now
            if close is not None:
                close()

    def _load(self, today: date) -> list[SessionRecord]:
        if self._range.weeks is None:
            return self._service.store.list_sessions()
        start = range_start(self._range, today)
        since = (
            datetime.combine(start, time(), self._tz)
            if self._tz
            else datetime.combine(start, time()).astimezone()
        )
        return self._service.store.list_sessions(since=since)

    def _exercise_name(self, exercise_id: str) -> str:
        return self._library.name_of(exercise_id)

    def _measure_of(self, exercise_id: str, sets: Sequence[StoredSet] = ()) -> Measure:
        return measure_for(self._library.get(exercise_id), sets)

    # -- feeding the charts -----------------------------------------------------------------

    def _show_overview(self, today: date) -> None:
        weeks = self._weeks
        self.weekly_chart.show_weeks(
            [w.start for w in weeks], [w.sessions for w in weeks], self._goal
        )
        start, end = weeks[0].start, today
        self.calendar.set_days(activity_calendar(self._sessions, start, end, self._tz), today)
        self._show_cards(week_streaks(weeks), summarize(weeks, self._sessions, self._tz))

        if not self._sessions:
            message = self.tr("No sessions in this period. Pick a longer range above.")
            for name in ("pain", "felt_in"):
                self._panels[name].show_message(message)
            return
        for chart in (self.pain_chart, self.felt_chart):
            chart.set_time_span(start, end)

        pain = pain_over_time(self._sessions)
        if pain:
            x = timestamps([p.started_at for p in pain])
            means = np.array([p.mean for p in pain])
            trend = np.array(rolling_mean(means.tolist(), trend_window(len(pain))))
            worst = np.array([float(p.max) for p in pain])
            self.pain_chart.show_trend(x, means, trend, worst)
            self._panels["pain"].show_chart()
        else:
            self._panels["pain"].show_message(self.tr("No set was rated for pain in this period."))

        felt = felt_in_over_time(self._sessions)
        if felt:
            x = timestamps([p.started_at for p in felt])
            shares = np.array([100.0 * p.glute_share for p in felt])
            trend = np.array(rolling_mean(shares.tolist(), trend_window(len(felt))))
            self.felt_chart.show_trend(x, shares, trend)
            self._panels["felt_in"].show_chart()
        else:
            self._panels["felt_in"].show_message(
                self.tr("No set was rated for where it was felt in this period.")
            )

    def _show_cards(self, streaks: Streaks, summary: Summary) -> None:
        self.cards["this_week"].set_value(
            self.tr("{0} of {1}").format(streaks.this_week_sessions, streaks.goal),
            self.tr("Goal met") if streaks.this_week_met else self.tr("sessions so far"),
        )
        self.cards["weeks_met"].set_value(
            self.tr("{0} of {1}").format(summary.weeks_met, summary.weeks),
            self.tr("{0:.1f} sessions a week on average").format(summary.sessions_per_week),
        )
        weeks_text = (
            self.tr("1 week")
            if streaks.current_weeks == 1
            else self.tr("{0} weeks").format(streaks.current_weeks)
        )
        limited = streaks.reaches_start and self._range is not HistoryRange.ALL
        self.cards["streak"].set_value(
            self.tr("at least {0}").format(weeks_text) if limited else weeks_text,
            self.tr("Longest in this period: {0}").format(streaks.longest_weeks),
        )
        self.cards["active_days"].set_value(
            str(summary.active_days), self.tr("{0} sets in all").format(summary.sets)
        )
        extra = []
        if summary.ended_early:
            extra.append(self.tr("{0} ended early").format(summary.ended_early))
        if summary.interrupted:
            extra.append(self.tr("{0} interrupted").format(summary.interrupted))
        self.cards["sessions"].set_value(
            str(summary.sessions), ", ".join(extra) if extra else self.tr("all completed")
        )

    def _fill_exercise_picker(self) -> None:
        current = self.exercise_picker.currentData()
        with QSignalBlocker(self.exercise_picker):
            self.exercise_picker.clear()
            for exercise_id, sets in exercises_done(self._sessions):
                self.exercise_picker.addItem(
                    self.tr("{0} ({1} sets)").format(self._exercise_name(exercise_id), sets),
                    exercise_id,
                )
            index = self.exercise_picker.findData(current) if current is not None else -1
            self.exercise_picker.setCurrentIndex(
                max(0, index) if self.exercise_picker.count() else -1
            )

    def _show_exercise(self) -> None:
        exercise_id = self.exercise_picker.currentData()
        panels = [self._panels[name] for name in ("progress", "sides", "ratio")]
        if exercise_id is None:
            for panel in panels:
                panel.show_message(self.tr("No exercises done in this period."))
            self.dose_label.clear()
            return
        aggregate = Aggregate(self.aggregate_picker.currentData() or Aggregate.BEST.value)
        sets = [st for s in self._sessions for st in s.sets if st.exercise_id == exercise_id]
        measure = self._measure_of(exercise_id, sets)
        unit = self.tr("Seconds held") if measure is Measure.HOLD else self.tr("Reps")
        name = self._exercise_name(exercise_id)
        exercise = self._library.get(exercise_id)
        self.dose_label.setText(
            self.tr("Prescribed in the library: {0}").format(
                dosage_words(exercise.dosage, exercise.per_side)
            )
            if exercise is not None
            else ""
        )
        start, end = self._weeks[0].start, self._today()

        progress = exercise_progress(self._sessions, exercise_id, measure, aggregate)
        if progress:
            self.progress_chart.set_y_label(unit)
            self.progress_chart.set_time_span(start, end)
            x = timestamps([p.started_at for p in progress])
            values = np.array([p.value for p in progress])
            targets = np.array([np.nan if p.target is None else p.target for p in progress])
            self.progress_chart.show_points(x, values, targets)
            panels[0].show_chart()
        else:
            panels[0].show_message(self.tr("No measured sets of {0} in this period.").format(name))

        self._show_exercise_felt(exercise_id, name, start, end)

        if not has_sides(self._sessions, exercise_id):
            text = self.tr(
                "{0} works both sides at once, so there is no left and right to compare. "
                "Pick a one-sided exercise, such as a side plank or a clamshell."
            ).format(name)
            panels[1].show_message(text)
            panels[2].show_message(text)
            return
        sides = side_balance(self._sessions, exercise_id, measure, aggregate)
        x = timestamps([p.started_at for p in sides])
        left = np.array([np.nan if p.left is None else p.left for p in sides])
        right = np.array([np.nan if p.right is None else p.right for p in sides])
        ratio = np.array([np.nan if p.ratio is None else p.ratio for p in sides])
        self.sides_chart.set_y_label(unit)
        for chart in (self.sides_chart, self.ratio_chart):
            chart.set_time_span(start, end)
        self.sides_chart.show_sides(x, left, right)
        panels[1].show_chart()
        if np.isfinite(ratio).any():
            self.ratio_chart.show_ratio(x, ratio)
            panels[2].show_chart()
        else:
            panels[2].show_message(self.tr("No session with both sides measured in this period."))

    def _show_exercise_felt(self, exercise_id: str, name: str, start: date, end: date) -> None:
        """The share of this exercise's rated sets felt in the glutes, session by session."""
        panel = self._panels["exercise_felt_in"]
        points = [
            p for p in felt_in_by_exercise(self._sessions, self._tz).get(exercise_id, [])
            if p.glute_share is not None
        ]
        if not points:
            panel.show_message(
                self.tr("No set of {0} was rated for where it was felt in this period.").format(
                    name))
            return
        self.exercise_felt_chart.set_time_span(start, end)
        x = timestamps([datetime.combine(p.day, time(12)).astimezone() for p in points])
        shares = np.array([100.0 * (p.glute_share or 0.0) for p in points])
        trend = np.array(rolling_mean(shares.tolist(), trend_window(len(points))))
        self.exercise_felt_chart.show_trend(x, shares, trend)
        panel.show_chart()

    # -- theme, visibility, dialogs -------------------------------------------------------

    def _apply_colors(self) -> None:
        colors = ChartColors.from_palette(self.palette())
        for chart in self._time_charts():
            chart.apply_colors(colors)
        self.calendar.update()

    def _time_charts(self) -> list[TimeChart]:
        return [
            self.weekly_chart,
            self.pain_chart,
            self.felt_chart,
            self.progress_chart,
            self.exercise_felt_chart,
            self.sides_chart,
            self.ratio_chart,
        ]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
            if self._has_history:
                # Bar and marker colours are chosen when data is fed.
                self.refresh()

    def _history_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Also after midnight: "this week" and the ranges are counted from today.
        if self._dirty or self._refreshed_on != self._today():
            self.refresh()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _documents_dir(self) -> Path:
        return Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )

    def _ask_save_chart(self, name: str) -> None:
        default = self._documents_dir() / f"gluteapp-{name.replace('_', '-')}-{self._today()}.png"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart as PNG"), str(default), self.tr("PNG images (*.png)")
        )
        if not path:
            return
        try:
            self.save_chart(name, path)
        except OSError as error:
            self.status.setText(self.tr("Could not save the chart: {0}").format(error))
        else:
            self.status.setText(self.tr("Saved the chart to {0}").format(path))

    def _ask_export_csv(self) -> None:
        default = self._documents_dir() / f"gluteapp-history-{self._today()}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export history as CSV"), str(default), self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        try:
            self.export_csv_to(path)
        except (StorageError, OSError, sqlite3.Error) as error:
            self.status.setText(self.tr("Could not export: {0}").format(error))

    def _ask_report(self) -> None:
        default = self._documents_dir() / f"gluteapp-report-{self._today()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report as PDF"), str(default), self.tr("PDF documents (*.pdf)")
        )
        if not path:
            return
        try:
            self.write_report_to(path)
        except OSError as error:
            self.status.setText(self.tr("Could not save the report: {0}").format(error))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(1100, 720)
