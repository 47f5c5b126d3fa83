"""A back view of the hips and thighs that colours the muscles an exercise works."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QVBoxLayout, QWidget

from gluteapp.core.exercises import Exercise, Muscle
from gluteapp.gui.library.icons import library_icon_path
from gluteapp.gui.library.widgets import blend, scaled_font
from gluteapp.gui.words import muscle_label

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)

#: Strong orange for the main target, a pale one for muscles that help; both read on light and
#: dark windows and neither depends on colour alone (the legend and the chips name them).
PRIMARY_COLOUR = QColor("#e8590c")
SECONDARY_COLOUR = QColor("#ffb07c")

_DIAGRAM = "body-back.svg"
_DEEP = frozenset({Muscle.GLUTEUS_MINIMUS})
_WIDTH = 168


def _ids(root: ET.Element) -> dict[str, ET.Element]:
    return {element.get("id", ""): element for element in root.iter() if element.get("id")}


class BodyDiagramCanvas(QWidget):
    """Renders the SVG with the chosen muscles recoloured, keeping its aspect ratio."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._template = ET.fromstring(library_icon_path(_DIAGRAM).read_bytes())
        ids = _ids(self._template)
        self._shown = frozenset(muscle for muscle in Muscle if muscle.value in ids)
        self._primary: frozenset[Muscle] = frozenset()
        self._secondary: frozenset[Muscle] = frozenset()
        self._renderer = QSvgRenderer(self)
        self._svg = b""
        self._reload()
        # A fixed size in the drawing's proportions: height-for-width layouts inside a scroll
        # area hand out heights for the wrong width, which left gaps around the figure.
        box = self._renderer.viewBoxF()
        self.setFixedSize(QSize(_WIDTH, round(_WIDTH * box.height() / box.width())))

    @property
    def shown_muscles(self) -> frozenset[Muscle]:
        """The muscles the drawing has a shape for."""
        return self._shown

    @property
    def primary(self) -> frozenset[Muscle]:
        return self._primary

    @property
    def secondary(self) -> frozenset[Muscle]:
        return self._secondary

    @property
    def svg(self) -> bytes:
        """The recoloured SVG currently rendered."""
        return self._svg

    def set_muscles(self, primary: Iterable[Muscle], secondary: Iterable[Muscle] = ()) -> None:
        primary_set = frozenset(primary)
        secondary_set = frozenset(secondary) - primary_set
        if (primary_set, secondary_set) != (self._primary, self._secondary):
            self._primary, self._secondary = primary_set, secondary_set
            self._reload()

    def element_centre(self, element_id: str) -> QPointF:
        """Where the centre of an SVG element's bounds is drawn, in this widget's coordinates."""
        if not self._renderer.elementExists(element_id):
            raise KeyError(f"{_DIAGRAM} has no element {element_id!r}")
        bounds = self._renderer.boundsOnElement(element_id)
        box = self._renderer.viewBoxF()
        target = self.target_rect()
        scale = target.width() / box.width()
        centre = bounds.center()
        return QPointF(
            target.x() + (centre.x() - box.x()) * scale,
            target.y() + (centre.y() - box.y()) * scale,
        )

    def target_rect(self) -> QRectF:
        """The largest rectangle of the drawing's proportions that fits, centred."""
        box = self._renderer.viewBoxF()
        area = QRectF(self.contentsRect())
        if box.isEmpty() or area.isEmpty():
            return QRectF()
        scale = min(area.width() / box.width(), area.height() / box.height())
        size = box.size() * scale
        return QRectF(
            area.x() + (area.width() - size.width()) / 2,
            area.y() + (area.height() - size.height()) / 2,
            size.width(),
            size.height(),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, self.target_rect())
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self._reload()
        super().changeEvent(event)

    def _reload(self) -> None:
        self._svg = self._recoloured()
        self._renderer.load(QByteArray(self._svg))
        self.update()

    def _recoloured(self) -> bytes:
        """The template with the palette's neutral tones and the highlight colours filled in."""
        root = copy.deepcopy(self._template)
        ids = _ids(root)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        for prefix, colour in (
            ("skin-stop-", blend(window, text, 0.07)),
            ("line-stop-", blend(window, text, 0.62)),
        ):
            for element_id, element in ids.items():
                if element_id.startswith(prefix):
                    element.set("stop-color", colour.name())
        muscles = ids["muscles"]
        muscles.set("fill", blend(window, text, 0.17).name())
        muscles.set("stroke", blend(window, text, 0.38).name())
        for muscle_set, colour in (
            (self._secondary, SECONDARY_COLOUR),
            (self._primary, PRIMARY_COLOUR),
        ):
            for muscle in muscle_set & self._shown:
                group = ids[muscle.value]
                group.set("fill", colour.name())
                group.set("stroke", colour.darker(135).name())
                if muscle in _DEEP:
                    # Seen through the muscle on top of it: translucent, outline kept dashed.
                    group.set("fill-opacity", "0.75")
                    group.set("stroke-width", "1.6")
        svg: bytes = ET.tostring(root, encoding="utf-8")
        return svg


