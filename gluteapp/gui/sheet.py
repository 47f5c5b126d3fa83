"""The printable home-exercise sheet of a routine: per exercise, its start and end figures, the
dose, the steps and the cautions, on A4 or Letter, in the UI language.

Laid out by hand on a QPdfWriter (no print support module, works offscreen): each exercise is
one block that never breaks across pages; the figures are drawn as vectors, so they stay sharp
however far the PDF is zoomed, and in black and grey, so they print on any printer.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from msgspec import Struct
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from gluteapp import __version__
from gluteapp.core.exercises import Exercise, Library, Variation
from gluteapp.core.kinematics import Figure, Timing
from gluteapp.core.own_library import CombinedLibrary
from gluteapp.core.routines import Routine, RoutineStep, step_variation
from gluteapp.core.safety import RulePoint
from gluteapp.core.timeline import routine_duration_s, step_per_side, step_rest_s
from gluteapp.gui.figure import FigureColours, Figures, paint_drawing
from gluteapp.gui.own_pictures import load_photo, paint_photo
from gluteapp.gui.player.sessions import step_text
from gluteapp.gui.words import safety_rule

#: Short for the literal calls below; pyside6-lupdate reads `translate("HomeSheet", "...")`.
translate = QCoreApplication.translate

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
RESOLUTION = 300  # dots per inch of the PDF's page coordinates
MARGIN_MM = 14.0
FIGURE_MM = (40.0, 38.0)  # one figure's box, width and height; start and end side by side
GAP_MM = 6.0
DONE_BOXES = 12  # "Sessions done" tick boxes on the first page


def default_paper(locale: QLocale | None = None) -> str:
    """Letter where the US measurement system is used, A4 everywhere else."""
    system = (locale or QLocale()).measurementSystem()
    return "letter" if system == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def paper_palette() -> QPalette:
    """Black on white, whatever the screen theme: paper is white."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1a1a1a"))
    return palette


class SheetEntry(Struct, frozen=True):
    """One routine step as the sheet shows it."""

    number: int
    step: RoutineStep
    exercise: Exercise
    variation: Variation | None
    per_side: bool
    rest_s: int
    figure: Figure | None
    photo: QImage | None = None  # your own exercise's photo, drawn where the figures go


def sheet_entries(routine: Routine, library: Library, figures: Figures) -> list[SheetEntry]:
    entries = []
    for number, step in enumerate(routine.steps, 1):
        exercise = library[step.exercise]
        try:
            variation = step_variation(step, library)
        except KeyError:  # a routine naming a version the library no longer has
            variation = None
        entries.append(SheetEntry(
            number=number, step=step, exercise=exercise, variation=variation,
            per_side=step_per_side(step, library), rest_s=step_rest_s(step, library),
            figure=figures.get(exercise.id, variation.name if variation else None),
            photo=_photo(library, exercise.id) if variation is None else None,
        ))
    return entries


def _photo(library: Library, exercise_id: str) -> QImage | None:
    path = library.photo_path(exercise_id) if isinstance(library, CombinedLibrary) else None
    return load_photo(path) if path is not None else None


def dose_line(entry: SheetEntry) -> str:
    """'3 x 10 reps, tempo 2-0-2, each side · rest 90 s between sets'."""
    text = step_text(entry.step)
    if entry.per_side and not entry.step.steps_count:
        text += translate("HomeSheet", ", each side")
    if entry.step.sets > 1:
        text += " · " + translate("HomeSheet", "rest {0} s between sets").format(entry.rest_s)
    return text


def entry_html(entry: SheetEntry) -> str:
    """The text of one exercise: name, dose, the version done, steps and cautions."""
    exercise = entry.exercise
    name = exercise.name
    if entry.variation is not None:
        name = translate("HomeSheet", "{0}: {1}").format(name, entry.variation.shown_name)
    parts = [
        f"<h2>{entry.number}. {html.escape(name)}</h2>",
        f"<p class='dose'>{html.escape(dose_line(entry))}</p>",
    ]
    if entry.variation is not None:
        parts.append("<p>" + html.escape(translate("HomeSheet", "This version: {0}").format(
            entry.variation.how)) + "</p>")
    how = translate("HomeSheet", "How to do it")
    steps = "".join(f"<li>{html.escape(step)}</li>" for step in exercise.steps)
    parts.append(f"<p class='head'>{html.escape(how)}</p><ol>{steps}</ol>")
    care = translate("HomeSheet", "Take care")
    cautions = "".join(f"<li>{html.escape(caution)}</li>" for caution in exercise.cautions)
    parts.append(f"<p class='head'>{html.escape(care)}</p><ul>{cautions}</ul>")
    if entry.per_side and entry.figure is not None:  # a photo shows what it shows
        parts.append("<p class='quiet'>" + html.escape(translate(
            "HomeSheet", "The pictures show the left side; the right side is its mirror image."
        )) + "</p>")
    return "".join(parts)


