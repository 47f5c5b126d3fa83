"""The player in a small window: the steps read in full while a rating is on offer, and no
control or status cut or faint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import PhaseKind
from gluteapp.core.exercises import Library, Mode
from gluteapp.gui.i18n import install_translator
from gluteapp.gui.player.fit_label import BELOW_FLOOR, FitLabel
from gluteapp.gui.player.rating import (
    SAVED_GREEN,
    SAVED_GREEN_ON_DARK,
    TARGET_PX,
    RatingPanel,
)
from gluteapp.gui.player.view import (
    FOCUS_BORDER_PX,
    FOCUS_PADDING_PX,
    SIZES,
    STEPS_FLOOR,
    TIGHT_SIZES,
    PlayerView,
)
from gluteapp.gui.theme import dark_palette, light_palette
from tests.builders import MonoClock
from tests.gui.conftest import in_language, settle
from tests.gui.test_player import make_player

#: One set of side planks, then frog pumps: in the rest between them the frog pump's three
#: steps show, and the side plank's right side waits to be rated.
ROUTINE = """
name = "Plank practice"
prepare_s = 5

[[steps]]
exercise = "side-plank"
sets = 1
hold_s = 20
rest_s = 45

[[steps]]
exercise = "frog-pump"
sets = 1
reps = 12
"""


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    default = QLocale()
    installed = install_translator(qapp, request.param)
    assert bool(installed) == (request.param != "en")  # English is the source: no file
    yield request.param
    install_translator(qapp, "en")
    QLocale.setDefault(default)


def resize_to(view: PlayerView, width: int, height: int) -> None:
    """Resize the shown player to exactly this size, asking again until it is: the controls
    may stack or go side by side at the new size, and the window's minimum change with them."""
    for _ in range(4):
        view.resize(width, height)
        settle()
        if (view.width(), view.height()) == (width, height):
            break
    assert (view.width(), view.height()) == (width, height)


def rest_before_frog_pumps(qtbot: QtBot, library: Library, width: int,
                           height: int) -> tuple[PlayerView, MonoClock]:
    view, clock = make_player(qtbot, library, ROUTINE)
    resize_to(view, width, height)
    view.runner.start()
    while view.runner.session.phase.kind is not PhaseKind.REST_EXERCISE:
        clock.now += 0.5
        view.runner.evaluate()
    settle()
    assert view.rating.isVisible()
    assert view.rating.pending_key() is not None
    return view, clock


def inside(widget: QWidget, view: PlayerView) -> QRect:
    return QRect(widget.mapTo(view, widget.rect().topLeft()), widget.size())


def all_steps(library: Library) -> str:
    return "\n".join(f"{n}. {step}" for n, step in enumerate(library["frog-pump"].steps, 1))


def test_at_800x600_every_step_shows_beside_a_folded_rating(
        qtbot: QtBot, library: Library, language: str) -> None:
    view, _ = rest_before_frog_pumps(qtbot, library, 800, 600)
    steps = view.steps_label.shown_text()
    assert len(library["frog-pump"].steps) == 3
    # More than the first step, "…" nowhere: all three (before, only step 1 and "…" showed).
    assert steps == all_steps(library)
    assert view.steps_label.lines_used() >= 3
    # The rating is one line: its question, whether it was saved, and the button that opens it.
    rating = view.rating
    assert rating.is_folded()
    assert rating.open_button.isVisible()
    assert not rating.pain_group.buttons()[0].isVisible()
    assert rating.open_button.height() >= TARGET_PX
    assert rating.height() <= 70
    # Nothing clipped or overlapping: the steps end above the rating, the rating above the
    # controls, all inside the window, and the question is not cut short.
    page = view.rect()
    assert page.contains(inside(rating, view))
    assert inside(view.steps_label, view).bottom() < inside(rating, view).top()
    assert inside(rating, view).bottom() < inside(view.back_button, view).top()
    assert page.contains(inside(view.fullscreen_button, view))
    assert rating.title.width() >= rating.title.sizeHint().width()
    assert inside(rating.open_button, view).right() <= inside(rating, view).right()
    view.runner.stop()


