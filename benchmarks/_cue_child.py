"""Child process of benchmarks/cue_onsets.py: play a cue schedule, maybe stalling the GUI thread.

    python _cue_child.py thread|gui SPEC LEAD_IN_S [STALL_EVERY_S STALL_MS busy|sleep]

`thread` plays from the audio thread (gluteapp.gui.audio.AudioThread); `gui` from a cue runner on
the GUI thread, as before the audio thread existed; both on the `qt` backend of whatever
Gluteapp PYTHONPATH holds (this file also runs against the commit before, whose `qt` backend is
QSoundEffect and which has no audio thread). Stalls block the GUI thread every STALL_EVERY_S
seconds from 50 ms before the first half second after the first cue, so that the cues due on
whole and half seconds fall inside them. Prints one JSON line: when each cue was due and
started (seconds from the first cue's due time, from the runner's own lateness), what was
dropped, and the stalls.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GLUTEAPP_AUDIO_BACKEND"] = "qt"


def main() -> None:
    mode, spec, lead_in_s = sys.argv[1], sys.argv[2], float(sys.argv[3])
    stall_every_s = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    stall_ms = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    stall_kind = sys.argv[6] if len(sys.argv) > 6 else "busy"
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from gluteapp.gui.audio import create_audio_service
    from gluteapp.gui.audio.assets import clip_duration_s, cue_key, resolve_cue

    app = QApplication(sys.argv[:1])
    schedule = [(float(offset or 0), resolve_cue(name))
                for name, _, offset in (part.partition("@") for part in spec.split(","))]
    played: list[tuple[str, float]] = []
    dropped: list[str] = []
    audio: Any
    if mode == "thread":
        from gluteapp.core.cue_policy import PlannedCue
        from gluteapp.gui.audio import AudioThread

        def make(owner: Any, settings: Any) -> Any:
            return create_audio_service(owner, "qt", settings)

        audio = AudioThread(make)
        runner: Any = audio
    else:
        from gluteapp.gui.audio import CueRunner

        audio = create_audio_service(app, "qt")
        runner = CueRunner(audio, parent=app)
    runner.played.connect(lambda key, late_ms: played.append((key, late_ms)))
    runner.dropped.connect(lambda key, why: dropped.append(f"{key}: {why}"))
    if not audio.is_ready:  # the commit before loads its QSoundEffects in the background
        waiting = QEventLoop()
        give_up = QTimer()
        give_up.setSingleShot(True)
        give_up.timeout.connect(waiting.quit)
        audio.ready.connect(waiting.quit)
        give_up.start(5000)
        waiting.exec()
        give_up.stop()
    loop = QEventLoop()
    origin = time.monotonic() + lead_in_s
    if mode == "thread":
        runner.add([PlannedCue(item, origin + offset, stale_after_s=0.5)
                    for offset, item in schedule])
    else:
        for offset, item in schedule:
            runner.schedule(item, origin + offset, stale_after_s=0.5)
    stalls: list[tuple[float, float]] = []
    stall_timer = QTimer()
    stall_timer.setTimerType(Qt.TimerType.PreciseTimer)

    def stall() -> None:
        began = time.monotonic()
        if stall_kind == "busy":
            while time.monotonic() < began + stall_ms / 1000:
                pass
        else:
            time.sleep(stall_ms / 1000)
        stalls.append((began - origin, time.monotonic() - origin))

    stall_timer.timeout.connect(stall)
    if stall_every_s > 0:
        # The stalls begin 50 ms before whole and half seconds, where most cues are due.
        QTimer.singleShot(round((lead_in_s - 0.05) * 1000), lambda: stall_timer.start(
            round(stall_every_s * 1000)))
    end_s = max(offset + clip_duration_s(item) for offset, item in schedule) + 0.4
    QTimer.singleShot(round((lead_in_s + end_s) * 1000), loop.quit)
    loop.exec()
    stall_timer.stop()
    runner.clear()
    started: dict[int, float] = {}
    for key, late_ms in played:
        index = next(i for i, (_, item) in enumerate(schedule)
                     if i not in started and cue_key(item) == key)
        started[index] = schedule[index][0] + late_ms / 1000
    audio.close()
    print(json.dumps({
        "backend": audio.backend_name, "reason": audio.backend_reason,
        "scheduled_s": [offset for offset, _ in schedule],
        "started_s": [started.get(i) for i in range(len(schedule))],
        "dropped": dropped, "stalls_s": stalls,
    }))


if __name__ == "__main__":
    main()