_STYLE = (
    "h2 { font-size: 13pt; margin: 0 0 2pt 0; } "
    "p { margin: 2pt 0; } p.dose { font-size: 11pt; font-weight: bold; color: #2f6f5e; } "
    "p.head { font-weight: bold; margin-top: 5pt; } ol, ul { margin: 0; } "
    "li { margin: 1pt 0; } .quiet { color: #555555; font-size: 8.5pt; }"
)


class _Page:
    """Page geometry in device pixels at RESOLUTION."""

    def __init__(self, writer: QPdfWriter) -> None:
        rect = writer.pageLayout().paintRectPixels(RESOLUTION)
        self.width = float(rect.width())
        self.height = float(rect.height())

    @staticmethod
    def mm(value: float) -> float:
        return value * RESOLUTION / 25.4


def _document(writer: QPdfWriter, text: str, width: float, size_pt: float = 9.5) -> QTextDocument:
    document = QTextDocument()
    layout = document.documentLayout()
    if layout is not None:
        layout.setPaintDevice(writer)  # sizes in points, measured at the PDF's resolution
    font = QFont()
    font.setPointSizeF(size_pt)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(_STYLE)
    document.setDocumentMargin(0)
    document.setHtml(f"<html><body>{text}</body></html>")
    document.setTextWidth(width)
    return document


