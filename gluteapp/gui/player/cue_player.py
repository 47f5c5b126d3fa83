"""Connects a running session to the audio: engine events in, cues out on the runner.

The cue policy plans what to say for each event; a cue runner plays the plan on time (it never
plays late and never talks over itself). With the app's audio thread (`AudioThread`) the runner
is on that thread, and this player also sends it a look-ahead: the cues of the next
`LOOK_AHEAD_S` seconds, planned from what the engine foresees (`Session.preview`). The runner
then plays them at their time even while the GUI thread, which asks the engine, is busy; the
engine's own events, when they arrive, are recognised as already played. The engine stays the
one source of truth: the look-ahead is recomputed whenever it reports, and replaces the old.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from gluteapp.core.cue_policy import CuePolicy, PlannedCue
from gluteapp.core.engine import Event, Session
from gluteapp.gui.audio import AudioService, AudioThread, CueRunner

if TYPE_CHECKING:
    from gluteapp.gui.player.runner import SessionRunner

#: How far ahead the audio thread knows the cues. A stall of the GUI thread up to this long,
#: less the second between the engine's reports, delays no cue.
LOOK_AHEAD_S = 8.0


class CuePlayer(QObject):
    """Schedules the cues the policy plans for each batch of engine events; `stop` drops them."""

    def __init__(
        self,
        audio: AudioService | AudioThread,
        policy: CuePolicy,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.audio = audio
        self.policy = policy
        self.clock = clock
        # On the audio thread the handle itself queues cues there; in-process, a local runner.
        self.runner: CueRunner | AudioThread = (
            audio if isinstance(audio, AudioThread) else CueRunner(audio, clock, self)
        )
        self._foreseen: list[PlannedCue] = []

    def follow(self, runner: SessionRunner) -> None:
        """Hear the runner's events, and send the look-ahead whenever it has woken."""
        runner.events.connect(self.on_events)
        runner.updated.connect(lambda: self.look_ahead(runner.session))

    def on_events(self, events: list[Event]) -> None:
        self.runner.add(self.policy.plan(events))

    def look_ahead(self, session: Session, now: float | None = None) -> None:
        """Send the cues the engine foresees for the next LOOK_AHEAD_S, if they changed."""
        now = self.clock() if now is None else now
        events = session.preview(now + LOOK_AHEAD_S)
        # A copy of the policy plans them, so the real one sees each event once, in order.
        foreseen = copy.deepcopy(self.policy).plan(events) if events else []
        if foreseen == self._foreseen:
            return
        self._foreseen = foreseen
        self.runner.replace_after(now, foreseen)

    def stop(self) -> None:
        self._foreseen = []
        self.runner.clear()