def test_the_folded_rating_opens_and_is_saved_as_before(
        qtbot: QtBot, library: Library) -> None:
    view, _ = rest_before_frog_pumps(qtbot, library, 800, 600)
    given: list[object] = []
    view.rating_given.connect(lambda key, rating: given.append(rating))
    view.rating.open_button.click()
    assert not view.rating.is_folded()
    assert view.rating.open_button.text() == "Fold away"
    pain = view.rating.pain_group.button(2)
    assert pain is not None
    assert pain.isVisible()
    pain.click()
    assert [getattr(r, "pain", None) for r in given] == [2]
    view.rating.open_button.click()  # folded away again: what was given stays given
    assert view.rating.is_folded()
    assert view.rating.saved.text() == "Saving…"
    assert view.rating.saved.isVisible()
    view.runner.stop()


def test_at_1280x800_the_rating_folds_so_that_the_steps_show_at_mat_size(
        qtbot: QtBot, library: Library) -> None:
    """The three frog pump steps at their mat-distance size do not fit beside the whole
    rating (before, they were shrunk to 18 px to fit): it folds, and they show on one page."""
    view, _ = rest_before_frog_pumps(qtbot, library, 1280, 800)
    assert view.rating.is_folded()
    assert view.rating.open_button.isVisible()
    assert view.rating.open_button.height() >= TARGET_PX
    assert view.steps_label.page_count() == 1
    assert view.steps_label.shown_text() == all_steps(library)
    assert view.steps_label.used_px() >= round(view.scale() * STEPS_FLOOR)
    view.runner.stop()


def test_the_rating_and_the_big_words_come_back_when_the_steps_are_gone(
        qtbot: QtBot, library: Library) -> None:
    """During the frog pumps themselves (no steps) the rating of the plank is whole again, and
    the phase word and the exercise name take their full size again."""
    view, clock = rest_before_frog_pumps(qtbot, library, 800, 600)
    assert view.rating.is_folded()
    # In the steps' time the ring says "Rest" too: the phase word gives the steps room.
    scale = view.scale()
    assert view.phase_label.used_px() <= round(scale * TIGHT_SIZES["phase"][0])
    while view.runner.session.phase.kind is PhaseKind.REST_EXERCISE:
        clock.now += 0.5
        view.runner.evaluate()
    settle()
    assert not view.steps_label.isVisible()
    assert view.rating.isVisible()
    assert not view.rating.is_compact()
    assert view.phase_label.used_px() > round(scale * TIGHT_SIZES["phase"][0])
    view.runner.stop()


def test_every_exercise_shows_all_its_steps_at_800x600_beside_a_rating(
        qtbot: QtBot, language: str) -> None:
    """Each built-in exercise with steps, in the rest before it, a rating on offer: every step
    shows on one of its pages, none below the mat-distance floor, in English and in German
    (before: 1 of 22 exercises in full, 12 with the first step only, in English; none in full
    in German). The pages' turning is walked in test_player_steps_pages.py."""
    library = builtin_library(language)
    cut: list[tuple[str, int, int]] = []
    checked = 0
    for exercise in library:
        if not exercise.steps or exercise.id == "glute-bridge":
            continue
        dose = "hold_s = 20" if exercise.mode is Mode.HOLD else "reps = 10"
        routine = ('name = "Steps"\nprepare_s = 5\n\n[[steps]]\nexercise = "glute-bridge"\n'
                   'sets = 1\nhold_s = 10\nrest_s = 30\n\n[[steps]]\n'
                   f'exercise = "{exercise.id}"\nsets = 1\n{dose}\n')
        view, clock = make_player(qtbot, library, routine)
        resize_to(view, 800, 600)
        view.runner.start()
        while view.runner.session.phase.kind is not PhaseKind.REST_EXERCISE:
            clock.now += 0.5
            view.runner.evaluate()
        settle()
        assert view.rating.isVisible()
        label = view.steps_label
        on_pages = [n for first, last in label.paging().pages for n in range(first, last + 1)]
        if on_pages != list(range(len(exercise.steps))) or label.used_px() < round(
                view.scale() * STEPS_FLOOR):
            cut.append((exercise.id, len(on_pages), len(exercise.steps)))
        checked += 1
        view.runner.stop()
        view.close()
    assert checked >= 20
    assert cut == []


