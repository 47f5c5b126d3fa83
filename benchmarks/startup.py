"""Start-up: process start to the first painted main window, against a bare QMainWindow.

Both are measured in the same run, alternating, as the median of N launches. Goal: at most
1.3 times the bare window. A plain start paints the window with the library's search box and
builds the list and detail pane right after; a second figure times that too ("library
complete"), over the same number of launches sharing one data folder, so that the library's
cache is warm as on any start after the first. A third times the `gluteapp` command itself,
which also opens the log file and checks for a running copy before it builds the window.
Usage: python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = Path(__file__).with_name("_child.py")


def launch(kind: str) -> tuple[float, int]:
    start = time.time()
    out = subprocess.run([sys.executable, str(CHILD), kind, "paint"], capture_output=True,
                         text=True, check=True, timeout=120).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return data["painted_at"] - start, data["modules"]


def launch_complete(kind: str, folder: str) -> tuple[float, float]:
    """Seconds to the first paint and to the painted library view, for one launch."""
    start = time.time()
    out = subprocess.run([sys.executable, str(CHILD), kind, "complete", folder],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return data["painted_at"] - start, data["complete_at"] - start


def heavy_at_paint(kind: str) -> list[str]:
    out = subprocess.run([sys.executable, str(CHILD), kind, "paint"], capture_output=True,
                         text=True, check=True, timeout=120).stdout
    return list(json.loads(out.strip().splitlines()[-1])["heavy_at_first_paint"])


def main(runs: int = 9) -> dict[str, float]:
    launch("bare")  # warm the file cache so neither side pays for it
    launch("app")
    bare: list[float] = []
    app: list[float] = []
    modules = {}
    for _ in range(runs):
        seconds, modules["bare"] = launch("bare")
        bare.append(seconds)
        seconds, modules["app"] = launch("app")
        app.append(seconds)
    result = {
        "bare_ms": statistics.median(bare) * 1000,
        "app_ms": statistics.median(app) * 1000,
    }
    result["ratio"] = result["app_ms"] / result["bare_ms"]
    print(f"start-up to first paint (median of {runs}): bare QMainWindow "
          f"{result['bare_ms']:.0f} ms, Gluteapp {result['app_ms']:.0f} ms, "
          f"ratio {result['ratio']:.2f} (goal <= 1.30); modules loaded {modules}")
    heavy = heavy_at_paint("app")
    print(f"heavy modules loaded before the first paint: {', '.join(heavy) or 'none'}")
    folder = tempfile.mkdtemp(prefix="gluteapp-bench-complete-")
    launch_complete("app", folder)  # the first start writes the library cache
    complete_bare: list[float] = []
    first_app: list[float] = []
    complete_app: list[float] = []
    for _ in range(runs):
        complete_bare.append(launch_complete("bare", folder)[1])
        first, complete = launch_complete("app", folder)
        first_app.append(first)
        complete_app.append(complete)
    result["complete_bare_ms"] = statistics.median(complete_bare) * 1000
    result["complete_app_ms"] = statistics.median(complete_app) * 1000
    gap_ms = statistics.median(c - f for f, c in zip(first_app, complete_app, strict=True)) * 1000
    print(f"start-up to the painted library view (median of {runs}, warm library cache): "
          f"bare QMainWindow {result['complete_bare_ms']:.0f} ms, "
          f"Gluteapp {result['complete_app_ms']:.0f} ms "
          f"(first paint {statistics.median(first_app) * 1000:.0f} ms, library {gap_ms:.0f} ms "
          f"later), ratio {result['complete_app_ms'] / result['complete_bare_ms']:.2f}")
    command_bare: list[float] = []
    command: list[float] = []
    launch("command")
    for _ in range(runs):
        command_bare.append(launch("bare")[0])
        command.append(launch("command")[0])
    result["command_bare_ms"] = statistics.median(command_bare) * 1000
    result["command_ms"] = statistics.median(command) * 1000
    print(f"the gluteapp command to first paint (median of {runs}): bare QMainWindow "
          f"{result['command_bare_ms']:.0f} ms, gluteapp {result['command_ms']:.0f} ms, "
          f"ratio {result['command_ms'] / result['command_bare_ms']:.2f}")
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
