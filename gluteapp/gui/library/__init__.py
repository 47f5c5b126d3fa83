"""The Library area: the exercise model and filter proxy, the detail pane, the body diagram.

The names below load their module on first use, so that the main window can show the area's
shell (`gluteapp.gui.library.area`) before the view and its imports are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gluteapp.gui.library.body_diagram import BodyDiagram
    from gluteapp.gui.library.detail import ExerciseDetail
    from gluteapp.gui.library.filter_proxy import (
        EquipmentChoice,
        ExerciseFilterProxy,
        PositionChoice,
    )
    from gluteapp.gui.library.model import ExerciseModel
    from gluteapp.gui.library.view import LibraryView

_MODULES = {
    "BodyDiagram": "body_diagram",
    "EquipmentChoice": "filter_proxy",
    "ExerciseDetail": "detail",
    "ExerciseFilterProxy": "filter_proxy",
    "ExerciseModel": "model",
    "LibraryView": "view",
    "PositionChoice": "filter_proxy",
}

__all__ = [
    "BodyDiagram",
    "EquipmentChoice",
    "ExerciseDetail",
    "ExerciseFilterProxy",
    "ExerciseModel",
    "LibraryView",
    "PositionChoice",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