def _swatch(colour: QColor | None, outline: QColor, *, dashed: bool = False) -> QPixmap:
    pixmap = QPixmap(QSize(14, 14))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(outline, 1.4)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    if colour is None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3)
    painter.end()
    return pixmap


class BodyDiagram(QWidget):
    """The back-view drawing with a small legend, showing one exercise's target muscles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = BodyDiagramCanvas()
        self.canvas.setAccessibleName(self.tr("Body diagram, seen from behind"))

        self.caption = QLabel(self.tr("Seen from behind"))
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.caption.setFont(scaled_font(self.font(), 0.9))

        legend = QGridLayout()
        legend.setContentsMargins(0, 0, 0, 0)
        legend.setHorizontalSpacing(6)
        legend.setVerticalSpacing(2)
        self._legend_swatches: list[QLabel] = []
        self.legend_labels: list[QLabel] = []
        for row, text in enumerate(
            (self.tr("Main target"), self.tr("Also worked"), self.tr("Deep, under the others"))
        ):
            swatch = QLabel()
            label = QLabel(text)
            label.setWordWrap(True)
            legend.addWidget(swatch, row, 0, Qt.AlignmentFlag.AlignTop)
            legend.addWidget(label, row, 1)
            self._legend_swatches.append(swatch)
            self.legend_labels.append(label)
        legend.setColumnStretch(1, 1)

        self.not_shown_label = QLabel()
        self.not_shown_label.setWordWrap(True)
        self.not_shown_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.not_shown_label.hide()

        self._side = QVBoxLayout()
        self._side.setContentsMargins(0, 0, 0, 0)
        self._side.setSpacing(4)
        self._side.addWidget(self.caption)
        self._side.addLayout(legend)
        self._side.addWidget(self.not_shown_label)

        self._orientation = Qt.Orientation.Vertical
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignHCenter)
        self._layout.addLayout(self._side)
        self._paint_swatches()

    def add_to_legend(self, widget: QWidget) -> None:
        """Put a widget (a link to the anatomy page, say) under the legend."""
        self._side.addWidget(widget)

    def set_orientation(self, orientation: Qt.Orientation) -> None:
        """Vertical: the legend under the drawing; horizontal: beside it, for narrow panes."""
        if orientation == self._orientation:
            return
        self._orientation = orientation
        horizontal = orientation == Qt.Orientation.Horizontal
        self._layout.setDirection(
            QBoxLayout.Direction.LeftToRight if horizontal else QBoxLayout.Direction.TopToBottom
        )
        self._layout.setSpacing(16 if horizontal else 4)
        self._layout.setAlignment(
            self.canvas,
            Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignHCenter,
        )
        self.caption.setAlignment(
            Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignHCenter
        )
        if horizontal:
            self._side.insertStretch(0, 1)
            self._side.addStretch(1)
        else:
            for index in reversed(range(self._side.count())):
                item = self._side.itemAt(index)
                if item is not None and item.spacerItem() is not None:
                    self._side.takeAt(index)

    def set_exercise(self, exercise: Exercise | None) -> None:
        if exercise is None:
            self.set_muscles((), ())
        else:
            self.set_muscles(exercise.primary_muscles, exercise.secondary_muscles)

    def set_muscles(self, primary: Iterable[Muscle], secondary: Iterable[Muscle] = ()) -> None:
        primary = list(primary)
        secondary = [m for m in secondary if m not in primary]
        self.canvas.set_muscles(primary, secondary)
        hidden = [m for m in (*primary, *secondary) if m not in self.canvas.shown_muscles]
        if hidden:
            self.not_shown_label.setText(
                self.tr("Not in the drawing: {muscles}").format(
                    muscles=", ".join(muscle_label(m) for m in hidden)
                )
            )
        self.not_shown_label.setVisible(bool(hidden))
        description = [
            self.tr("Main target: {0}.").format(", ".join(muscle_label(m) for m in primary))
        ]
        if secondary:
            description.append(
                self.tr("Also worked: {0}.").format(", ".join(muscle_label(m) for m in secondary))
            )
        self.canvas.setAccessibleDescription(" ".join(description) if primary else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_swatches()
        super().changeEvent(event)

    def _paint_swatches(self) -> None:
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        line = blend(window, text, 0.5)
        pixmaps = (
            _swatch(PRIMARY_COLOUR, PRIMARY_COLOUR.darker(135)),
            _swatch(SECONDARY_COLOUR, SECONDARY_COLOUR.darker(135)),
            _swatch(None, line, dashed=True),
        )
        for swatch, pixmap in zip(self._legend_swatches, pixmaps, strict=True):
            swatch.setPixmap(pixmap)