class SheetWriter:
    """Lays the sheet out and paints it into a PDF."""

    def __init__(self, routine: Routine, entries: Sequence[SheetEntry], library: Library,
                 today: date) -> None:
        self.routine = routine
        self.entries = list(entries)
        self.library = library
        self.today = today
        self.colours = FigureColours.from_palette(paper_palette())

    def write(self, path: Path, paper: str) -> Path:
        # Opened here first so a missing folder or a read-only place says why, in Python's words.
        with path.open("wb"):
            pass
        writer = QPdfWriter(str(path))
        writer.setTitle(translate("HomeSheet", "Home exercises: {0}").format(self.routine.name))
        writer.setCreator(f"Gluteapp {__version__}")
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(QPageLayout(
            QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
        page = _Page(writer)
        header = _document(writer, self._header_html(), page.width, 10)
        figure_w, figure_h = (page.mm(v) for v in FIGURE_MM)
        text_x = 2 * figure_w + page.mm(2 + GAP_MM)
        footer_h = page.mm(10)
        blocks = [(_document(writer, entry_html(e), page.width - text_x), e)
                  for e in self.entries]
        pages = self._paginate(page, header.size().height() + page.mm(16), footer_h,
                               [max(doc.size().height(), figure_h + page.mm(5))
                                for doc, _ in blocks])
        painter = QPainter(writer)
        if not painter.isActive():
            raise OSError(f"the sheet could not be written to {path}")
        try:
            for number, placed in enumerate(pages):
                if number:
                    writer.newPage()
                top = 0.0
                if number == 0:
                    header.drawContents(painter)
                    top = header.size().height() + page.mm(2)
                    top = self._done_boxes(painter, page, top) + page.mm(6)
                for index, y in placed:
                    document, entry = blocks[index]
                    self._paint_block(painter, page, document, entry, top + y, text_x,
                                      (figure_w, figure_h))
                self._footer(painter, page, number + 1, len(pages))
        finally:
            painter.end()
        del writer  # the file is complete when the writer goes away
        if not path.is_file() or path.stat().st_size == 0:
            raise OSError(f"the sheet could not be written to {path}")
        return path

    @staticmethod
    def _paginate(page: _Page, first_top: float, footer_h: float,
                  heights: Sequence[float]) -> list[list[tuple[int, float]]]:
        """Which blocks go on which page, and at what height below the page's top area."""
        gap = page.mm(GAP_MM)
        pages: list[list[tuple[int, float]]] = [[]]
        room = page.height - footer_h - first_top
        y = 0.0
        for index, height in enumerate(heights):
            if pages[-1] and y + height > room:
                pages.append([])
                room = page.height - footer_h
                y = 0.0
            pages[-1].append((index, y))
            y += height + gap
        return pages

    def _header_html(self) -> str:
        routine = self.routine
        minutes = max(1, round(routine_duration_s(routine, self.library) / 60))
        day = QLocale().toString(QDate(self.today.year, self.today.month, self.today.day),
                                 QLocale.FormatType.LongFormat)
        meta = translate("HomeSheet", "{count} exercises · about {minutes} min · printed {day}"
                         ).format(count=len(routine.steps), minutes=minutes, day=day)
        parts = [
            "<p style='font-size: 9pt; color: #2f6f5e; font-weight: bold; margin: 0;'>"
            + html.escape(translate("HomeSheet", "Home exercise sheet")) + "</p>",
            f"<h1 style='font-size: 20pt; margin: 0;'>{html.escape(routine.name)}</h1>",
            f"<p style='color: #555555;'>{html.escape(meta)}</p>",
        ]
        if routine.description:
            parts.append(f"<p>{html.escape(routine.description)}</p>")
        # The one safety rule, in its own words: what pain means for the exercises below.
        rule = " ".join(safety_rule(point) for point in (
            RulePoint.MILD_PAIN_HOLDS, RulePoint.STOP_THE_SET, RulePoint.ASK_A_PROFESSIONAL))
        pain = html.escape(translate("HomeSheet", "Pain:"))
        parts.append(f"<p style='font-size: 8.5pt;'><b>{pain}</b> {html.escape(rule)}</p>")
        return "".join(parts)

    def _done_boxes(self, painter: QPainter, page: _Page, top: float) -> float:
        """'Sessions done' with a row of boxes to tick; returns the height below them."""
        label = _document(painter.device(), html.escape(  # type: ignore[arg-type]
            translate("HomeSheet", "Sessions done:")), page.mm(40), 10)
        painter.save()
        painter.translate(0, top)
        label.drawContents(painter)
        side = page.mm(5.5)
        x = label.idealWidth() + page.mm(3)
        painter.setPen(QPen(QColor("#555555"), page.mm(0.25)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for _ in range(DONE_BOXES):
            painter.drawRoundedRect(QRectF(x, 0, side, side), page.mm(0.8), page.mm(0.8))
            x += side + page.mm(2)
        painter.restore()
        return top + max(side, label.size().height())

    def _paint_block(self, painter: QPainter, page: _Page, document: QTextDocument,
                     entry: SheetEntry, top: float, text_x: float,
                     figure_size: tuple[float, float]) -> None:
        width, height = figure_size
        caption_h = page.mm(4)
        if entry.figure is None and entry.photo is not None:
            box = QRectF(0, top, 2 * width + page.mm(2), height)
            painter.setPen(QPen(QColor("#c8c8c8"), page.mm(0.25)))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(box, page.mm(1.5), page.mm(1.5))
            paint_photo(painter, entry.photo, box.adjusted(page.mm(1.5), page.mm(1.5),
                                                           -page.mm(1.5), -page.mm(1.5)))
        pictures = () if entry.figure is None and entry.photo is not None else (
            (Timing.start(), translate("HomeSheet", "Start")),
            (Timing.end(), translate("HomeSheet", "End")),
        )
        for column, (timing, caption) in enumerate(pictures):
            box = QRectF(column * (width + page.mm(2)), top, width, height)
            painter.setPen(QPen(QColor("#c8c8c8"), page.mm(0.25)))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(box, page.mm(1.5), page.mm(1.5))
            if entry.figure is not None:
                paint_drawing(painter, entry.figure.drawing(timing), entry.figure.bounds,
                              box.adjusted(page.mm(2), page.mm(2), -page.mm(2), -page.mm(2)),
                              self.colours)
            painter.setPen(QColor("#555555"))
            font = QFont()
            font.setPointSizeF(8)
            painter.setFont(font)
            painter.drawText(QRectF(box.left(), box.bottom(), width, caption_h),
                             Qt.AlignmentFlag.AlignCenter, caption)
        painter.save()
        painter.translate(text_x, top)
        document.drawContents(painter)
        painter.restore()

    def _footer(self, painter: QPainter, page: _Page, number: int, count: int) -> None:
        font = QFont()
        font.setPointSizeF(7.5)
        painter.setFont(font)
        painter.setPen(QColor("#666666"))
        y = page.height - page.mm(7)
        notice = translate(
            "HomeSheet", "General guidance, not medical advice: for pain, the rule on the first "
            "page; follow what your physiotherapist prescribed. Made with Gluteapp.")
        painter.drawText(QRectF(0, y, page.width * 0.82, page.mm(7)),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, notice)
        painter.drawText(QRectF(page.width * 0.82, y, page.width * 0.18, page.mm(7)),
                         Qt.AlignmentFlag.AlignRight,
                         translate("HomeSheet", "Page {0} of {1}").format(number, count))
        painter.drawLine(QPointF(0, y - page.mm(1.5)), QPointF(page.width, y - page.mm(1.5)))


def write_sheet(path: Path | str, routine: Routine, library: Library, *, paper: str = "a4",
                figures: Figures | None = None, today: date | None = None) -> Path:
    """Write the routine's home-exercise sheet as a PDF on `paper` ('a4' or 'letter').

    Raises OSError when the file cannot be written, ValueError for an unknown paper.
    """
    if paper not in PAPERS:
        raise ValueError(f"paper {paper!r} is not one of {', '.join(PAPERS)}")
    figures = figures or Figures(library)
    entries = sheet_entries(routine, library, figures)
    return SheetWriter(routine, entries, library, today or date.today()).write(Path(path), paper)
