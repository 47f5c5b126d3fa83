"""A reader that stops early (`gluteapp exercises --json | head`) gets no traceback."""

from __future__ import annotations

import os
import subprocess
import sys


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = f"{sys.executable} -m gluteapp exercises --json | head -c 20"
    ran = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env,
                         timeout=120)
    assert len(ran.stdout) == 20
    assert "Traceback" not in ran.stderr
    assert "BrokenPipeError" not in ran.stderr
    assert ran.stderr == ""
