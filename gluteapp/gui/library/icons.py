"""Checked access to the library browser's SVG files in assets/icons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from gluteapp.core.assets import assets_dir

#: Every SVG this package reads; also listed under the /icons prefix of resources.qrc.
LIBRARY_ICONS = frozenset({"body-back.svg", "caution.svg"})


class UnknownIconError(KeyError):
    """An icon name the library browser does not ship."""


def library_icon_path(name: str) -> Path:
    """The file of a known icon; raises on a name not in LIBRARY_ICONS or a missing file."""
    if name not in LIBRARY_ICONS:
        known = ", ".join(sorted(LIBRARY_ICONS))
        raise UnknownIconError(f"no library icon {name!r}; known icons: {known}")
    path = assets_dir() / "icons" / name
    if not path.is_file():
        raise FileNotFoundError(f"the library icon {name!r} is missing: looked for {path}")
    return path


def svg_pixmap(name: str, size: QSize, device_pixel_ratio: float = 1.0) -> QPixmap:
    """A known icon rendered sharply at `size` logical pixels."""
    renderer = QSvgRenderer(QByteArray(library_icon_path(name).read_bytes()))
    pixmap = QPixmap(size * device_pixel_ratio)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return pixmap
