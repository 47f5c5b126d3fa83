"""A printable PDF report for a physiotherapist: adherence, dose, sides, pain, felt-in, notes.

Made with Qt alone: an HTML QTextDocument printed to a QPdfWriter (no printer or print support
module needed, works offscreen). Its numbers and series are the History view's own `RangeStats`,
drawn with the same pyqtgraph charts, rendered on a light palette at twice their size so they
stay sharp on paper.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path

import PySide6  # noqa: F401 - imported before pyqtgraph so it cannot pick another binding
from msgspec import Struct
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QMarginsF,
    QRectF,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

from gluteapp import __version__
from gluteapp.core.exercises import Library
from gluteapp.core.history_records import SessionRecord
from gluteapp.core.records import FeltIn
from gluteapp.core.stats import (
    DEFAULT_GOAL_PER_WEEK,
    ExerciseDose,
    HistoryRange,
    Measure,
    RangeStats,
    first_and_last,
    local_day,
    range_stats,
)
from gluteapp.gui.figure_report import add_figures, figure_images, figures_html
from gluteapp.gui.history.charts import (
    MONTHLY_AFTER_WEEKS,
    ChartColors,
    RatioChart,
    SidesChart,
    TimeChart,
    TrendChart,
    WeeklyChart,
)
from gluteapp.gui.words import (
    TranslationContext,
    decimal,
    felt_in_phrase,
    history_range_phrase,
    hurt_text,
    measure_unit,
    routine_title,
)

#: Sessions averaged for "at the start" and "lately" in the trend sentences.
TREND_SESSIONS = 4
CHART_SIZE = QSize(700, 220)
CHART_SCALE = 2  # rendered at twice the size: crisp at print resolution


#: Short for the literal calls below; pyside6-lupdate reads `translate("HistoryReport", "...")`.
translate = QCoreApplication.translate


class HistoryReport(TranslationContext):
    """The context of the report's counted words ("%n sets")."""


def light_palette() -> QPalette:
    """Black on white, whatever the screen theme: paper is white."""
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#ffffff"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.Text, "#1a1a1a"),
        (QPalette.ColorRole.WindowText, "#1a1a1a"),
    ):
        palette.setColor(role, QColor(color))
    return palette


def render_chart(chart: TimeChart, size: QSize = CHART_SIZE) -> QImage:
    """Draw a chart that is not on screen into an image `CHART_SCALE` times `size`.

    The scene is drawn scaled (vector text and lines), not a screen grab blown up.
    """
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    chart.resize(size)
    chart.show()  # lays the plot out at `size`; never visible
    QCoreApplication.processEvents()
    image = QImage(size * CHART_SCALE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        source = chart.mapToScene(chart.viewport().rect()).boundingRect()
        chart.scene().render(painter, QRectF(image.rect()), source)
    finally:
        painter.end()
    chart.hide()  # parentless and owned by Python: deleted with the last reference
    return image


def _day(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = decimal(value, 0 if abs(value - round(value)) < 0.05 else 1)  # "2,5" in German
    return f"{text} {unit}".strip()


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


class _Charts(Struct):
    images: dict[str, QImage]

    def add_to(self, document: QTextDocument) -> None:
        for name, image in self.images.items():
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{name}"), image
            )

    def tag(self, name: str) -> str:
        if name not in self.images:
            return ""
        return f'<p><img src="chart:{name}" width="{CHART_SIZE.width() * 0.92:.0f}"></p>'


def write_report(
    path: Path | str,
    sessions: Sequence[SessionRecord],
    library: Library,
    *,
    goal_per_week: int = DEFAULT_GOAL_PER_WEEK,
    history_range: HistoryRange = HistoryRange.THREE_MONTHS,
    today: date | None = None,
    tz: tzinfo | None = None,
) -> Path:
    """Write the report on `sessions` over the range ending `today` to a PDF file.

    Raises OSError when the file cannot be written.
    """
    stats = range_stats(
        sessions, library, history_range, today or date.today(), goal_per_week, tz
    )
    return write_range_report(path, stats, library)


def report_html(stats: RangeStats, library: Library) -> str:
    """The report's text as HTML, without the chart images (what `write_range_report` prints)."""
    return _ReportBuilder(stats, library).html(_Charts({}))


def write_range_report(path: Path | str, stats: RangeStats, library: Library) -> Path:
    """Write the report of a range already prepared (the History view's) to a PDF file.

    Raises OSError when the file cannot be written.
    """
    path = Path(path)
    document = _ReportBuilder(stats, library).document()
    writer = QPdfWriter(str(path))
    writer.setTitle(translate("HistoryReport", "Gluteapp progress report"))
    writer.setCreator(f"Gluteapp {__version__}")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    # print_() lays a document without a page size out on the page with 2 cm margins of its own
    # and numbers the pages: those are the report's margins.
    document.print_(writer)
    del writer  # the file is finished when the writer goes away
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"the report could not be written to {path}")
    return path


