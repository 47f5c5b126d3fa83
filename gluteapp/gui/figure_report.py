"""The physiotherapist's report's figures: the start and end position of each exercise done, as
the library, the player and the home-exercise sheet draw them."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QSize, QUrl
from PySide6.QtGui import QImage, QTextDocument

from gluteapp.core.exercises import Library
from gluteapp.core.kinematics import Timing
from gluteapp.gui.figure import Figures, render_figure
from gluteapp.gui.sheet import paper_palette

#: One figure's place on the page, in the report's units; drawn at twice that for print.
FIGURE_SIZE = QSize(120, 96)
SCALE = 2

translate = QCoreApplication.translate


def _key(exercise_id: str, end: bool) -> str:
    return f"figure:{exercise_id}:{'end' if end else 'start'}"


def figure_images(exercise_ids: Iterable[str], library: Library) -> dict[str, QImage]:
    """The start and end pictures of each exercise that has a pose, keyed by resource name."""
    figures = Figures(library)
    palette = paper_palette()
    images: dict[str, QImage] = {}
    for exercise_id in exercise_ids:
        figure = figures.get(exercise_id)
        if figure is None:
            continue  # an exercise no longer in the library, or one without a pose
        for end, timing in ((False, Timing.start()), (True, Timing.end())):
            images[_key(exercise_id, end)] = render_figure(figure, timing, FIGURE_SIZE * SCALE,
                                                           palette)
    return images


def add_figures(document: QTextDocument, images: Mapping[str, QImage]) -> None:
    for name, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)


def figures_html(exercise_ids: Iterable[str], library: Library,
                 images: Mapping[str, QImage]) -> str:
    """A table of the exercises done with their start and end pictures; '' with no pictures."""
    cells = []
    width, height = FIGURE_SIZE.width(), FIGURE_SIZE.height()
    for exercise_id in exercise_ids:
        start, end = _key(exercise_id, False), _key(exercise_id, True)
        if start not in images or end not in images:
            continue
        pictures = "".join(f'<img src="{name}" width="{width}" height="{height}">'
                           for name in (start, end))
        cells.append(f'<td width="50%"><b>{html.escape(library.name_of(exercise_id))}</b>'
                     f"<br>{pictures}</td>")
    # Two exercises to a row, each with its start and end side by side.
    rows = ["<tr>" + "".join(cells[i:i + 2]) + "</tr>" for i in range(0, len(cells), 2)]
    if not rows:
        return ""
    title = translate("HistoryReport", "The exercises done")
    intro = translate("HistoryReport", "Each exercise's start and end position, as the app "
                      "showed them (start on the left); one-sided exercises are drawn for the "
                      "left side.")
    return (f"<h2>{html.escape(title)}</h2><p>{html.escape(intro)}</p>"
            f'<table width="100%" cellspacing="0" cellpadding="4">{"".join(rows)}</table>')