def test_the_rating_status_stays_readable_in_the_dark_theme(qtbot: QtBot) -> None:
    panel = RatingPanel()
    qtbot.addWidget(panel)
    panel.setPalette(light_palette())
    assert SAVED_GREEN in panel.saved.styleSheet()
    panel.setPalette(dark_palette())
    assert SAVED_GREEN_ON_DARK in panel.saved.styleSheet()


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_a_control_with_the_focus_frame_is_never_cut(
        qtbot: QtBot, library: Library, size: tuple[int, int]) -> None:
    """The focus frame takes 13 px a side inside the button: each control leaves that room
    around its text ("◀ Back" showed as "◀ Ba" at 1280x800 once Tab had reached it)."""
    view, _ = make_player(qtbot, library, ROUTINE)
    resize_to(view, *size)
    frame = 2 * (FOCUS_BORDER_PX + FOCUS_PADDING_PX)
    for button in (view.back_button, view.play_button, view.skip_button, view.shorter_button,
                   view.longer_button, view.hurts_button, view.end_button,
                   view.fullscreen_button, view.mute_button, view.library_button):
        button.setFocus()
        settle()
        text = button.fontMetrics().horizontalAdvance(button.text())
        assert button.width() >= text + frame, button.text()
        assert view.rect().contains(inside(button, view)), button.text()


@pytest.mark.usefixtures("qapp")
def test_in_german_at_1280x800_the_rating_folds_where_steps_would_be_left_out(
        qtbot: QtBot) -> None:
    """The player's own size in a 1280x800 window. The standing hip drive's five German steps
    (a 20 s hold) do not all fit beside the whole rating (two showed): it folds, every step
    shows on one of the pages, and the big words keep their mat-distance size."""
    default = QLocale()
    assert install_translator(QApplication.instance(), "de")  # type: ignore[arg-type]
    try:
        library = builtin_library("de")
        for exercise_id, dose, folds in (("standing-hip-drive", "hold_s = 20", True),):
            routine = ROUTINE.replace('"frog-pump"', f'"{exercise_id}"').replace(
                "reps = 12", dose)
            view, clock = make_player(qtbot, library, routine)
            resize_to(view, 1176, 778)
            view.runner.start()
            while view.runner.session.phase.kind is not PhaseKind.REST_EXERCISE:
                clock.now += 0.5
                view.runner.evaluate()
            settle()
            steps = library[exercise_id].steps
            assert view.rating.is_folded() is folds, exercise_id
            pages = view.steps_label.paging().pages
            assert [n for first, last in pages for n in range(first, last + 1)] == list(
                range(len(steps))), exercise_id
            assert view.steps_label.used_px() >= round(view.scale() * STEPS_FLOOR)
            assert view.phase_label.used_px() > round(view.scale() * TIGHT_SIZES["phase"][0])
            view.runner.stop()
    finally:
        install_translator(QApplication.instance(), "en")  # type: ignore[arg-type]
        QLocale.setDefault(default)


def test_the_player_fits_the_room_a_1280x800_or_800x600_window_gives_it(
        qtbot: QtBot, language: str) -> None:
    """The player's share of a 1280x800 window is 1176 px wide, of an 800x600 one 696 px: its
    controls, widened for the focus frame, must not ask for more."""
    library = builtin_library(language)
    view, _ = make_player(qtbot, library, ROUTINE)
    for width, height in ((1176, 778), (696, 578)):
        resize_to(view, width, height)
        assert view.minimumSizeHint().width() <= width, (language, width)


