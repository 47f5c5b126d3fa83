"""The library page's movement section: the start and end figures of the exercise, or of the
easier or harder version chosen, each described in words taken from the steps."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from gluteapp.core.exercises import Exercise, Library, Variation
from gluteapp.core.kinematics import Figure, Timing
from gluteapp.core.own_library import CombinedLibrary, poses_for
from gluteapp.core.poses import PoseLibrary, builtin_poses
from gluteapp.gui.figure import FigureCanvas, figure_for
from gluteapp.gui.own_pictures import PhotoView, load_photo

FIGURE_SIZE = QSize(210, 180)


class MovementPanel(QWidget):
    """Start and end figures side by side, with a chooser for the version shown."""

    def __init__(self, poses: PoseLibrary | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._poses = poses
        self._library: Library | None = None
        self._exercise: Exercise | None = None
        self._figures: dict[tuple[str, str | None], Figure | None] = {}
        self.version = QComboBox()
        self.version.setAccessibleName(self.tr("Version shown"))
        view = self.version.view()
        if view is not None:
            view.setAccessibleName(self.tr("Versions to show"))
        self.version.currentIndexChanged.connect(self._show_version)
        self.start = FigureCanvas()
        self.end = FigureCanvas()
        self.start_caption = QLabel(self.tr("Start"))
        self.end_caption = QLabel(self.tr("End"))
        self.side_note = QLabel(self.tr("Shown for the left side; the right side is its "
                                        "mirror image."))
        self.side_note.setWordWrap(True)
        self.side_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for column, (canvas, caption) in enumerate(((self.start, self.start_caption),
                                                    (self.end, self.end_caption))):
            canvas.setFixedSize(FIGURE_SIZE)
            canvas.on_bottom = True  # a lying body on its caption, not 45 px above it
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            grid.addWidget(canvas, 0, column)
            grid.addWidget(caption, 1, column)
        grid.setColumnStretch(2, 1)
        self.figures_box = QWidget()
        self.figures_box.setLayout(grid)
        self.photo = PhotoView()  # your own exercise's photo, instead of the figures
        self.photo.setFixedSize(FIGURE_SIZE.width() * 2 + 12, FIGURE_SIZE.height() + 40)
        self.photo.setAccessibleName(self.tr("Photo of the exercise"))
        self.photo.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.version, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.figures_box)
        layout.addWidget(self.photo)
        layout.addWidget(self.side_note)
        self.start.setAccessibleName(self.tr("Start position"))
        self.end.setAccessibleName(self.tr("End position"))

    @property
    def poses(self) -> PoseLibrary:
        if self._poses is None:
            self._poses = builtin_poses()
        return self._poses

    @property
    def exercise(self) -> Exercise | None:
        return self._exercise

    def use_library(self, library: Library) -> None:
        """Draw with `library`'s poses (your own figures too) and show its photos; called
        again after your exercises change."""
        self._library = library
        self._poses = poses_for(library)
        self._figures.clear()

    @property
    def has_picture(self) -> bool:
        """Whether a figure or a photo is shown."""
        return self.start.figure is not None or self.photo.image is not None

    def versions(self) -> list[Variation | None]:
        """What the chooser offers: the exercise itself, then its easier and harder versions."""
        exercise = self._exercise
        return [None, *exercise.easier, *exercise.harder] if exercise is not None else []

    def show_exercise(self, exercise: Exercise | None) -> None:
        self._exercise = exercise
        self.version.blockSignals(True)
        self.version.clear()
        if exercise is not None:
            self.version.addItem(self.tr("{0} (as described)").format(exercise.name))
            for variation in exercise.easier:
                self.version.addItem(self.tr("Easier: {0}").format(variation.shown_name))
            for variation in exercise.harder:
                self.version.addItem(self.tr("Harder: {0}").format(variation.shown_name))
        self.version.blockSignals(False)
        self.version.setVisible(self.version.count() > 1)
        self.side_note.setVisible(exercise is not None and exercise.per_side)
        self._show_version(0)

    def choose(self, variation_name: str | None) -> None:
        """Show the version with this (English) name; None for the exercise as described."""
        names = [v.name if v is not None else None for v in self.versions()]
        if variation_name in names:
            self.version.setCurrentIndex(names.index(variation_name))

    def shown_variation(self) -> Variation | None:
        versions = self.versions()
        index = self.version.currentIndex()
        return versions[index] if 0 <= index < len(versions) else None

    def _figure(self, exercise: Exercise, variation: Variation | None) -> Figure | None:
        key = (exercise.id, variation.name if variation else None)
        if key not in self._figures:
            pose = self.poses.pose(*key)
            self._figures[key] = figure_for(pose, exercise) if pose is not None else None
        return self._figures[key]

    def _show_version(self, index: int) -> None:
        exercise = self._exercise
        if exercise is None:
            self.start.show_figure(None)
            self.end.show_figure(None)
            self.photo.show_image(None)
            return
        variation = self.shown_variation()
        figure = self._figure(exercise, variation)
        library = self._library
        path = (library.photo_path(exercise.id) if isinstance(library, CombinedLibrary)
                and variation is None else None)
        photo = load_photo(path) if path is not None else None
        self.photo.show_image(photo)
        self.photo.setVisible(photo is not None)
        self.figures_box.setVisible(photo is None)
        if photo is not None:
            self.start.show_figure(None)
            self.end.show_figure(None)
            self.side_note.hide()  # a photo shows whichever side it shows
            self.setVisible(True)
            return
        self.side_note.setVisible(exercise.per_side)
        self.start.show_figure(figure, Timing.start())
        self.end.show_figure(figure, Timing.end())
        self.start.setAccessibleDescription(self._described(exercise, variation, start=True))
        self.end.setAccessibleDescription(self._described(exercise, variation, start=False))
        self.setVisible(figure is not None)

    def _described(self, exercise: Exercise, variation: Variation | None, *, start: bool) -> str:
        """The figure in words: the step that says how the body is at that moment."""
        entry = self.poses.entry(exercise.id)
        steps = exercise.steps
        number = (entry.start_step if start else entry.end_step) if entry is not None else (
            1 if start else min(2, len(steps)))
        text = steps[min(number, len(steps)) - 1]
        if variation is not None and not start:
            text = self.tr("{0} This version: {1}").format(text, variation.how)
        if start:
            return self.tr("Start position: {0}").format(text)
        return self.tr("End position: {0}").format(text)
