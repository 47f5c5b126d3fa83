"""The exercise figure in the player, beside the countdown, moving with the session's own clock.

It asks the engine where the session is (`gluteapp.core.motion.figure_moment`) each time the
player refreshes, and, while the figure is in motion, on a frame timer of its own: the engine
derives the moment from its deadlines, so a late or skipped frame shows the right pose a little
late and never shifts the session. Frames keep clear of the runner's own wake-ups (the
countdown and the cues come first) and come only while the figure moves on screen: not in a
hold once the body is in position, not in a rest, not when paused or hidden.

With reduced motion the start and end pictures stand still instead: side by side, or one
above the other where the figure has more height than width.

A figure much wider than it is high (a body on the floor: a bridge, a side plank) says so
(`lying_changed`): the player then gives it the width under the countdown, where a narrow
column beside it drew a glute bridge's stage 161x68 px at 1280x800 (under it: 380x163).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QImage, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from gluteapp.core.exercises import Library
from gluteapp.core.kinematics import Timing
from gluteapp.core.motion import FigureMoment, figure_moment
from gluteapp.core.own_library import CombinedLibrary
from gluteapp.gui.figure import FigureCanvas, Figures
from gluteapp.gui.own_pictures import PhotoView, load_photo
from gluteapp.gui.player.runner import ANIMATION_MS, SessionRunner

if TYPE_CHECKING:
    from gluteapp.gui.settings import Settings

#: 20 frames a second: smooth enough for a body moving over one to three seconds.
FRAME_MS = 50
#: No frame is drawn in the last CLEAR_S before the runner's next wake-up (it moves the
#: countdown and sounds the cues); one due then is drawn AFTER_S after it instead.
CLEAR_S = 0.03
AFTER_S = 0.004
#: A frame whose timer fires this late finds the event loop behind (a stall, a busy machine):
#: it gives way to whatever is waiting, at most twice in a row.
LATE_S = 0.02
#: The page of `pages` that shows a photo instead of a figure.
PHOTO_PAGE = 2
#: A figure (or photo) at least this much wider than high is lying: of the 23 exercises'
#: figures, the ten on the floor (1.48 to 2.45); the widest standing one, a seated abduction,
#: is 1.05.
LYING_ASPECT = 1.2
#: The smallest the figure is drawn beside the countdown, and under it (see PlayerView).
BESIDE_MINIMUM = (140, 140)
UNDER_MINIMUM = (160, 80)


def aspect(bounds: tuple[float, float, float, float]) -> float:
    """Width over height of a figure's stage (left, bottom, right, top)."""
    left, bottom, right, top = bounds
    return (right - left) / (top - bottom) if top > bottom else 1.0


