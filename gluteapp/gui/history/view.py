"""The History area: adherence, progress, sides, pain and felt-in charts, and the past sessions."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
import PySide6  # noqa: F401 - imported before pyqtgraph so it cannot pick another binding
from PySide6.QtCore import QEvent, QLocale, QSignalBlocker, QSize, QStandardPaths, Qt
from PySide6.QtGui import QCloseEvent, QFont, QPalette, QShowEvent
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
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.exercises import Library
from gluteapp.core.history_digest import (
    ExerciseDigest,
    ExerciseTotal,
    SessionDigest,
    WeekDigest,
    digest_exercise_series,
    digest_range_stats,
    range_window,
    week_range_stats,
)
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.stats import (
    DEFAULT_GOAL_PER_WEEK,
    Aggregate,
    HistoryRange,
    Measure,
    RangeStats,
    Trend,
    WeekCount,
    measure_for,
    per_week,
    range_stats,
    week_start,
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
)
from gluteapp.gui.history.sessions_model import SessionTreeModel
from gluteapp.gui.history_service import ChangeKind, HistoryChange, HistoryService, StorageError
from gluteapp.gui.tabs import RoomyTabWidget
from gluteapp.gui.words import decimal, dosage_words

if TYPE_CHECKING:
    from gluteapp.gui.settings import Settings

log = logging.getLogger(__name__)

#: Weeks given to the active-days calendar at most: more than fit on any screen.
CALENDAR_WEEKS = 160

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
        self._released = False  # see release_charts
        self._refreshed_on: date | None = None
        # As read for the range: each session's digest and each exercise's totals, no sets.
        self._digests: list[SessionDigest] = []
        self._totals: list[ExerciseTotal] = []
        # A range that may be longer than core.stats.WEEKLY_AFTER_WEEKS reads a row a week
        # instead (None: it reads the sessions' digests).
        self._weeks: list[WeekDigest] | None = None
        self._per_week = False  # what was read and is shown: a point a week
        self._window: tuple[datetime | None, datetime] = (None, datetime.now().astimezone())
        self._exercise_rows: dict[str, list[ExerciseDigest]] = {}
        self._stats = range_stats([], library, self._range, self._today(), goal_per_week, tz)
        self._has_history = False
        self._settings: Settings | None = None
        self._panels: dict[str, ChartPanel] = {}
        self._exercise_stale = False  # the exercise's charts wait to be fed (see _show)
        self._list_stale = False  # the session list waits to be read (see _show)

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
            # The name is what the button says (a person may call it by that); this adds to it.
            button.setAccessibleDescription(accessible)
            button.setToolTip(accessible)
            button.setChecked(history_range is self._range)
            button.setProperty("history_range", history_range.value)
            bold = button.font()
            bold.setBold(True)
            button.setFont(bold)
            button.setMinimumWidth(button.sizeHint().width())  # no jump when it turns bold
            self._range_group.addButton(button)
            self._range_buttons[history_range] = button
            range_row.addWidget(button)
        self._mark_range()
        self._range_group.buttonClicked.connect(self._range_clicked)
        show.setBuddy(self._range_buttons[self._range])

        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("export_csv")
        self.export_button.setAccessibleDescription(self.tr("Export every set as a CSV file"))
        self.export_button.setToolTip(self.export_button.accessibleDescription())
        self.export_button.clicked.connect(self._ask_export_csv)
        self.report_button = QPushButton(self.tr("Report for your physiotherapist (PDF)…"))
        self.report_button.setObjectName("export_report")
        self.report_button.setAccessibleDescription(
            self.tr("Save a PDF report of this period for your physiotherapist")
        )
        self.report_button.setToolTip(self.report_button.accessibleDescription())
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
        self._tabs = RoomyTabWidget()  # room for the dots of Ü
        self._tabs.setObjectName("history_tabs")
        self._tabs.setAccessibleName(self.tr("History sections"))
        self._tabs.setDocumentMode(True)
        self._tabs.addTab(self._build_overview(), self.tr("Overview"))
        self._exercises_page = self._build_exercises()
        self._tabs.addTab(self._exercises_page, self.tr("Exercises"))
        self._sessions_page = self._build_sessions()
        self._tabs.addTab(self._sessions_page, self.tr("Sessions"))
        self._pages.addWidget(self._tabs)
        self._tabs.currentChanged.connect(self._tab_changed)
        self._tabs.switch_keys_in(self)

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
        self.empty_hint = hint = QLabel()
        self.empty_hint.setObjectName("empty_hint")
        self._show_empty_hint()
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

    def _show_empty_hint(self) -> None:
        self.empty_hint.setText(
            self.tr(
                "Start a routine from Sessions. Every set you complete is saved at once, and "
                "here you will see sessions per week against your goal of {0}, your holds and "
                "reps, left against right, and how the exercises felt."
            ).format(self._goal)
        )

    def _panel(self, name: str, title: str, chart: QWidget) -> ChartPanel:
        panel = ChartPanel(
            name,
            title,
            chart,
            self.tr("Save PNG…"),
            self.tr("Save PNG of the chart “{0}”").format(title),
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

        self.weekly_chart = WeeklyChart(
            self.tr("Sessions"), self.tr("Goal: {0} a week"),
            self.tr("Each bar is a month: the mean sessions a week of its weeks"))
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
        self.exercise_picker.currentIndexChanged.connect(self._exercise_picked)
        self.aggregate_picker = QComboBox()
        self.aggregate_picker.setObjectName("aggregate_picker")
        self.aggregate_picker.setAccessibleName(self.tr("Per session, show"))
        self.aggregate_picker.addItem(self.tr("Best set"), Aggregate.BEST.value)
        self.aggregate_picker.addItem(self.tr("Average of the sets"), Aggregate.MEAN.value)
        self.aggregate_picker.currentIndexChanged.connect(self._exercise_picked)
        exercise_label = QLabel(self.tr("Exercise:"))
        exercise_label.setBuddy(self.exercise_picker)
        self.aggregate_label = aggregate_label = QLabel(self.tr("Per session, show:"))
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
        self.sessions_model.more_wanted = self.sessions_tree.isVisible
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
        return list(self._stats.weeks)

    @property
    def sessions(self) -> list[SessionRecord]:
        """The sessions of the current range, oldest first."""
        return list(self._stats.sessions)

    @property
    def stats(self) -> RangeStats:
        """Everything shown for the current range, as `core.stats` prepared it."""
        return self._stats

    @property
    def goal(self) -> int:
        return self._goal

    @property
    def showing_empty_state(self) -> bool:
        return self._pages.currentIndex() == 0

    def chart(self, name: str) -> ChartPanel:
        self._feed_exercise()
        return self._panels[name]

    def set_range(self, history_range: HistoryRange) -> None:
        history_range = HistoryRange(history_range)
        button = self._range_buttons[history_range]
        if not button.isChecked():
            with QSignalBlocker(button):
                button.setChecked(True)
        self._mark_range()
        if history_range is self._range:
            return
        self._range = history_range
        self.refresh()

    def _mark_range(self) -> None:
        """The range shown says so in bold too: pressed alone, it was hardly darker than the
        others in the dark theme."""
        for button in self._range_buttons.values():
            font = button.font()
            font.setBold(button.isChecked())
            button.setFont(font)

    def _range_clicked(self, button: QAbstractButton) -> None:
        self.set_range(HistoryRange(button.property("history_range")))

    def set_goal(self, goal_per_week: int) -> None:
        """Judge the weeks against a new goal; the sessions already read are enough."""
        if goal_per_week == self._goal:
            return
        self._goal = goal_per_week
        self._show_empty_hint()
        if self._refreshed_on == self._today():
            self._show(self._refreshed_on)
        else:
            self.refresh()

    def follow_goal(self, settings: Settings) -> None:
        """Take the weekly goal from `settings` now and whenever it changes there."""
        from gluteapp.gui.settings import GOAL_PER_WEEK

        self._settings = settings
        self.set_goal(settings.get(GOAL_PER_WEEK))
        settings.changed.connect(self._on_setting_changed)

    def _on_setting_changed(self, key: str) -> None:
        from gluteapp.gui.settings import GOAL_PER_WEEK

        if self._settings is not None and key == GOAL_PER_WEEK.key:
            self.set_goal(self._settings.get(GOAL_PER_WEEK))

    def select_exercise(self, exercise_id: str) -> bool:
        index = self.exercise_picker.findData(exercise_id)
        if index >= 0:
            self.exercise_picker.setCurrentIndex(index)
            self._feed_exercise()
        return index >= 0

    def refresh(self) -> None:
        """Read the range from the history and feed every chart."""
        if self._released:
            return  # the window is going away; the charts are empty shells
        self._dirty = False
        today = self._today()
        self._refreshed_on = today
        try:
            self._has_history = self._service.has_sets()
            self._load(today)
        except StorageError as error:
            log.error("could not read the history: %s", error)
            self.status.setText(self.tr("Could not read your history: {0}").format(error))
            return
        self._show(today)

    def _show(self, today: date) -> None:
        """Prepare the range's numbers from the digests read and show them everywhere."""
        since, until = self._window

        def load_sessions() -> list[SessionRecord]:
            return self._service.list_sessions(since, until)

        stats = None
        if self._weeks is not None:
            stats = week_range_stats(self._weeks, self._totals, self._library,
                                     self._range, today, self._goal, self._tz,
                                     load_sessions=load_sessions)
            if stats is None:  # "All" of a short history: a point a session, from its digests
                try:
                    self._digests = self._service.session_digests(since, until)
                except StorageError as error:
                    self.status.setText(self.tr("Could not read your history: {0}").format(error))
                    return
                self._weeks = None
        self._per_week = stats is not None
        self._stats = stats or digest_range_stats(
            self._digests, self._totals, self._library, self._range, today, self._goal,
            self._tz, load_sessions=load_sessions,
        )
        self._name_points()
        self._pages.setCurrentIndex(1 if self._has_history else 0)
        for button in (self.export_button, self.report_button, *self._range_buttons.values()):
            button.setEnabled(self._has_history)
        # The list reads its sessions with their sets a page at a time, as it is scrolled, and
        # only once its tab is shown: a page is some 500 sets, 13-16 ms a range picked.
        self._list_stale = True
        if self._sessions_page.isVisible() or not self._has_history:
            self._show_list()
        if not self._has_history:
            return
        self._show_overview(self._stats)
        self._fill_exercise_picker()
        # The exercise's charts are fed when their tab is shown (or a chart asked for): opening
        # History shows the overview, and an exercise's years are a read of their own.
        self._exercise_stale = True
        if self._exercises_page.isVisible():
            self._show_exercise()
        else:
            self._settle_charts()

    def save_chart(self, name: str, path: Path | str) -> Path:
        """Save one chart (see CHART_NAMES) as a PNG the size of the chart on screen."""
        path = Path(path)
        self._feed_exercise()
        pixmap = self._panels[name].chart.grab()
        if not pixmap.save(str(path), "PNG"):
            raise OSError(f"could not write the image {path}")
        return path

    def export_csv_to(self, path: Path | str) -> int:
        """Export every set to CSV. Raises StorageError."""
        count = self._service.export_csv(Path(path))
        self.status.setText(self.tr("Exported %n sets to {0}", "", count).format(path))
        return count

    def write_report_to(self, path: Path | str) -> Path:
        """Write the PDF report of the range shown, from the same numbers. Raises OSError."""
        from gluteapp.gui.history.report import write_range_report

        try:  # the sessions with their sets are read now, for the report only
            written = write_range_report(path, self._stats, self._library)
        except StorageError as error:
            raise OSError(str(error)) from error
        self.status.setText(self.tr("Saved the report to {0}").format(written))
        return written

    # -- reading ---------------------------------------------------------------------------

    def _load(self, today: date) -> None:
        """Read the range's digests: one row per session and per exercise, never every set."""
        self._window = since, until = range_window(self._range, today, self._tz)
        self._exercise_rows = {}
        self._digests, self._totals, self._weeks = [], [], None
        if not self._has_history:
            return
        weeks = self._range.weeks
        if weeks is None or per_week(weeks):
            self._weeks = self._service.week_digests(since, until, self._tz)
        else:
            self._digests = self._service.session_digests(since, until)
        self._totals = self._service.exercise_totals(since, until, self._tz)

    def _exercise_digests(self, exercise_id: str) -> list[ExerciseDigest]:
        rows = self._exercise_rows.get(exercise_id)
        if rows is None:
            since, until = self._window
            if self._per_week:
                rows = self._service.exercise_weeks(exercise_id, since, until, self._tz)
            else:
                rows = self._service.exercise_digests(exercise_id, since, until)
            self._exercise_rows[exercise_id] = rows
        return rows

    def _exercise_name(self, exercise_id: str) -> str:
        return self._library.name_of(exercise_id)

    def _measure_of(self, exercise_id: str, sets: Sequence[StoredSet] = ()) -> Measure:
        return measure_for(self._library.get(exercise_id), sets)

    # -- feeding the charts -----------------------------------------------------------------

    def _show_overview(self, stats: RangeStats) -> None:
        weeks = stats.weeks
        self.weekly_chart.show_weeks(
            [w.start for w in weeks], [w.sessions for w in weeks], stats.goal
        )
        # Over more than two years a bar is a month: said where it is seen, not only on hover.
        self._panels["sessions_per_week"].title.setText(
            self.tr("Sessions per week, a bar a month") if self.weekly_chart.per_month
            else self.tr("Sessions per week"))
        # The latest weeks only: the calendar shows those that fit (some 40 at 1280 pixels, a
        # few more than 100 on the widest screens), and ten years are 3,652 days.
        first = week_start(stats.today) - timedelta(weeks=CALENDAR_WEEKS - 1)
        days = stats.calendar
        self.calendar.set_days(days[max(0, len(days) - (stats.today - first).days - 1):],
                               stats.today)
        self._show_cards(stats)

        if not stats.sessions:
            message = self.tr("No sessions in this period. Pick a longer range above.")
            for name in ("pain", "felt_in"):
                self._panels[name].show_message(message)
            return
        self._show_trend(
            "pain", self.pain_chart, stats.pain_trend,
            self.tr("No set was rated for pain in this period."),
        )
        self._show_trend(
            "felt_in", self.felt_chart, stats.felt_trend,
            self.tr("No set was rated for where it was felt in this period."),
        )

    def _name_points(self) -> None:
        """Say whether a point is a session or a week's mean, in the legends and the picker."""
        if self._per_week:
            self.pain_chart.set_names(self.tr("Weekly average"), self.tr("Worst of the week"))
            for chart in (self.felt_chart, self.exercise_felt_chart):
                chart.set_names(self.tr("Week"))
            self.aggregate_label.setText(self.tr("Per week, show:"))
        else:
            self.pain_chart.set_names(self.tr("Session average"), self.tr("Session worst"))
            for chart in (self.felt_chart, self.exercise_felt_chart):
                chart.set_names(self.tr("Session"))
            self.aggregate_label.setText(self.tr("Per session, show:"))
        self.aggregate_picker.setAccessibleName(self.aggregate_label.text().rstrip(":"))
        tip = (self.tr("Each point is one week: the mean of its rated sets")
               if self._per_week else "")
        for chart in (self.pain_chart, self.felt_chart, self.exercise_felt_chart):
            chart.setToolTip(tip)

    def _show_trend(self, name: str, chart: TrendChart, trend: Trend | None, empty: str) -> None:
        panel = self._panels[name]
        if trend is None:
            panel.show_message(empty)
            return
        chart.set_time_span(self._stats.start, self._stats.today)
        chart.show_series(trend)
        panel.show_chart()

    def _show_cards(self, stats: RangeStats) -> None:
        streaks, summary = stats.streaks, stats.summary
        self.cards["this_week"].set_value(
            self.tr("{0} of {1}").format(streaks.this_week_sessions, streaks.goal),
            self.tr("Goal met") if streaks.this_week_met else self.tr("sessions so far"),
        )
        self.cards["weeks_met"].set_value(
            self.tr("{0} of {1}").format(summary.weeks_met, summary.weeks),
            self.tr("{0} sessions a week on average").format(decimal(summary.sessions_per_week)),
        )
        weeks_text = self.tr("%n weeks", "", streaks.current_weeks)
        limited = streaks.reaches_start and self._range is not HistoryRange.ALL
        self.cards["streak"].set_value(
            self.tr("at least {0}").format(weeks_text) if limited else weeks_text,
            self.tr("Longest in this period: {0}").format(streaks.longest_weeks),
        )
        self.cards["active_days"].set_value(
            str(summary.active_days), self.tr("%n sets in all", "", summary.sets)
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
            for exercise_id, sets in self._stats.exercises:
                self.exercise_picker.addItem(
                    self.tr("{0} (%n sets)", "", sets).format(self._exercise_name(exercise_id)),
                    exercise_id,
                )
            index = self.exercise_picker.findData(current) if current is not None else -1
            self.exercise_picker.setCurrentIndex(
                max(0, index) if self.exercise_picker.count() else -1
            )

    def _exercise_picked(self) -> None:
        if self._exercise_stale and not self._exercises_page.isVisible():
            return  # fed when shown
        self._show_exercise()

    def _show_list(self) -> None:
        """Read the session list's first page (see _show)."""
        self._list_stale = False
        since, until = self._window
        self.sessions_model.show_pages(
            lambda offset, limit: self._service.sessions_page(offset, limit, since, until),
            len(self._stats.sessions))
        if self.sessions_model.rowCount():
            self.sessions_tree.expand(self.sessions_model.index(0, 0))  # the latest, opened

    def _feed_list(self) -> None:
        """Read the session list if it waits for it (see _show)."""
        if self._list_stale:
            self._show_list()

    def _feed_exercise(self) -> None:
        """Feed the exercise's charts if they wait for it (see _show)."""
        if self._exercise_stale and self._has_history:
            self._show_exercise()

    def _tab_changed(self, _index: int) -> None:
        self._feed_shown_tab()

    def _feed_shown_tab(self) -> None:
        """Feed the tab on screen if it waits for it: the exercise's charts, or the list."""
        page = self._tabs.currentWidget()
        if page is self._exercises_page:
            self._feed_exercise()
        elif page is self._sessions_page:
            self._feed_list()

    def _show_exercise(self) -> None:
        self._exercise_stale = False
        self._fill_exercise_charts()
        self._settle_charts()

    def _fill_exercise_charts(self) -> None:
        exercise_id = self.exercise_picker.currentData()
        panels = [self._panels[name] for name in ("progress", "sides", "ratio")]
        if exercise_id is None:
            for panel in panels:
                panel.show_message(self.tr("No exercises done in this period."))
            self.dose_label.clear()
            return
        aggregate = Aggregate(self.aggregate_picker.currentData() or Aggregate.BEST.value)
        try:
            rows = self._exercise_digests(exercise_id)
        except StorageError as error:
            self.status.setText(self.tr("Could not read your history: {0}").format(error))
            return
        series = digest_exercise_series(rows, exercise_id, self._library, aggregate,
                                        weekly=self._per_week)
        unit = self.tr("Seconds held") if series.measure is Measure.HOLD else self.tr("Reps")
        name = self._exercise_name(exercise_id)
        exercise = self._library.get(exercise_id)
        self.dose_label.setText(
            self.tr("Prescribed in the library: {0}").format(
                dosage_words(exercise.dosage, exercise.per_side)
            )
            if exercise is not None
            else ""
        )
        start, end = self._stats.start, self._stats.today

        if series.progress:
            self.progress_chart.set_y_label(unit)
            self.progress_chart.set_time_span(start, end)
            self.progress_chart.show_progress(series.progress)
            panels[0].show_chart()
        else:
            panels[0].show_message(self.tr("No measured sets of {0} in this period.").format(name))

        if series.felt is None:
            self._panels["exercise_felt_in"].show_message(
                self.tr("No set of {0} was rated for where it was felt in this period.").format(
                    name))
        else:
            self.exercise_felt_chart.set_time_span(start, end)
            self.exercise_felt_chart.show_series(series.felt)
            self._panels["exercise_felt_in"].show_chart()

        if series.sides is None:
            text = self.tr(
                "{0} works both sides at once, so there is no left and right to compare. "
                "Pick a one-sided exercise, such as a side plank or a clamshell."
            ).format(name)
            panels[1].show_message(text)
            panels[2].show_message(text)
            return
        self.sides_chart.set_y_label(unit)
        for chart in (self.sides_chart, self.ratio_chart):
            chart.set_time_span(start, end)
        self.sides_chart.show_series(series.sides)
        panels[1].show_chart()
        if series.sides.has_ratio:
            self.ratio_chart.show_series(series.sides)
            panels[2].show_chart()
        else:
            panels[2].show_message(self.tr("No session with both sides measured in this period."))

    # -- theme, visibility, dialogs -------------------------------------------------------

    def _apply_colors(self) -> None:
        colors = ChartColors.from_palette(self.palette())
        for chart in self._time_charts():
            chart.apply_colors(colors)

    def _settle_charts(self) -> None:
        """Each chart's transform brought up to date after feeding it (TimeChart.settle)."""
        for chart in self._time_charts():
            chart.settle()

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
        if self._released:
            return
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
            if self._has_history:
                # Bar and marker colours are chosen when data is fed.
                self.refresh()

    def _history_changed(self, change: HistoryChange) -> None:
        if change.kind is ChangeKind.DOSES_CHOSEN:
            return  # what was suggested before a session is not shown here
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def release_charts(self) -> None:
        """Empty every chart's scene from Python before Qt deletes the view.

        Left to Qt, deleting the scene with its parent widget deletes pyqtgraph's items in an
        order that crashes (a segmentation fault in QGraphicsWidget's destructor); emptied from
        Python first, every item goes in an order that holds. The view draws nothing after this.
        """
        self._released = True
        for chart in self.findChildren(pg.GraphicsView):
            scene = chart.scene()
            if scene is not None:
                scene.clear()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        super().closeEvent(event)  # a view shown on its own (tests, a report preview)
        if event.isAccepted():
            self.release_charts()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Also after midnight: "this week" and the ranges are counted from today.
        if self._dirty or self._refreshed_on != self._today():
            self.refresh()
        else:
            self._feed_shown_tab()

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
        except StorageError as error:
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
