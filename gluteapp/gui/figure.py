"""The exercise figure drawn with QPainter: a body of filled, tapered shapes with its props.

Everything it draws comes from `gluteapp.core.kinematics` as flat polygons; this module only
chooses colours from the palette (so the figure follows the light and dark themes), fits the
stage into a rectangle and mirrors it for the right side. No image files.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct, field
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from gluteapp.core.exercises import Exercise, Library, Muscle
from gluteapp.core.kinematics import Drawing, Emphasis, Figure, Glutes, Point, Role, Timing
from gluteapp.core.own_library import poses_for
from gluteapp.core.poses import Pose, PoseLibrary
from gluteapp.gui.library.body_diagram import PRIMARY_COLOUR, SECONDARY_COLOUR
from gluteapp.gui.library.widgets import blend

START = Timing.start()
#: A mini band's colour: a blue that is neither the glutes' orange nor the app's green.
BAND_COLOUR = QColor("#1c7ed6")
#: Chairs, steps and blocks: a warm wood tone that reads on light and dark windows.
WOOD_COLOUR = QColor("#a8743f")
MAT_COLOUR = QColor("#2f8f74")


class FigureColours(Struct, frozen=True):
    """The colours of one figure, taken from a palette."""

    background: QColor
    body: QColor
    far: QColor
    floor: QColor
    floor_fill: QColor
    mat: QColor
    wall: QColor
    wall_edge: QColor
    furniture: QColor
    furniture_edge: QColor
    weight: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> FigureColours:
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        return cls(
            background=window,
            body=blend(window, text, 0.82),
            far=blend(window, text, 0.5),
            floor=blend(window, text, 0.5),
            floor_fill=blend(window, text, 0.07),
            mat=blend(window, MAT_COLOUR, 0.38),
            wall=blend(window, text, 0.13),
            wall_edge=blend(window, text, 0.42),
            furniture=blend(window, WOOD_COLOUR, 0.7),
            furniture_edge=blend(window, WOOD_COLOUR.darker(160), 0.9),
            weight=blend(window, text, 0.92),
        )


def glutes_of(exercise: Exercise | None) -> Glutes:
    """Which glutes to colour, and how strongly: the exercise's main and helping muscles."""
    if exercise is None:
        return Glutes()

    def emphasis(*muscles: Muscle) -> Emphasis:
        if any(m in exercise.primary_muscles for m in muscles):
            return Emphasis.PRIMARY
        if any(m in exercise.secondary_muscles for m in muscles):
            return Emphasis.SECONDARY
        return Emphasis.NONE

    return Glutes(emphasis(Muscle.GLUTEUS_MAXIMUS),
                  emphasis(Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MINIMUS))


def figure_for(pose: Pose, exercise: Exercise | None) -> Figure:
    return Figure.of(pose, glutes_of(exercise))


class Figures(Struct):
    """Every exercise's figure, built when first asked for (about 20 ms each) and kept."""

    library: Library
    #: None: the library's own (built-in poses, and the figures of your own exercises).
    given_poses: PoseLibrary | None = None
    _made: dict[tuple[str, str | None], Figure | None] = field(default_factory=dict)
    _made_from: PoseLibrary | None = None

    @property
    def poses(self) -> PoseLibrary:
        return self.given_poses if self.given_poses is not None else poses_for(self.library)

    def get(self, exercise_id: str, variation: str | None = None) -> Figure | None:
        """The figure of an exercise, or of the easier or harder version named; None when
        the exercise has no pose (your own exercise with a photo or no picture, say)."""
        key = (exercise_id, variation)
        poses = self.poses
        if poses is not self._made_from:  # your exercises changed: their figures may have
            self._made.clear()
            self._made_from = poses
        if key not in self._made:
            pose = poses.pose(exercise_id, variation)
            self._made[key] = None if pose is None else figure_for(
                pose, self.library.get(pose.exercise_id))
        return self._made[key]


def stage_transform(bounds: tuple[float, float, float, float], rect: QRectF,
                    mirrored: bool = False) -> tuple[QTransform, float]:
    """Stage units (y up) to `rect` (y down), keeping proportions, centred; and the scale."""
    left, bottom, right, top = bounds
    width, height = right - left, top - bottom
    scale = min(rect.width() / width, rect.height() / height)
    transform = QTransform()
    transform.translate(rect.center().x(), rect.center().y())
    transform.scale(-scale if mirrored else scale, -scale)
    transform.translate(-(left + right) / 2, -(bottom + top) / 2)
    return transform, scale


