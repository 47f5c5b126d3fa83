"""The body diagram, the library's icon accessor, the Learn pages and the view's layout."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Exercise, Muscle
from gluteapp.gui.library import BodyDiagram, LibraryView
from gluteapp.gui.library.body_diagram import PRIMARY_COLOUR, SECONDARY_COLOUR
from gluteapp.gui.library.icons import (
    LIBRARY_ICONS,
    UnknownIconError,
    library_icon_path,
    svg_pixmap,
)
from gluteapp.gui.library.pages import PAGE_ORDER, builtin_pages, load_pages, parse_page

SVG = "{http://www.w3.org/2000/svg}"


def close_to(actual: QColor, expected: QColor, tolerance: int = 6) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(actual.getRgb()[:3], expected.getRgb()[:3], strict=True)
    )


# The drawing ------------------------------------------------------------------------------------


def test_the_svg_names_its_muscle_shapes_after_the_muscle_enum() -> None:
    root = ET.parse(library_icon_path("body-back.svg")).getroot()
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}
    muscle_ids = set(groups) - {"muscles", "lines"}
    assert muscle_ids <= {m.value for m in Muscle}
    for must in (
        "gluteus_maximus",
        "gluteus_medius",
        "gluteus_minimus",
        "tensor_fasciae_latae",
        "hamstrings",
        "lower_back",
        "core",
    ):
        assert must in muscle_ids
        children = {p.get("id") for p in groups[must].iter(f"{SVG}path")}
        assert children == {f"{must}-left", f"{must}-right"}
    # The deep muscle is drawn as a dashed outline.
    assert groups["gluteus_minimus"].get("stroke-dasharray")


def render(diagram: BodyDiagram) -> QImage:
    return diagram.canvas.grab().toImage()


def maximus_pixel(diagram: BodyDiagram) -> QColor:
    point = diagram.canvas.element_centre("gluteus_maximus-left").toPoint()
    return render(diagram).pixelColor(point)


def test_diagram_highlights_primary_and_secondary_muscles(qtbot) -> None:
    diagram = BodyDiagram()
    qtbot.addWidget(diagram)

    diagram.set_muscles([Muscle.GLUTEUS_MEDIUS])  # maximus not worked
    resting = maximus_pixel(diagram)
    diagram.set_muscles([Muscle.GLUTEUS_MAXIMUS], [Muscle.HAMSTRINGS])
    primary = maximus_pixel(diagram)
    diagram.set_muscles([Muscle.GLUTEUS_MEDIUS], [Muscle.GLUTEUS_MAXIMUS])
    secondary = maximus_pixel(diagram)

    assert primary != resting
    assert close_to(primary, PRIMARY_COLOUR)
    assert close_to(secondary, SECONDARY_COLOUR)
    assert not close_to(resting, PRIMARY_COLOUR)
    assert not close_to(resting, SECONDARY_COLOUR)


def test_diagram_keeps_the_drawings_proportions(qtbot) -> None:
    diagram = BodyDiagram()
    qtbot.addWidget(diagram)
    box = diagram.canvas._renderer.viewBoxF()
    target = diagram.canvas.target_rect()
    assert target.width() / target.height() == pytest.approx(box.width() / box.height(), rel=0.01)


def test_diagram_names_muscles_it_cannot_show(qtbot) -> None:
    diagram = BodyDiagram()
    qtbot.addWidget(diagram)
    diagram.set_muscles([Muscle.GLUTEUS_MAXIMUS], [Muscle.HIP_FLEXORS])
    assert not diagram.not_shown_label.isHidden()
    assert "Hip flexors" in diagram.not_shown_label.text()
    assert "Gluteus maximus" in diagram.canvas.accessibleDescription()
    diagram.set_muscles([Muscle.GLUTEUS_MAXIMUS])
    assert diagram.not_shown_label.isHidden()


def test_icon_accessor_refuses_unknown_names() -> None:
    for name in LIBRARY_ICONS:
        assert library_icon_path(name).is_file()
    with pytest.raises(UnknownIconError, match=r"no library icon 'nope\.svg'"):
        library_icon_path("nope.svg")
    pixmap = svg_pixmap("caution.svg", QSize(22, 22))
    assert pixmap.size() == QSize(22, 22)
    assert pixmap.toImage().pixelColor(11, 16).alpha() > 0


# The Learn pages --------------------------------------------------------------------------------


def test_pages_load_in_reading_order_with_their_titles(tmp_path) -> None:
    (tmp_path / "disclaimer.md").write_text("# Before you start\n\nNot advice.\n", encoding="utf-8")
    (tmp_path / "extra-notes.md").write_text("No heading here.\n", encoding="utf-8")
    (tmp_path / "causes.md").write_text("\n# What causes it?\n\nSitting.\n", encoding="utf-8")
    pages = load_pages(tmp_path)
    assert [p.slug for p in pages] == ["causes", "disclaimer", "extra-notes"]
    assert [p.title for p in pages] == ["What causes it?", "Before you start", "Extra notes"]
    assert load_pages(tmp_path / "missing") == []
    assert parse_page("x", "#Not a heading").title == "X"


def test_the_shipped_pages_all_have_titles() -> None:
    pages = builtin_pages()
    assert [p.slug for p in pages] == list(PAGE_ORDER)
    for page in pages:
        assert page.markdown.lstrip().startswith(f"# {page.title}")


# The layout at the sizes people use -------------------------------------------------------------


# Showing a laid-out top-level window on the offscreen platform logs this warning (the plugin
# has no window manager to pass minimum sizes to); it means nothing on a real display.
offscreen_show = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def squeezed_labels(view: LibraryView) -> list[str]:
    """Wrapped labels in the detail pane given less height than their text needs."""
    page = view.detail.widget()
    return [
        label.text()[:40]
        for label in page.findChildren(QLabel)
        if label.isVisibleTo(page)
        and label.wordWrap()
        and label.height() < label.heightForWidth(label.width())
    ]


@offscreen_show
@pytest.mark.parametrize("size", [QSize(1280, 800), QSize(800, 600), QSize(696, 560)])
def test_library_view_fits_common_window_sizes(qtbot, tmp_path, size) -> None:
    view = LibraryView(builtin_library())
    qtbot.addWidget(view)
    view.resize(size)
    view.show()
    qtbot.waitExposed(view)
    view.show_exercise("side-plank")
    qtbot.waitUntil(lambda: not squeezed_labels(view))

    image = view.grab()
    assert image.size() == size
    assert image.save(str(tmp_path / f"library-{size.width()}.png"))
    # The placeholder is readable in full, and the detail pane never scrolls sideways.
    edit = view.search_edit
    placeholder_width = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert placeholder_width < edit.contentsRect().width() - 12
    assert not view.detail.horizontalScrollBar().isVisible()
    # The cautions are in the first screenful.
    detail = view.detail
    top = detail.cautions_box.mapTo(detail.widget(), detail.cautions_box.rect().topLeft()).y()
    assert top < detail.viewport().height()


def text_length(exercise: Exercise) -> int:
    parts = [*exercise.steps, *exercise.tips, *exercise.cautions, *exercise.mistakes, exercise.why]
    parts += [v.how for v in (*exercise.easier, *exercise.harder)]
    return sum(len(part) for part in parts)


@offscreen_show
def test_the_wordiest_exercises_lay_out_without_squeezed_text(qtbot) -> None:
    # Every exercise would be better, but each relayout costs PySide6 6.12 on Python 3.11 a few
    # hundred references to None (see the report on that bug), so the test takes the four longest.
    library = builtin_library()
    view = LibraryView(library)
    qtbot.addWidget(view)
    view.resize(QSize(696, 560))  # the Library area of an 800x600 main window
    view.show()
    qtbot.waitExposed(view)
    for exercise in sorted(library, key=text_length, reverse=True)[:4]:
        view.show_exercise(exercise.id)
        qtbot.waitUntil(lambda: not squeezed_labels(view))