class _ReportBuilder:
    def __init__(self, stats: RangeStats, library: Library) -> None:
        self.stats = stats
        self.library = library
        self.colors = ChartColors.from_palette(light_palette())
        self.figure_images: dict[str, QImage] = {}  # the exercises' figures, when printed

    # -- helpers --------------------------------------------------------------------------

    def name(self, exercise_id: str) -> str:
        return self.library.name_of(exercise_id)

    def done_ids(self) -> list[str]:
        """The exercises done in the range, in the dose table's order."""
        return [dose.exercise_id for dose in self.stats.doses]

    def _prepare(self, chart: TimeChart) -> TimeChart:
        chart.setPalette(light_palette())
        chart.apply_colors(self.colors)
        chart.set_time_span(self.stats.start, self.stats.today)
        return chart

    # -- the document ---------------------------------------------------------------------

    def document(self) -> QTextDocument:
        charts = _Charts(self.charts() if self.stats.recorded else {})
        document = QTextDocument()
        document.setDefaultStyleSheet(
            "body { font-size: 10pt; } h1 { font-size: 18pt; } "
            "h2 { font-size: 13pt; margin-top: 14px; } "
            "th { background-color: #eeeeee; text-align: left; font-size: 9pt; } "
            "td { font-size: 9pt; } "
            ".quiet { color: #555555; }"
        )
        charts.add_to(document)
        if self.stats.recorded:
            self.figure_images = figure_images(self.done_ids(), self.library)
            add_figures(document, self.figure_images)
        document.setHtml(self.html(charts))
        return document

    def html(self, charts: _Charts) -> str:
        stats = self.stats
        title = translate("HistoryReport", "Gluteapp progress report")
        parts = [
            f"<h1>{html.escape(title)}</h1>",
            "<p class='quiet'>"
            + html.escape(
                translate(
                    "HistoryReport", "{start} to {end} ({range}). Prepared on {today}."
                ).format(
                    start=_day(stats.start),
                    end=_day(stats.today),
                    range=history_range_phrase(stats.history_range),
                    today=_day(stats.today),
                )
            )
            + "</p>",
        ]
        if not stats.recorded:
            empty = translate("HistoryReport", "No sessions were recorded in this period.")
            parts.append(f"<p>{html.escape(empty)}</p>")
        else:
            parts += [
                self.adherence(),
                charts.tag("weekly"),
                self.weekly_caption(),
                self.doses(),
                figures_html(self.done_ids(), self.library, self.figure_images),
                self.sides(charts),
                self.pain(),
                charts.tag("pain"),
                self.hurts(),
                self.felt_in(),
                charts.tag("felt_in"),
            ]
        parts.append(self.notes())
        parts.append(
            "<p class='quiet'>"
            + html.escape(
                translate(
                    "HistoryReport",
                    "Recorded by the person during home sessions with Gluteapp {0}: holds are "
                    "timed by the app, reps are as counted, pain (0-10) and where a set was "
                    "felt are the person's own ratings. This is a training log, not a "
                    "diagnosis."
                ).format(__version__)
            )
            + "</p>"
        )
        return "<html><body>" + "\n".join(p for p in parts if p) + "</body></html>"

    def weekly_caption(self) -> str:
        """Under the sessions chart, when its bars are months (as on screen)."""
        if len(self.stats.weeks) <= MONTHLY_AFTER_WEEKS:
            return ""
        caption = translate(
            "HistoryReport", "Each bar is a month: the mean sessions a week of its weeks.")
        return f"<p class='quiet'>{html.escape(caption)}</p>"

    def adherence(self) -> str:
        summary, streaks = self.stats.summary, self.stats.streaks
        sessions, weeks, sets, days = (summary.sessions, summary.weeks, summary.sets,
                                       summary.active_days)
        text = translate(
            "HistoryReport",
            "{sessions} in {weeks} ({per_week} a week) against a goal of {goal} a week. The "
            "goal was met in {met} of them; the current run of weeks at the goal is {streak}, "
            "the longest in this period {longest}."
        ).format(
            sessions=HistoryReport.tr("%n sessions", "", sessions),
            weeks=HistoryReport.tr("%n weeks", "", weeks),
            per_week=decimal(summary.sessions_per_week),
            goal=self.stats.goal,
            met=summary.weeks_met,
            streak=streaks.current_weeks,
            longest=streaks.longest_weeks,
        )
        detail = translate(
            "HistoryReport",
            "{completed} completed, {early} ended early, {interrupted} interrupted; "
            "{sets} on {days}."
        ).format(
            completed=summary.completed,
            early=summary.ended_early,
            interrupted=summary.interrupted,
            sets=HistoryReport.tr("%n sets", "", sets),
            days=HistoryReport.tr("%n active days", "", days),
        )
        title = translate("HistoryReport", "Adherence")
        return f"<h2>{title}</h2><p>{html.escape(text)}</p><p>{html.escape(detail)}</p>"

    def doses(self) -> str:
        doses = self.stats.doses
        head = [
            translate("HistoryReport", "Exercise"),
            translate("HistoryReport", "Sets"),
            translate("HistoryReport", "Target (mean)"),
            translate("HistoryReport", "Done (mean)"),
            translate("HistoryReport", "Done of target"),
            translate("HistoryReport", "Sets at target"),
            translate("HistoryReport", "Target, first → last"),
        ]
        rows = [self._dose_row(dose) for dose in doses]
        widths = (22, 9, 13, 13, 12, 12, 19)  # room for a bold "Sätze"
        intro = translate(
            "HistoryReport",
            "Per exercise, the target set for each set (prescribed) against what was held or "
            "counted (done), over the sets that have both."
        )
        title = translate("HistoryReport", "Dose done against prescribed")
        return (
            f"<h2>{title}</h2><p>{html.escape(intro)}</p>"
            + _table(head, rows, widths)
        )

    def _dose_row(self, dose: ExerciseDose) -> list[str]:
        unit = measure_unit(dose.measure)
        return [
            self.name(dose.exercise_id),
            str(dose.sets),
            _number(dose.mean_target, unit),
            _number(dose.mean_achieved, unit),
            _percent(dose.achieved_of_target),
            f"{dose.sets_at_target} / {dose.sets_with_target}",
            f"{_number(dose.first_target, unit)} → {_number(dose.last_target, unit)}",
        ]

    def sides(self, charts: _Charts) -> str:
        per_side = self.stats.sides
        title = "<h2>" + html.escape(translate("HistoryReport", "Per-side trend")) + "</h2>"
        if not per_side:
            empty = translate("HistoryReport", "No one-sided exercises in this period.")
            return title + f"<p>{html.escape(empty)}</p>"
        head = [
            translate("HistoryReport", "Exercise"),
            translate("HistoryReport", "Left, start → lately"),
            translate("HistoryReport", "Right, start → lately"),
            translate("HistoryReport", "Left : right, start → lately"),
        ]
        rows = []
        for series in per_side:
            unit = measure_unit(series.measure)
            rows.append(
                [
                    self.name(series.exercise_id),
                    _trend(series.left, unit),
                    _trend(series.right, unit),
                    _trend(series.ratio, "", digits=2),
                ]
            )
        intro = translate(
            "HistoryReport",
            "Best set per session on each side, averaged over the first and the latest {0} "
            "sessions; a side cut short (skipped, or the exercise or session ended during it) "
            "is left out. A left : right ratio below 1 means the left side did less."
        ).format(TREND_SESSIONS)
        caption = translate(
            "HistoryReport", "{0}: left and right per session, and their ratio."
        ).format(self.name(per_side[0].exercise_id))
        return (
            title
            + f"<p>{html.escape(intro)}</p>"
            + _table(head, rows, (28, 24, 24, 24))
            + f"<p class='quiet'>{html.escape(caption)}</p>"
            + charts.tag("sides")
            + charts.tag("ratio")
        )

    def pain(self) -> str:
        points = self.stats.pain
        title = "<h2>" + html.escape(translate("HistoryReport", "Pain")) + "</h2>"
        if not points:
            empty = translate("HistoryReport", "No set was rated for pain.")
            return title + f"<p>{html.escape(empty)}</p>"
        trend = first_and_last([p.mean for p in points], TREND_SESSIONS)
        worst = max(points, key=lambda p: (p.max, p.started_at))
        # Of the sets done, as everywhere else; the averages keep every rating given.
        rated = self.stats.pain_rated_sets
        sets = self.stats.summary.sets
        assert trend is not None
        text = HistoryReport.tr(
            "Average pain per rated set (0-10): {start} in the first {n} sessions, "
            "{late} in the latest {n}. Highest rating: {worst} on {day}. {rated} of %n "
            "sets were rated.", "", sets,
        ).format(
            start=decimal(trend[0]),
            late=decimal(trend[1]),
            n=TREND_SESSIONS,
            worst=worst.max,
            day=_day(local_day(worst.started_at, self.stats.tz)),
            rated=rated,
        )
        return title + f"<p>{html.escape(text)}</p>"

    def hurts(self) -> str:
        """Every "It hurts" pressed in the period: when, during what, and what was chosen."""
        title = "<h2>" + html.escape(translate("HistoryReport", "“It hurts”")) + "</h2>"
        pressed = [(s, h) for s in self.stats.sessions for h in s.hurts]
        if not pressed:
            empty = translate("HistoryReport", "“It hurts” was not pressed in this period.")
            return title + f"<p>{html.escape(empty)}</p>"
        items = "".join(
            f"<li><b>{html.escape(_day(local_day(hurt.at, self.stats.tz)))}</b>, "
            f"{html.escape(session.routine_name)}: "
            f"{html.escape(hurt_text(hurt, self.name(hurt.exercise_id or '')))}</li>"
            for session, hurt in pressed
        )
        return title + f"<ul>{items}</ul>"

    def felt_in(self) -> str:
        points = self.stats.felt
        heading = translate("HistoryReport", "Where the exercises were felt")
        title = f"<h2>{html.escape(heading)}</h2>"
        if not points:
            empty = translate("HistoryReport", "No set was rated for where it was felt.")
            return title + f"<p>{html.escape(empty)}</p>"
        trend = first_and_last([p.glute_share for p in points], TREND_SESSIONS)
        assert trend is not None
        totals = {where: sum(p.counts.get(where, 0) for p in points) for where in FeltIn}
        rated = sum(totals.values())
        spread = ", ".join(
            f"{felt_in_phrase(where)} {100 * count / rated:.0f} %"
            for where, count in totals.items()
        )
        text = HistoryReport.tr(
            "Sets felt in the glutes: {start} % in the first {n} sessions, {late} % in "
            "the latest {n}. Over the period: {spread} of %n rated sets.", "", rated,
        ).format(
            start=decimal(100 * trend[0], 0),
            late=decimal(100 * trend[1], 0),
            n=TREND_SESSIONS,
            spread=spread,
        )
        return title + f"<p>{html.escape(text)}</p>"

    def notes(self) -> str:
        noted = [s for s in self.stats.sessions if s.notes.strip()]
        title = "<h2>" + html.escape(translate("HistoryReport", "Notes")) + "</h2>"
        if not noted:
            empty = translate("HistoryReport", "No session notes in this period.")
            return title + f"<p>{html.escape(empty)}</p>"
        items = "".join(
            f"<li><b>{html.escape(_day(local_day(s.started_at, self.stats.tz)))}</b>, "
            f"{html.escape(routine_title(s.routine_id, s.routine_name))}: "
            f"{html.escape(s.notes.strip())}</li>"
            for s in noted
        )
        return title + f"<ul>{items}</ul>"

    # -- charts ---------------------------------------------------------------------------

    def charts(self) -> dict[str, QImage]:
        images: dict[str, QImage] = {}
        weekly = WeeklyChart(
            translate("HistoryReport", "Sessions"), translate("HistoryReport", "Goal: {0} a week")
        )
        self._prepare(weekly)
        weeks = self.stats.weeks
        weekly.show_weeks([w.start for w in weeks], [w.sessions for w in weeks], self.stats.goal)
        images["weekly"] = render_chart(weekly)

        pain = self.stats.pain_trend
        if pain is not None:
            # A point a week over a long period (core.stats.WEEKLY_AFTER_WEEKS), as on screen.
            chart = TrendChart(
                translate("HistoryReport", "Pain (0–10)"),
                (0, 10),
                translate("HistoryReport", "Weekly average") if pain.per_week
                else translate("HistoryReport", "Session average"),
                translate("HistoryReport", "Trend"),
                translate("HistoryReport", "Worst of the week") if pain.per_week
                else translate("HistoryReport", "Session worst"),
            )
            chart.set_role("pain")
            self._prepare(chart)
            chart.show_series(pain)
            images["pain"] = render_chart(chart)

        felt = self.stats.felt_trend
        if felt is not None:
            chart = TrendChart(
                translate("HistoryReport", "% felt in the glutes"),
                (0, 100),
                translate("HistoryReport", "Week") if felt.per_week
                else translate("HistoryReport", "Session"),
                translate("HistoryReport", "Trend"),
                legend_at_bottom=True,
            )
            chart.set_role("glutes")
            self._prepare(chart)
            chart.show_series(felt)
            images["felt_in"] = render_chart(chart)

        if self.stats.sides:
            series = self.stats.sides[0]
            unit = (translate("HistoryReport", "Seconds held") if series.measure is Measure.HOLD
                    else translate("HistoryReport", "Reps"))
            sides = SidesChart(
                unit, translate("HistoryReport", "Left"), translate("HistoryReport", "Right")
            )
            self._prepare(sides)
            sides.show_series(series)
            images["sides"] = render_chart(sides)
            if series.has_ratio:
                ratio_chart = RatioChart(
                    translate("HistoryReport", "Left ÷ right"), translate("HistoryReport", "even")
                )
                self._prepare(ratio_chart)
                ratio_chart.show_series(series)
                images["ratio"] = render_chart(ratio_chart, QSize(CHART_SIZE.width(), 200))
        return images


def _trend(values: Sequence[float | None], unit: str, digits: int = 0) -> str:
    known = [v for v in values if v is not None]
    pair = first_and_last(known, TREND_SESSIONS)
    if pair is None:
        return "–"
    if digits:
        return f"{decimal(pair[0], digits)} → {decimal(pair[1], digits)}"
    return f"{_number(pair[0], unit)} → {_number(pair[1], unit)}"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]) -> str:
    """A ruled table; `widths` are column widths in percent."""
    cells = "".join(
        f'<th width="{width}%">{html.escape(h)}</th>' for h, width in zip(head, widths, strict=True)
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return (
        '<table border="1" cellspacing="0" cellpadding="4" width="100%" '
        'style="border-collapse: collapse; border-color: #bbbbbb;">'
        f"<tr>{cells}</tr>{body}</table>"
    )


def report_filename(today: date | datetime) -> str:
    return f"gluteapp-report-{today:%Y-%m-%d}.pdf"
