"""Memory: peak resident memory after visiting every area, against a bare QMainWindow.

Usage: python benchmarks/memory.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).with_name("_child.py")


def peak_kib(kind: str) -> int:
    out = subprocess.run([sys.executable, str(CHILD), kind, "visit"], capture_output=True,
                         text=True, check=True, timeout=180).stdout
    return int(json.loads(out.strip().splitlines()[-1])["peak_rss_kib"])


def main() -> dict[str, float]:
    bare = peak_kib("bare")
    app = peak_kib("app")
    result = {"bare_mib": bare / 1024, "app_mib": app / 1024, "ratio": app / bare}
    print(f"peak resident memory after visiting every area: bare QMainWindow "
          f"{result['bare_mib']:.0f} MiB, Gluteapp {result['app_mib']:.0f} MiB, "
          f"ratio {result['ratio']:.2f}")
    return result


if __name__ == "__main__":
    main()
