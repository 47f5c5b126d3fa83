"""The steps in the rest before an exercise: never smaller than the mat can read, a page at a
time where they do not all fit, turned by the session's clock, every step shown whole."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import PhaseKind
from gluteapp.core.exercises import Mode
from gluteapp.gui.player.view import STEPS_FLOOR, PlayerView
from tests.builders import MonoClock
from tests.gui.conftest import in_language, settle
from tests.gui.test_player import make_player, press
from tests.gui.test_player_small_window import resize_to

#: The player's share of a 1280x800 window, and an 800x600 window.
SIZES = [(1176, 778), (800, 600)]

MARKERS = {
    "en": (r"Step (\d+) of (\d+)", r"Steps (\d+)–(\d+) of (\d+)"),
    "de": (r"Schritt (\d+) von (\d+)", r"Schritte (\d+)–(\d+) von (\d+)"),
}


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    with in_language(qapp, request.param):
        yield request.param


def routine_before(exercise_id: str, mode: Mode, prepare_s: int = 5) -> str:
    """Glute bridges, then a 30 s rest before `exercise_id`: its steps show in that rest."""
    dose = "hold_s = 20" if mode is Mode.HOLD else "reps = 10"
    return (f'name = "Steps"\nprepare_s = {prepare_s}\n\n[[steps]]\nexercise = "glute-bridge"\n'
            'sets = 1\nhold_s = 10\nrest_s = 30\n\n[[steps]]\n'
            f'exercise = "{exercise_id}"\nsets = 1\n{dose}\n')


def to_the_rest(view: PlayerView, clock: MonoClock) -> None:
    view.runner.start()
    while view.runner.session.phase.kind is not PhaseKind.REST_EXERCISE:
        clock.now += 0.5
        view.runner.evaluate()
    settle()


def rest_began(view: PlayerView) -> float:
    """The clock's reading when the present phase began."""
    session = view.runner.session
    duration, remaining = session.phase_duration_s, session.remaining_s(view.runner.clock())
    assert duration is not None
    assert remaining is not None
    return view.runner.clock() - (duration - remaining)


def numbered(steps: tuple[str, ...], first: int, last: int) -> str:
    return "\n".join(f"{n + 1}. {steps[n]}" for n in range(first, last + 1))


def marker_steps(marker: str, language: str) -> tuple[int, int, int]:
    """(first, last, count) as the marker says them, counted from 1."""
    one, several = MARKERS[language]
    if found := re.fullmatch(one, marker):
        return int(found[1]), int(found[1]), int(found[2])
    found = re.fullmatch(several, marker)
    assert found, marker
    return int(found[1]), int(found[2]), int(found[3])


def fits_unclipped(view: PlayerView) -> bool:
    """The page showing, at the size it is drawn, fits below its marker inside the label."""
    label = view.steps_label
    rect = label.contentsRect()
    room = rect.height()
    if label.marker_px():
        marker = label.font_at(label.marker_px())
        marker.setBold(True)
        room -= QFontMetrics(marker).lineSpacing()
    box = QFontMetrics(label.used_font()).boundingRect(
        QRect(0, 0, rect.width(), 100_000), Qt.TextFlag.TextWordWrap, label.shown_text())
    return box.width() <= rect.width() and box.height() <= room


@pytest.mark.parametrize("size", SIZES, ids=["1176x778", "800x600"])
def test_every_exercise_s_steps_read_from_the_mat_a_page_at_a_time(
        qtbot: QtBot, language: str, size: tuple[int, int]) -> None:
    """Every built-in exercise, in the 30 s rest before it with a rating on offer, walked a
    second at a time: never below the floor, each page whole steps in order, the first page
    first, each step on some page, the marker naming the page, the pages turning."""
    library = builtin_library(language)
    checked, paged = 0, 0
    for exercise in library:
        if not exercise.steps or exercise.id == "glute-bridge":
            continue
        view, clock = make_player(qtbot, library, routine_before(exercise.id, exercise.mode))
        resize_to(view, *size)
        to_the_rest(view, clock)
        label, steps = view.steps_label, exercise.steps
        floor = round(view.scale() * STEPS_FLOOR)
        assert label.accessibleDescription() == numbered(steps, 0, len(steps) - 1)
        pages = list(label.paging().pages)
        seen: list[tuple[int, int]] = []
        while view.runner.session.phase.kind is PhaseKind.REST_EXERCISE:
            first, last = label.page_steps()
            assert label.used_px() >= floor, (exercise.id, label.used_px(), floor)
            assert label.shown_text() == numbered(steps, first, last), exercise.id
            assert fits_unclipped(view), (exercise.id, first, last)
            if label.page_count() > 1:
                assert marker_steps(label.marker_text(), language) == (
                    first + 1, last + 1, len(steps))
            else:
                assert label.marker_text() == ""
            if not seen or seen[-1] != (first, last):
                seen.append((first, last))
            clock.now += 1.0
            view.runner.evaluate()
        assert seen[0][0] == 0, exercise.id  # the first step first
        # Each page shown, in order (the rest may come round to the first page again).
        assert seen[:len(pages)] == pages, exercise.id
        assert [n for first, last in pages for n in range(first, last + 1)] == list(
            range(len(steps)))
        paged += len(pages) > 1
        checked += 1
        view.runner.stop()
        view.close()
    assert checked >= 20
    assert paged >= 5  # the paging itself is under test, not only the single page


