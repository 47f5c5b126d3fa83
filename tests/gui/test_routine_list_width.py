"""The routine list is as wide as its longest line where the window has room, in German too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from gluteapp.gui.player.sessions import LIST_SHARE
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
    assert picker.list.width() <= round(picker.width() * LIST_SHARE) + 2
    # A line too long is wrapped within the column: nothing to scroll sideways, and each
    # item as tall as its lines wrapped at the width the style draws them (Qt's own wrap cut
    # "17 Min." off); each item also says the whole of it as its tooltip.
    lists = picker.list
    assert lists.horizontalScrollBar().maximum() == 0
    metrics = lists.fontMetrics()
    texts = [lists.item(row).text() for row in range(lists.count())]
    style = lists.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, lists) + 1
    wrapped = 0
    for row, text in enumerate(texts):
        item = lists.item(row)
        option = QStyleOptionViewItem()
        option.initFrom(lists)
        option.rect = lists.visualItemRect(item)
        option.text = text
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        assert option.rect.left() >= 0
        assert option.rect.right() < lists.viewport().width()
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, lists)
        area = area.adjusted(margin, 0, -margin, 0)
        needed = metrics.boundingRect(area.adjusted(0, 0, 0, 10_000),
                                      int(Qt.TextFlag.TextWordWrap), text)
        assert needed.height() <= area.height(), (text, needed, area)
        wrapped += needed.height() > metrics.lineSpacing() * len(text.splitlines()) + 2
    assert wrapped >= 3  # the long German lines did wrap
    for row, text in enumerate(texts):
        assert lists.item(row).toolTip() == text
    for button in (picker.start_button, picker.sheet_button, picker.edit_button):
        assert button.width() >= button.sizeHint().width(), button.text()
