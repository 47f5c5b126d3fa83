"""Child of benchmarks/cue_onsets.py: a whole session's cues through the policy and the queue.

    python _cue_session.py

A 50-second routine (a get-ready, two timed sets with a rest, a one-sided exercise with its
switch) is played on a fake clock, stepped every 10 ms like a punctual runner: each event the
engine reports is planned by the cue policy and queued with its clip's length; what the queue
starts and drops is counted. Runs against whatever Gluteapp PYTHONPATH holds (also the commit
before, whose planned cues carry no priority). Prints one JSON line.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUTINE = """
name = "Cue count"
prepare_s = 5

[[steps]]
exercise = "glute-bridge"
sets = 2
hold_s = 8
rest_s = 5

[[steps]]
exercise = "single-leg-stand"
sets = 1
hold_s = 6
rest_s = 8
"""

# What marks the start or the end of work, named by file (gluteapp.core.cues.WORK_MARKS).
MARKS = {"sounds/go", "sounds/rest_over", "sounds/switch_sides", "sounds/session_complete",
         "voice/go", "voice/switch_left", "voice/switch_right", "voice/rest",
         "voice/session_complete"}


def main() -> None:
    from gluteapp.core.assets import builtin_library
    from gluteapp.core.cue_policy import CuePolicy, SpokenSetup
    from gluteapp.core.cues import CueQueue, Utterance
    from gluteapp.core.engine import Session
    from gluteapp.core.routines import parse_routine
    from gluteapp.gui.audio.assets import clip_duration_s, cue_key

    library = builtin_library()
    session = Session(parse_routine(ROUTINE, "count.toml", library), library)
    policy = CuePolicy(lambda exercise_id: SpokenSetup(library[exercise_id].name))
    queue = CueQueue()

    def push(planned: list[Any]) -> None:
        for cue in planned:
            item = cue.item
            length = 0.0 if isinstance(item, Utterance) else clip_duration_s(item)
            queue.push(item, cue.due_at, getattr(cue, "priority", None),
                       getattr(cue, "stale_after_s", None), duration_s=length)

    now = 0.0
    push(policy.plan(session.start(now)))
    heard: list[str] = []
    while not (session.is_finished and len(queue) == 0) and now < 600:
        now = round(now + 0.01, 2)
        push(policy.plan(session.tick(now)))
        heard += [cue_key(q.item) for q in queue.pop_due(now)]
    dropped = queue.take_dropped()
    reasons = Counter(d.reason.value for d in dropped)
    pre_empted = [cue_key(d.cue.item) for d in dropped if d.reason.value == "pre-empted"]
    print(json.dumps({
        "length_s": now, "heard": len(heard), "dropped": dict(reasons),
        "pre_empted": pre_empted,
        "marks_of_work_dropped": [cue_key(d.cue.item) for d in dropped
                                  if cue_key(d.cue.item) in MARKS
                                  and d.reason.value != "merged"],
        "merged": [cue_key(d.cue.item) for d in dropped if d.reason.value == "merged"],
    }))


if __name__ == "__main__":
    main()
