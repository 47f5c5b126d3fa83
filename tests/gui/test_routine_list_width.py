"""The routine list is as wide as its longest line where the window has room, in German too."""

from __future__ import annotations

import pytest

from tests.gui.conftest import StartApp, settle


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_routine_line_fits_the_list_at_1280x800(
    start_app: StartApp, language: str
) -> None:
    app = start_app(view="sessions", language=language, size=(1280, 800), skip_first_run=True)
    settle()
    picker = app._sessions_view().picker
    lists = picker.list
    metrics = lists.fontMetrics()
    lines = [line for row in range(lists.count()) for line in lists.item(row).text().splitlines()]
    needs = {"de": "Braucht:", "en": "Needs:"}[language]
    assert any(needs in line for line in lines)  # the long lines are there to be fitted
    widest = max(metrics.horizontalAdvance(line) for line in lines)
    # Nothing runs off: no sideways scrolling, and the longest line within the viewport.
    assert lists.horizontalScrollBar().maximum() == 0
    assert widest + 2 * 8 <= lists.viewport().width()
    # And the routine's own page keeps its buttons whole.
    for button in (picker.start_button, picker.sheet_button, picker.edit_button):
        assert button.width() >= button.sizeHint().width(), button.text()


def test_the_list_gives_way_in_a_small_window(start_app: StartApp) -> None:
    app = start_app(view="sessions", language="de", size=(800, 600), skip_first_run=True)
    settle()
    picker = app._sessions_view().picker
    assert picker.list.width() <= round(picker.width() * 0.25) + 2
    for button in (picker.start_button, picker.sheet_button, picker.edit_button):
        assert button.width() >= button.sizeHint().width(), button.text()