def test_full_screen_on_a_1280x800_screen_holds_the_player_to_the_screen(
        qtbot: QtBot, language: str) -> None:
    """Full screen on a 13-inch laptop gives the player all of 1280x800, and its buttons grow
    with it. In German the two groups of controls side by side asked for up to 1318 px, so
    the full-screen window stood wider than the screen and lost its right edge ("So geht es",
    "Vollbild verlassen"). They now stack where they do not fit, whatever the buttons say."""
    library = builtin_library(language)
    view, clock = make_player(qtbot, library, ROUTINE)
    resize_to(view, 1280, 800)
    for step in ("ready", "running", "paused"):
        if step != "ready":
            view._toggle()  # Space: start, then pause
            clock.now += 1
            view.runner.evaluate()
        for muted in (False, True):
            view.set_muted(muted, notify=False)
            # What the button says while the player is the full-screen window.
            view.fullscreen_button.setText(view.tr("Leave full screen"))
            settle()
            assert view.minimumSizeHint().width() <= 1280, (language, step, muted)
            assert (view.width(), view.height()) == (1280, 800)
            for button in (view.back_button, view.play_button, view.skip_button,
                           view.hurts_button, view.end_button, view.fullscreen_button,
                           view.mute_button, view.library_button):
                assert view.rect().contains(inside(button, view)), (language, button.text())
                assert button.width() >= button.minimumSizeHint().width(), button.text()
    assert view.play_button.text() == view.tr("Resume")
    rows = {inside(button, view).top() for button in (view.back_button, view.fullscreen_button)}
    # English fits on one row of controls; German stacks its two groups.
    assert len(rows) == (1 if language == "en" else 2)
    view.runner.stop()


LONG_NAME_HURTS = """
name = "Long name"
prepare_s = 1

[[steps]]
exercise = "side-lying-inward-leg-lift"
sets = 2
reps = 15
"""


def test_a_long_name_in_a_low_window_shows_whole_not_cut_through(
        qtbot: QtBot, qapp: QApplication) -> None:
    """German, the "It hurts" panel open in set 2 with set 1's rating and two rows of
    controls in a 1176x740 player: the name had room for one line only. It drew two lines of
    48 px, its smallest size, in 56 px, their tops and bottoms cut off; it now goes up to a
    fifth under that size, where the whole name fits on one line. With room, it shows on two
    lines at full size."""
    with in_language(qapp, "de"):
        library = builtin_library("de")
        view, clock = make_player(qtbot, library, LONG_NAME_HURTS)
        resize_to(view, 1176, 740)
        runner, session = view.runner, view.runner.session
        runner.start()
        while not (session.phase.kind.is_work and session.phase.set_number == 2):
            if session.phase.kind.is_work:
                runner.done()
            else:
                clock.advance(0.5)
                runner.evaluate()
        view.show_stop_panel()
        settle()
        label = view.exercise_label
        name = library["side-lying-inward-leg-lift"].name
        smallest = round(view.scale() * SIZES["exercise"][1])  # the name's floor
        assert label.height() < 2 * QFontMetrics(label.font_at(smallest)).lineSpacing()
        assert round(smallest * BELOW_FLOOR) <= label.used_px() < smallest
        assert label.drawn_text() == name
        assert label.lines_used() == 1
        metrics = QFontMetrics(label.used_font())
        assert metrics.lineSpacing() <= label.contentsRect().height()
        assert metrics.horizontalAdvance(name) <= label.contentsRect().width()
        resize_to(view, 1176, 1000)
        assert label.drawn_text() == name
        assert label.lines_used() == 2
        runner.stop()


def test_text_that_fits_nowhere_ends_its_one_line_in_an_ellipsis(qtbot: QtBot) -> None:
    """Where even a fifth under the smallest size leaves room for one line only, that line
    ends in "…" rather than two lines being cut through their middle."""
    label = FitLabel(max_lines=2)
    qtbot.addWidget(label)
    label.set_sizes(60, 40)
    label.setText("Beinheben nach innen gedreht in Seitenlage")
    label.setFixedSize(400, 50)
    label.show()
    settle()
    assert label.used_px() == 40  # at the floor: a fifth under it fits no better
    drawn = label.drawn_text()
    assert drawn.endswith("…")
    assert label.text().startswith(drawn[:-1].rstrip())
    assert QFontMetrics(label.used_font()).horizontalAdvance(drawn) <= 400
    label.setFixedSize(400, 200)  # room for two lines: all of it
    settle()
    assert label.drawn_text() == label.text()
