"""The Library area: the exercise model and filter proxy, the detail pane, the body diagram."""

from gluteapp.gui.library.body_diagram import BodyDiagram
from gluteapp.gui.library.detail import ExerciseDetail
from gluteapp.gui.library.filter_proxy import EquipmentChoice, ExerciseFilterProxy, PositionChoice
from gluteapp.gui.library.model import ExerciseModel
from gluteapp.gui.library.view import LibraryView

__all__ = [
    "BodyDiagram",
    "EquipmentChoice",
    "ExerciseDetail",
    "ExerciseFilterProxy",
    "ExerciseModel",
    "LibraryView",
    "PositionChoice",
]
