"""Start-up: process start to the first painted main window, against a bare QMainWindow.

Both are measured in the same run, alternating, as the median of N launches. Goal: at most
1.3 times the bare window. Usage: python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHILD = Path(__file__).with_name("_child.py")


def launch(kind: str) -> tuple[float, int]:
    start = time.time()
    out = subprocess.run([sys.executable, str(CHILD), kind, "paint"], capture_output=True,
                         text=True, check=True, timeout=120).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return data["painted_at"] - start, data["modules"]


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
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
