"""The routines a person can pick, which one is next, and the Plan's picture, from the history."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gluteapp.gui.settings import GOAL_PER_WEEK, Settings, equipment_at_hand

# The routines, the coaching rules and the history load when the Sessions or Plan area opens,
# not with the first paint (this is built at start-up).
if TYPE_CHECKING:
    from gluteapp.core.coaching import PlanPicture
    from gluteapp.core.exercises import Library
    from gluteapp.gui.history_service import HistoryService
    from gluteapp.gui.player.sessions import RoutinePicker

log = logging.getLogger(__name__)


class RoutineCatalog:
    """Reads routines from the library and the routines folder, and the history they follow."""

    def __init__(self, library: Callable[[], Library], history: Callable[[], HistoryService],
                 settings: Settings, routines_dir: Path) -> None:
        self._library = library
        self._history = history
        self._settings = settings
        self._routines_dir = routines_dir

    def name(self, routine_id: str) -> str:
        """A routine's name, or its id when it can no longer be found."""
        from gluteapp.core.routines import RoutineError, find_routine

        try:
            return find_routine(routine_id, self._library(), self._routines_dir).name
        except RoutineError:
            return routine_id

    def fill(self, picker: RoutinePicker, today: date | None = None) -> None:
        """Give the picker every routine, the errors of broken files and the one to do next."""
        from gluteapp.core.advice import SESSIONS_NEEDED
        from gluteapp.core.coaching import next_routine_id
        from gluteapp.core.routines import builtin_routines, user_routines
        from gluteapp.gui.history_service import StorageError

        library = self._library()
        at_hand = equipment_at_hand(self._settings)
        try:
            latest = self._history().latest_sessions(SESSIONS_NEEDED)
        except StorageError as error:
            log.error("no routine suggestion: %s", error)
            latest = []
        found = user_routines(self._routines_dir, library)
        picker.set_routines(
            builtin_routines(library), found.routines, found.errors,
            suggested_id=next_routine_id(library, at_hand, latest, today or date.today()),
            at_hand=at_hand)

    def plan_picture(self, today: date) -> PlanPicture:
        """What the Plan area shows today (reads may raise StorageError)."""
        from gluteapp.core.coaching import plan_picture

        return plan_picture(self._history(), self._library(), equipment_at_hand(self._settings),
                            self._settings.get(GOAL_PER_WEEK), today, datetime.now(UTC))
