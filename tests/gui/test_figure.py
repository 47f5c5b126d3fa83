"""The figure on screen: drawn in the theme's colours, mirrored for the right side, and shown on
every exercise's library page for the version chosen, described in words from the steps."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.kinematics import Emphasis, Timing
from gluteapp.core.poses import builtin_poses
from gluteapp.core.stats import HistoryRange, range_stats
from gluteapp.gui.figure import FigureCanvas, Figures, glutes_of, render_figure
from gluteapp.gui.figure_panel import MovementPanel
from gluteapp.gui.figure_report import figure_images, figures_html
from gluteapp.gui.history.report import write_range_report
from gluteapp.gui.library.body_diagram import PRIMARY_COLOUR
from gluteapp.gui.library.detail import ExerciseDetail
from gluteapp.gui.theme import dark_palette, light_palette
from gluteapp.storage import open_history
from gluteapp.storage.export import fill_demo_history

LIBRARY = builtin_library()
FIGURES = Figures(LIBRARY)


def colours(image: QImage) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)}


def test_the_working_glute_is_in_the_body_diagrams_orange() -> None:
    figure = FIGURES.get("glute-bridge")
    assert figure is not None
    image = render_figure(figure, Timing.end(), QSize(256, 256), light_palette())
    assert PRIMARY_COLOUR.name() in colours(image)


def test_glutes_follow_the_exercises_main_and_helping_muscles() -> None:
    squat = glutes_of(LIBRARY["single-leg-squat"])
    assert (squat.medius, squat.maximus) == (Emphasis.PRIMARY, Emphasis.SECONDARY)
    bridge = glutes_of(LIBRARY["glute-bridge"])
    assert (bridge.maximus, bridge.medius) == (Emphasis.PRIMARY, Emphasis.NONE)


def test_the_figure_follows_the_light_and_dark_themes() -> None:
    figure = FIGURES.get("single-leg-stand")
    assert figure is not None
    light = render_figure(figure, Timing.start(), QSize(200, 200), light_palette())
    dark = render_figure(figure, Timing.start(), QSize(200, 200), dark_palette())
    assert light.pixelColor(2, 2) == light_palette().window().color()
    assert dark.pixelColor(2, 2) == dark_palette().window().color()
    # The body is dark on the light window and light on the dark one.
    body_light = min(colours(light), key=lambda name: QColor(name).lightness())
    body_dark = max(colours(dark), key=lambda name: QColor(name).lightness())
    assert QColor(body_light).lightness() < 100
    assert QColor(body_dark).lightness() > 150


def test_the_canvas_mirrors_the_figure_for_the_right_side(qtbot: QtBot) -> None:
    canvas = FigureCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(240, 200)
    figure = FIGURES.get("single-leg-rdl")
    canvas.show_figure(figure, Timing.end())
    left = canvas.grab().toImage()
    canvas.show_figure(figure, Timing.end(), mirrored=True)
    right = canvas.grab().toImage()
    assert canvas.mirrored
    flipped = left.flipped(Qt.Orientation.Horizontal)
    differing = sum(1 for x in range(0, 240, 3) for y in range(0, 200, 3)
                    if abs(flipped.pixelColor(x, y).lightness()
                           - right.pixelColor(x, y).lightness()) > 8)
    assert differing < 10  # antialiasing at a few edges
    assert left != right


def test_every_exercise_page_shows_its_start_and_end(qtbot: QtBot) -> None:
    detail = ExerciseDetail()
    qtbot.addWidget(detail)
    for exercise in LIBRARY:
        detail.show_exercise(exercise)
        panel = detail.movement
        assert not detail.movement_section.isHidden()
        assert panel.start.figure is not None
        assert panel.start.timing == Timing.start()
        assert panel.end.timing == Timing.end()
        entry = builtin_poses().entry(exercise.id)
        assert entry is not None
        assert panel.start.accessibleDescription().endswith(exercise.steps[entry.start_step - 1])
        assert exercise.steps[entry.end_step - 1] in panel.end.accessibleDescription()


def test_choosing_a_version_shows_its_movement(qtbot: QtBot) -> None:
    panel = MovementPanel()
    qtbot.addWidget(panel)
    panel.show_exercise(LIBRARY["side-plank"])
    assert panel.version.count() == 4  # as described, one easier, two harder
    plank = panel.end.drawing
    panel.choose("From the knees")
    assert panel.shown_variation() is not None
    assert panel.end.drawing != plank
    assert "This version: Bend your knees" in panel.end.accessibleDescription()
    panel.choose(None)
    assert panel.end.drawing == plank


def test_a_version_that_is_another_exercise_shows_that_exercise(qtbot: QtBot) -> None:
    panel = MovementPanel()
    qtbot.addWidget(panel)
    panel.show_exercise(LIBRARY["single-leg-stand"])
    panel.choose("Single-leg Romanian deadlift")
    figure = panel.end.figure
    assert figure is not None
    assert figure.movement.pose.exercise_id == "single-leg-rdl"


def test_a_lying_figure_stands_on_its_caption(qtbot: QtBot) -> None:
    """A bridge is wider than high: in the panel's box it is drawn on the box's bottom edge,
    right over "Start", not in the middle with 45 px of nothing under it; a standing figure
    fills the box's height either way."""
    panel = MovementPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    for exercise_id, fills in (("glute-bridge", False), ("single-leg-stand", True)):
        panel.show_exercise(LIBRARY[exercise_id])
        for canvas, caption in ((panel.start, panel.start_caption),
                                (panel.end, panel.end_caption)):
            drawn = canvas.drawn_rect()
            assert (drawn.height() > canvas.height() - 1) is fills
            feet = canvas.mapTo(panel, drawn.bottomLeft().toPoint()).y()
            assert 0 <= caption.mapTo(panel, caption.rect().topLeft()).y() - feet <= 4


