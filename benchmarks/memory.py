"""Memory: peak resident memory after visiting every area, and during a session.

    .venv/bin/python benchmarks/memory.py [--variant NAME=SPEC ...]

Against a bare QMainWindow with a label, measured in the same run, from installed wheels
(benchmarks/wheels.py; default before=331241a and after=HEAD):

- areas: every area opened and painted, then the peak;
- session: a built-in routine played for 20 s (GLUTEAPP_BENCH_SESSION_S) with its cues,
  as the app plays them (visual cues: no sound server needed), then the peak; the bare window
  idles as long.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "_child.py"
sys.path.insert(0, str(HERE))

from wheels import install  # noqa: E402


def peak_kib(kind: str, action: str, site: Path | None) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if site is not None:
        env["PYTHONPATH"] = str(site)
    out = subprocess.run([sys.executable, str(CHILD), kind, action], env=env,
                         capture_output=True, text=True, check=True, timeout=300).stdout
    return int(json.loads(out.strip().splitlines()[-1])["peak_rss_kib"])


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", action="append", default=[])
    args = parser.parse_args(argv)
    variants = dict(v.split("=", 1) for v in args.variant) or {"before": "331241a",
                                                               "after": "HEAD"}
    sites = {name: install(spec) for name, spec in variants.items()}
    results: dict[str, dict[str, float]] = {}
    for action, title in (("visit", "after visiting every area"),
                          ("session", "during a 20 s session with its cues")):
        bare = peak_kib("bare", action, None) / 1024
        found = {"bare": bare}
        line = [f"bare QMainWindow {bare:.0f} MiB"]
        for name, site in sites.items():
            mib = peak_kib("app", action, site) / 1024
            found[name] = mib
            line.append(f"{name} {mib:.0f} MiB ({mib / bare:.2f}x)")
        results[action] = found
        print(f"peak resident memory {title} (load {os.getloadavg()[0]:.2f}): "
              + ", ".join(line))
    return results


if __name__ == "__main__":
    main()