@pytest.mark.usefixtures("qapp")
def test_pages_turn_with_the_session_clock_and_hold_while_paused(qtbot: QtBot) -> None:
    """German single-leg Romanian deadlifts at 1280x800: five pages, one step each, under
    "Schritt n von 5". (Bird dogs paged so until their lying figure went under the countdown
    and gave the steps its column: three pages now.)"""
    with in_language(QApplication.instance(), "de"):  # type: ignore[arg-type]
        library = builtin_library("de")
        view, clock = make_player(qtbot, library, routine_before("single-leg-rdl", Mode.REPS))
        resize_to(view, 1176, 778)
        to_the_rest(view, clock)
        label = view.steps_label
        steps = library["single-leg-rdl"].steps
        assert label.page_count() == 5
        assert label.marker_text() == "Schritt 1 von 5"
        assert label.shown_text() == numbered(steps, 0, 0)
        times = label.page_times()
        into = clock.now - rest_began(view)
        # Paused for a minute just before the first page's time is up: it stays.
        clock.now += times[0] - into - 0.5
        view.runner.evaluate()
        view.runner.pause()
        clock.now += 60.0
        view.runner.evaluate()
        settle()
        assert label.marker_text() == "Schritt 1 von 5"
        assert label.shown_text() == numbered(steps, 0, 0)
        view.runner.resume()
        clock.now += 0.5  # its time is up: the second step, with its marker
        view.runner.evaluate()
        assert label.marker_text() == "Schritt 2 von 5"
        assert label.shown_text() == numbered(steps, 1, 1)
        # Painted, not only worked out: the marker and the step take the label's pixels.
        before = label.grab().toImage()
        clock.now += times[1]
        view.runner.evaluate()
        settle()
        assert label.marker_text() == "Schritt 3 von 5"
        assert label.grab().toImage() != before
        # A screen reader still has every step, whichever page shows.
        accessible = QAccessible.queryAccessibleInterface(label)
        assert accessible is not None
        assert accessible.text(QAccessible.Text.Description) == numbered(steps, 0, 4)
        view.runner.stop()


def test_the_get_ready_shows_the_first_step_first(qtbot: QtBot) -> None:
    """Before Start and through the get-ready of the first exercise, the first page; a short
    get-ready still turns to the others."""
    library = builtin_library()
    text = routine_before("single-leg-rdl", Mode.REPS, prepare_s=10).replace(
        '"glute-bridge"', '"single-leg-rdl"', 1)
    view, clock = make_player(qtbot, library, text)
    resize_to(view, 800, 600)
    label = view.steps_label
    assert label.isVisible()
    assert label.page_steps()[0] == 0
    assert label.shown_text().startswith("1. ")
    pages = label.page_count()
    view.runner.start()
    seen = []
    while view.runner.session.phase.kind is PhaseKind.PREPARE:
        seen.append(label.page_steps())
        clock.now += 1.0
        view.runner.evaluate()
    assert seen[0][0] == 0
    assert len(set(seen)) == pages > 1  # 10 s: every page, squeezed
    view.runner.stop()


@pytest.mark.usefixtures("qapp")
def test_page_down_and_page_up_turn_the_pages_by_hand(qtbot: QtBot) -> None:
    """Paused on the first of bird dog's four pages: Page Down shows the next at once, Page Up
    the one before (from the first, the last); resumed, the page turned to keeps its time."""
    library = builtin_library()
    view, clock = make_player(qtbot, library, routine_before("bird-dog", Mode.REPS))
    resize_to(view, 800, 600)
    to_the_rest(view, clock)
    label = view.steps_label
    pages = label.paging().pages
    assert len(pages) >= 2
    view.runner.pause()
    assert label.page_steps() == pages[0]
    press(view, Qt.Key.Key_PageDown)
    assert label.page_steps() == pages[1]
    assert label.shown_text() == numbered(library["bird-dog"].steps, *pages[1])
    press(view, Qt.Key.Key_PageUp)
    press(view, Qt.Key.Key_PageUp)
    assert label.page_steps() == pages[-1]
    assert view.runner.session.is_paused  # the keys turn pages, nothing else
    press(view, Qt.Key.Key_PageDown)  # from the last on to the first
    assert label.page_steps() == pages[0]
    press(view, Qt.Key.Key_PageDown)
    view.runner.resume()
    time = label.page_times()[1]
    clock.now += time - 0.5
    view.runner.evaluate()
    assert label.page_steps() == pages[1]  # its own time, counted from the key
    clock.now += 0.5
    view.runner.evaluate()
    assert label.page_steps() == pages[2 % len(pages)]
    view.runner.stop()