def test_one_sided_exercises_say_the_right_side_is_the_mirror(qtbot: QtBot) -> None:
    panel = MovementPanel()
    qtbot.addWidget(panel)
    panel.show_exercise(LIBRARY["glute-bridge"])
    assert panel.side_note.isHidden()
    assert panel.version.count() == 4
    panel.show_exercise(LIBRARY["wall-lean"])
    assert not panel.side_note.isHidden()


def test_the_report_shows_the_figures_of_the_exercises_done(qapp: object,
                                                            tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    today = date(2025, 9, 17)
    fill_demo_history(data_dir, 0.25, seed=5, until=today)
    with open_history(data_dir, daily_backup=False) as store:
        sessions = store.list_sessions()
    stats = range_stats(sessions, LIBRARY, HistoryRange.THREE_MONTHS, today, 2, None)
    done = [dose.exercise_id for dose in stats.doses]
    images = figure_images(done, LIBRARY)
    assert len(images) == 2 * len(done)
    assert all(image.size() == QSize(240, 192) for image in images.values())
    section = figures_html(done, LIBRARY, images)
    for exercise_id in done:
        assert LIBRARY[exercise_id].name in section
        assert f'src="figure:{exercise_id}:start"' in section
    assert figures_html(done, LIBRARY, {}) == ""  # the text-only report has no such section
    path = write_range_report(tmp_path / "report.pdf", stats, LIBRARY)
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    assert "The exercises done" in text
    assert "start on the left" in text


def test_a_held_pose_woken_again_is_neither_posed_nor_painted_again(qtbot: QtBot) -> None:
    from gluteapp.core.kinematics import Figure, TimingKind

    figure = Figure.of(builtin_poses().pose("side-plank"))
    canvas = FigureCanvas()
    qtbot.addWidget(canvas)
    canvas.show_figure(figure, Timing(TimingKind.HOLD, 2.0))
    held = canvas.drawing
    assert held is not None
    for seconds in (2.1, 5.0, 29.9):  # the runner wakes ten times a second in a hold
        canvas.show_figure(figure, Timing(TimingKind.HOLD, seconds))
        assert canvas.drawing is held
        assert canvas.timing == Timing(TimingKind.HOLD, seconds)
    canvas.show_figure(figure, Timing(TimingKind.HOLD, 0.3))  # still moving into the hold
    assert canvas.drawing is not held
    assert canvas.drawing != held
    moving = canvas.drawing
    canvas.show_figure(figure, Timing(TimingKind.HOLD, 0.3), mirrored=True)  # the other side
    assert canvas.drawing is not moving