class PlayerFigure(QWidget):
    """The moving figure, or with reduced motion its start and end pictures."""

    #: The figure shown now is lying (see LYING_ASPECT), or no longer is.
    lying_changed = Signal(bool)

    def __init__(self, runner: SessionRunner, library: Library, figures: Figures | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player_figure")
        self.runner = runner
        self.library = library
        self.figures = figures or Figures(library)
        self.moment: FigureMoment | None = None
        self.frames = 0  # pictures computed, for the tests and the benchmark
        self._reduced = False
        self._on_screen = False
        self._lying = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(*BESIDE_MINIMUM)

        self.canvas = FigureCanvas()
        self.canvas.setAccessibleName(self.tr("Exercise figure"))
        self.start_canvas = FigureCanvas()
        self.end_canvas = FigureCanvas()
        self.start_canvas.on_bottom = self.end_canvas.on_bottom = True  # over their captions
        self.start_canvas.setAccessibleName(self.tr("Start position"))
        self.end_canvas.setAccessibleName(self.tr("End position"))
        still = QWidget()
        self.stills = QGridLayout(still)
        self.stills.setContentsMargins(0, 0, 0, 0)
        self.captions: list[QLabel] = []
        for words in (self.tr("Start"), self.tr("End")):
            caption = QLabel(words)
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.captions.append(caption)
        self._stacked: bool | None = None
        self._stack_stills(False)
        self.photo = PhotoView()  # your own exercise's photo, where it has one
        self.photo.setAccessibleName(self.tr("Photo of the exercise"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.canvas)
        self.pages.addWidget(still)
        self.pages.addWidget(self.photo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self._timer = QTimer(self)
        self._timer.setObjectName("player_figure_timer")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._frame)
        self._moving = False
        self._unchanged = 0  # frames in a row that showed nothing new
        self._runner_at: float | None = None  # when the runner last refreshed the player
        self._frame_due: float | None = None
        self._gave_way = 0  # late frames skipped in a row

    # --- settings ---------------------------------------------------------------------------
    @property
    def reduced_motion(self) -> bool:
        return self._reduced

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced = reduced
        self.pages.setCurrentIndex(1 if reduced else 0)
        self._draw(figure_moment(self.runner.session, self.runner.clock()))

    def follow(self, settings: Settings) -> None:
        """Take the reduced-motion setting now and whenever it changes."""
        from gluteapp.gui.settings import REDUCED_MOTION

        self.set_reduced_motion(settings.get(REDUCED_MOTION))

        def changed(key: str) -> None:
            if key == REDUCED_MOTION.key:
                self.set_reduced_motion(settings.get(REDUCED_MOTION))

        settings.changed.connect(changed)

    def _stack_stills(self, stacked: bool) -> None:
        """The start and end pictures side by side, or one above the other where the figure
        has more height than width (standing beside the countdown): each then takes the
        whole width, and is drawn about twice as large."""
        if stacked == self._stacked:
            return
        self._stacked = stacked
        grid = self.stills
        for row in range(4):
            grid.setRowStretch(row, 0)
        for index, (canvas, caption) in enumerate(zip((self.start_canvas, self.end_canvas),
                                                      self.captions, strict=True)):
            grid.removeWidget(canvas)
            grid.removeWidget(caption)
            row, column = (2 * index, 0) if stacked else (0, index)
            grid.addWidget(canvas, row, column)
            grid.addWidget(caption, row + 1, column)
            grid.setRowStretch(row, 1)

    @property
    def stills_stacked(self) -> bool:
        return bool(self._stacked)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._stack_stills(self.height() > self.width())

    # --- following the session ----------------------------------------------------------------
    @property
    def animating(self) -> bool:
        return self._moving

    @property
    def lying(self) -> bool:
        """Whether the figure (or photo) shown is much wider than high."""
        return self._lying

    def refresh(self) -> None:
        """The player refreshes: show the session's moment, unless the figure is in the middle
        of moving, when its own next frame shows it; so the runner's wake-up, which moves the
        countdown, never waits for the figure."""
        now = self.runner.clock()
        self._runner_at = now
        moment = figure_moment(self.runner.session, now)
        if (self._moving and moment is not None and moment.moving
                and self.moment is not None and moment.side is self.moment.side
                and moment.exercise_id == self.moment.exercise_id):
            self.moment = moment
            self._arm()
            return
        self._draw(moment)

    def _draw(self, moment: FigureMoment | None) -> None:
        """Show `moment`; keep frames coming only while the figure moves on screen."""
        self.moment = moment
        figure = self.figures.get(moment.exercise_id, moment.variation) if moment else None
        photo = self._photo(moment.exercise_id) if moment and figure is None else None
        self.setVisible(figure is not None or photo is not None)
        self.photo.show_image(photo)
        if figure is not None:
            self._set_lying(aspect(figure.bounds) >= LYING_ASPECT)
        elif photo is not None and not photo.isNull():
            self._set_lying(photo.width() >= LYING_ASPECT * photo.height())
        self.pages.setCurrentIndex(PHOTO_PAGE if photo is not None else int(self._reduced))
        if moment is None or figure is None:
            self._stop()
            return
        self.frames += 1
        if self._reduced:
            self.start_canvas.show_figure(figure, Timing.start(), moment.mirrored)
            self.end_canvas.show_figure(figure, Timing.end(), moment.mirrored)
            self._stop()
            return
        self.canvas.show_figure(figure, moment.timing, moment.mirrored)
        if moment.moving and self._on_screen:
            self._moving = True
            self._arm()
        else:
            self._stop()

    def _set_lying(self, lying: bool) -> None:
        if lying != self._lying:
            self._lying = lying
            self.lying_changed.emit(lying)

    def _photo(self, exercise_id: str) -> QImage | None:
        library = self.library
        path = library.photo_path(exercise_id) if isinstance(library, CombinedLibrary) else None
        return load_photo(path) if path is not None else None

    def _stop(self) -> None:
        self._moving = False
        self._timer.stop()

    def _runner_due(self, now: float) -> float | None:
        """When the runner wakes up next, as it schedules itself: a cue, the countdown's next
        whole second, or its regular repaint."""
        session = self.runner.session
        times = [t for t in (session.next_wakeup(),) if t is not None]
        remaining = session.remaining_s(now)
        if remaining is not None and remaining > 0:
            times.append(now + remaining - math.floor(remaining - 1e-9))
        if self._runner_at is not None:
            times.append(self._runner_at + ANIMATION_MS / 1000)
        later = [t for t in times if t >= now]
        return min(later) if later else None

    def _arm(self) -> None:
        """The next frame in FRAME_MS, moved to just after the runner's wake-up if it would
        fall just before it."""
        now = self.runner.clock()
        at = now + FRAME_MS / 1000
        due = self._runner_due(now)
        if due is not None and due - CLEAR_S <= at <= due:
            at = due + AFTER_S
        self._frame_due = at
        self._timer.start(max(1, math.ceil((at - now) * 1000)))

    def _frame(self) -> None:
        late = self._frame_due is not None and self.runner.clock() - self._frame_due > LATE_S
        if late and self._gave_way < 2:
            self._gave_way += 1
            self._arm()
            return
        self._gave_way = 0
        before = self.canvas.timing
        self._draw(figure_moment(self.runner.session, self.runner.clock()))
        # A clock that stands still (a preview, a stopped runner) leaves nothing to animate.
        self._unchanged = self._unchanged + 1 if self.canvas.timing == before else 0
        if self._unchanged >= 3:
            self._stop()
            self._unchanged = 0

    # --- showing and hiding -----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._on_screen = True
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self._on_screen = False
        self._stop()