def _polygon(points: Sequence[Point]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def paint_drawing(painter: QPainter, drawing: Drawing, bounds: tuple[float, float, float, float],
                  rect: QRectF, colours: FigureColours, mirrored: bool = False) -> None:
    """Paint `drawing` into `rect`, mirrored left to right for the other side."""
    transform, scale = stage_transform(bounds, rect, mirrored)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)  # the floor line runs to the edge
    painter.setTransform(transform, True)
    outline = QPen(colours.background, 0.011, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
    torso = QPainterPath()
    torso.setFillRule(Qt.FillRule.WindingFill)
    for points in drawing.torso:
        torso.addPolygon(_polygon(points))
        torso.closeSubpath()
    torso_drawn = False
    for shape in drawing.shapes:
        polygon = _polygon(shape.points)
        role = shape.role
        if shape.part in ("upper_torso", "lower_torso"):
            # Both halves as one outline: no seam across the waist.
            if not torso_drawn:
                painter.setPen(outline)
                painter.setBrush(colours.body)
                painter.drawPath(torso.simplified())
                torso_drawn = True
            continue
        if shape.line:
            _paint_line(painter, role, polygon, colours, scale)
            continue
        if role in (Role.GLUTE, Role.GLUTE_HELPS):
            colour = QColor(PRIMARY_COLOUR if role is Role.GLUTE else SECONDARY_COLOUR)
            colour.setAlphaF(shape.alpha)
            painter.save()
            painter.setClipPath(torso, Qt.ClipOperation.IntersectClip)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(polygon)
            painter.restore()
            continue
        fill, pen = _fill_and_pen(role, colours, outline)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawPolygon(polygon)
    painter.restore()


def _fill_and_pen(role: Role, colours: FigureColours, outline: QPen) -> tuple[QColor, QPen]:
    if role is Role.BODY:
        return colours.body, outline
    if role is Role.FAR:
        return colours.far, outline
    if role is Role.FLOOR:
        return colours.floor_fill, QPen(colours.floor, 0.008)
    if role is Role.MAT:
        return colours.mat, QPen(Qt.PenStyle.NoPen)
    if role is Role.WALL:
        return colours.wall, QPen(colours.wall_edge, 0.008)
    if role is Role.WEIGHT:
        return colours.weight, outline
    return colours.furniture, QPen(colours.furniture_edge, 0.008)


def _paint_line(painter: QPainter, role: Role, polygon: QPolygonF, colours: FigureColours,
                scale: float) -> None:
    if role is Role.BAND:
        pen = QPen(BAND_COLOUR, 0.02, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
    else:
        pen = QPen(colours.floor, max(0.012, 2.0 / scale), Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(polygon)


def render_figure(figure: Figure, timing: Timing, size: QSize, palette: QPalette,
                  mirrored: bool = False, background: bool = True) -> QImage:
    """The figure at `timing` as an image of `size` (for files, sheets and reports)."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    colours = FigureColours.from_palette(palette)
    image.fill(colours.background if background else QColor(Qt.GlobalColor.transparent))
    painter = QPainter(image)
    try:
        margin = max(2.0, min(size.width(), size.height()) * 0.03)
        rect = QRectF(0, 0, size.width(), size.height()).adjusted(margin, margin, -margin,
                                                                  -margin)
        paint_drawing(painter, figure.drawing(timing), figure.bounds, rect, colours, mirrored)
    finally:
        painter.end()
    return image


class FigureCanvas(QWidget):
    """One still or moving figure, fitted to the widget, following the palette."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._figure: Figure | None = None
        self._timing = START
        self._mirrored = False
        self._drawing: Drawing | None = None
        self._position: float | None = None  # where in its movement the drawing is
        #: Draw the figure on the canvas's bottom edge rather than centred, so that a caption
        #: under the canvas sits right under its feet, however tall the canvas.
        self.on_bottom = False

    @property
    def figure(self) -> Figure | None:
        return self._figure

    @property
    def timing(self) -> Timing:
        return self._timing

    @property
    def mirrored(self) -> bool:
        return self._mirrored

    @property
    def drawing(self) -> Drawing | None:
        return self._drawing

    def show_figure(self, figure: Figure | None, timing: Timing = START,
                    mirrored: bool = False) -> None:
        position = figure.movement.position(timing) if figure is not None else None
        same = figure is self._figure and mirrored == self._mirrored
        self._timing = timing
        if same and position == self._position:
            return  # a held pose, woken again: the same picture, neither posed nor painted
        self._figure, self._mirrored, self._position = figure, mirrored, position
        self._drawing = figure.drawing(timing) if figure is not None else None
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(240, 240)

    def drawn_rect(self) -> QRectF:
        """Where the figure's stage is drawn: the whole width (the floor runs to the edges),
        and the height its proportions take, centred or on the bottom edge."""
        rect = QRectF(self.contentsRect())
        if self._figure is None:
            return rect
        left, bottom, right, top = self._figure.bounds
        height = min(rect.height(), rect.width() * (top - bottom) / (right - left))
        spare = rect.height() - height
        rect.setTop(rect.top() + (spare if self.on_bottom else spare / 2))
        rect.setHeight(height)
        return rect

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._figure is None or self._drawing is None:
            return
        painter = QPainter(self)
        try:
            rect = self.drawn_rect()
            paint_drawing(painter, self._drawing, self._figure.bounds, rect,
                          FigureColours.from_palette(self.palette()), self._mirrored)
        finally:
            painter.end()
