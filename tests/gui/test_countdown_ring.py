"""The countdown ring lays its track down from a picture drawn once per size and colour."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from pytestqt.qtbot import QtBot

from gluteapp.gui.player.countdown import CountdownRing
from gluteapp.gui.theme import dark_palette, light_palette


def drawn_directly(ring: CountdownRing) -> QImage:
    """The empty ring as it was painted before the picture: the circle stroked each time."""
    image = QImage(ring.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(ring.palette().color(QPalette.ColorRole.Window))
    side = min(ring.width(), ring.height())
    pen_w = max(8.0, side * 0.06)
    rect = QRectF((ring.width() - side) / 2 + pen_w / 2, (ring.height() - side) / 2 + pen_w / 2,
                  side - pen_w, side - pen_w)
    track = QColor(ring.palette().windowText().color())
    track.setAlpha(40)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(track, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    painter.drawEllipse(rect)
    painter.end()
    return image


def largest_difference(one: QImage, other: QImage) -> int:
    one = one.convertToFormat(QImage.Format.Format_RGB32)
    other = other.convertToFormat(QImage.Format.Format_RGB32)
    assert one.size() == other.size()
    worst = 0
    for y in range(0, one.height(), 3):
        for x in range(0, one.width(), 3):
            a, b = QColor(one.pixel(x, y)), QColor(other.pixel(x, y))
            worst = max(worst, abs(a.red() - b.red()), abs(a.green() - b.green()),
                        abs(a.blue() - b.blue()))
    return worst


def test_the_track_matches_the_stroked_circle_through_sizes_and_themes(qtbot: QtBot) -> None:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.set_state("", 0.0, "work")  # the track alone: no arc, no number
    seen: list[QColor] = []
    for width, height, palette in ((300, 300, light_palette()), (300, 300, dark_palette()),
                                   (520, 400, dark_palette()), (520, 400, light_palette())):
        ring.setPalette(palette)
        ring.resize(width, height)
        picture = ring.grab().toImage()
        assert largest_difference(picture, drawn_directly(ring)) <= 2, (width, height)
        top = picture.pixel(width // 2, (height - min(width, height)) // 2 + 6)
        seen.append(QColor(top))
    # The track follows the theme: light and dark differ, and coming back gives the same.
    assert seen[0] != seen[1]
    assert seen[2] == seen[1]
    assert seen[3] == seen[0]
