"""Connects a running session to the audio: engine events in, cues out on the runner.

The cue policy plans what to say for each event; the audio service's cue runner plays the plan
on time (it never plays late and never talks over itself).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject

from gluteapp.core.cue_policy import CuePolicy
from gluteapp.core.engine import Event
from gluteapp.gui.audio import AudioService, CueRunner


class CuePlayer(QObject):
    """Schedules the cues the policy plans for each batch of engine events; `stop` drops them."""

    def __init__(
        self,
        audio: AudioService,
        policy: CuePolicy,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.audio = audio
        self.policy = policy
        self.runner = CueRunner(audio, clock, self)

    def on_events(self, events: list[Event]) -> None:
        for planned in self.policy.plan(events):
            self.runner.schedule(planned.item, planned.due_at, planned.priority,
                                 planned.stale_after_s)

    def stop(self) -> None:
        self.runner.clear()
