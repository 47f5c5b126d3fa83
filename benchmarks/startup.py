"""Start-up from installed wheels, against a bare QMainWindow with a label, in one run.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--variant NAME=SPEC ...]

Each variant is Gluteapp installed from a wheel with its bytecode, as a person runs it
(benchmarks/wheels.py: SPEC is a commit, optionally `+patch.diff` to leave a change out);
the default variants are `after` (HEAD). Every measure launches the bare window and every
variant in turn, round after round (the order rotates), so a busy neighbour on the machine
slows them alike; each figure is a median, and the ratio is against the bare window's median
of the same measure. Measures:

- first paint: process start to the first painted main window (`Gluteapp` built as the tools
  and tests build it);
- library painted: to the painted library view (list, filters, detail pane), which a plain
  start builds right after the first paint; one data folder per variant, so its library cache
  is warm as on any start after the first;
- command: the `gluteapp` entry point to its first paint (log file, single-instance check);
- floor: the bare window with the PySide6 types the first variant had made by its first paint
  (and, again, by its library's) made first, with and without msgspec: the least any window
  that needs those types could take, however little else it did (`_child.py`, kind `floor`);
- screenshot: `gluteapp --screenshot F --view library` from start to exit, against the bare
  window grabbed into a PNG; the data folder holds no history (as on a first start), and
  then, again, four weeks of it (made by the variant's `demo-history`, not timed), which the
  screenshot opens for what it may offer or report.

The load average of the machine is printed with each measure, and, for the first three, the
CPU time each process used up to the moment measured (its threads' user and system time): on
this shared machine a neighbour's load stretches the wall time far more than the CPU time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wheels import install

CHILD = Path(__file__).with_name("_child.py")
Launch = Callable[[], float]


def load() -> str:
    return "load " + " ".join(f"{value:.2f}" for value in os.getloadavg())


def child(kind: str, action: str, folder: str, site: Path | None,
          floor: Path | None = None) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if site is not None:
        env["PYTHONPATH"] = str(site)
    if floor is not None:
        env["GLUTEAPP_BENCH_FLOOR"] = str(floor)
    out = subprocess.run([sys.executable, str(CHILD), kind, action, folder], env=env,
                         capture_output=True, text=True, check=True, timeout=180).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def paint(kind: str, site: Path | None, folder: str, key: str = "painted_at",
          floor: Path | None = None) -> Launch:
    action = "complete" if key == "complete_at" else "paint"
    cpu_key = "cpu_complete_s" if key == "complete_at" else "cpu_painted_s"

    def launch() -> float:
        start = time.time()
        found = child(kind, action, folder, site, floor)
        launch.cpu_s = found[cpu_key]  # type: ignore[attr-defined]
        return float(found[key]) - start

    return launch


def with_history(site: Path | None, folder: str) -> str:
    """`folder` holding four weeks of history, made by the variant's own `demo-history`
    command (not timed): a screenshot of a data folder in use opens the history."""
    if site is not None and not (Path(folder) / "history.db").exists():
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(site))
        subprocess.run([sys.executable, "-m", "gluteapp", "--data-dir", folder, "demo-history",
                        "--years", f"{28 / 365.25:.4f}", "--seed", "1"], env=env, cwd=folder,
                       capture_output=True, check=True, timeout=180)
    return folder


def screenshot(site: Path | None, folder: str) -> Launch:
    def launch() -> float:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        start = time.time()
        if site is None:
            subprocess.run([sys.executable, str(CHILD), "bare", "grab", folder], env=env,
                           capture_output=True, check=True, timeout=180)
        else:
            env["PYTHONPATH"] = str(site)
            # Run from the data folder: `python -m` looks in the current folder first, and from
            # the repository it ran the working tree's source (without bytecode) for every
            # variant instead of the variant's installed wheel.
            subprocess.run([sys.executable, "-m", "gluteapp", "--data-dir", folder,
                            "--skip-first-run", "--screenshot", str(Path(folder) / "app.png"),
                            "--view", "library"], env=env, cwd=folder, capture_output=True,
                           check=True, timeout=180)
        return time.time() - start

    return launch


def measure(title: str, launches: dict[str, Launch], runs: int) -> dict[str, float]:
    """Median seconds per launcher over `runs` rounds, interleaved; prints the table."""
    before = load()
    for launch in launches.values():
        launch()  # warm the file cache (and write each data folder's library cache)
    times: dict[str, list[float]] = {name: [] for name in launches}
    cpu: dict[str, list[float]] = {name: [] for name in launches}
    names = list(launches)
    for run in range(runs):
        turn = names[run % len(names):] + names[: run % len(names)]
        for name in turn:
            times[name].append(launches[name]())
            if hasattr(launches[name], "cpu_s"):
                cpu[name].append(launches[name].cpu_s)  # type: ignore[attr-defined]
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{title} (median of {runs}; {before} before, {load()} after)")
    bare = medians["bare"]
    bare_cpu = statistics.median(cpu["bare"]) if cpu["bare"] else None
    for name, value in medians.items():
        cpu_text = ""
        if cpu[name] and bare_cpu:
            cpu_median = statistics.median(cpu[name])
            cpu_text = f"   CPU {cpu_median * 1000:5.0f} ms, ratio {cpu_median / bare_cpu:4.2f}"
        if name == "bare":
            print(f"  {name:<22} {value * 1000:7.0f} ms{cpu_text}")
            continue
        ratios = sorted(t / b for t, b in zip(times[name], times["bare"], strict=True))
        spread = f"rounds {ratios[len(ratios) // 4]:.2f}-{ratios[3 * len(ratios) // 4]:.2f}"
        print(f"  {name:<22} {value * 1000:7.0f} ms   ratio {value / bare:5.2f}"
              f"   ({spread}){cpu_text}")
    return medians


def measure_floor(site: Path, tmp: Path, runs: int) -> dict[str, float]:
    """The bare window after making the types the app made by its first paint and by its
    library's paint (as listed by one start of the app), with and without msgspec."""
    data = tmp / "floor-app"
    data.mkdir()
    child("app", "complete", str(data), site)  # the library's copy is written
    found = child("app", "complete", str(data), site)
    print(f"floor: the app made {len(found['qt_types_at_paint'])} PySide6 types by its first "
          f"paint, {len(found['qt_types_at_complete'])} by its library's")
    floors = {"types at first paint": (found["qt_types_at_paint"], False),
              "+ msgspec": (found["qt_types_at_paint"], True),
              "types at library, + msgspec": (found["qt_types_at_complete"], True)}
    launches: dict[str, Launch] = {"bare": paint("bare", None, str(tmp / "floor-bare"))}
    for name, (types, with_msgspec) in floors.items():
        file = tmp / f"floor-{len(launches)}.json"
        file.write_text(json.dumps({"types": types, "msgspec": with_msgspec}))
        launches[name] = paint("floor", None, str(tmp / "floor-bare"), floor=file)
    return measure("floor: the bare window with the app's PySide6 types made first", launches,
                   runs)


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--variant", action="append", default=[],
                        help="NAME=SPEC, e.g. before=331241a or no-scan=HEAD+scan.diff")
    parser.add_argument("--only",
                        default="paint,library,floor,command,screenshot,screenshot_history")
    args = parser.parse_args(argv)
    variants = dict(v.split("=", 1) for v in args.variant) or {"after": "HEAD"}
    sites = {name: install(spec) for name, spec in variants.items()}
    print(f"variants: {', '.join(f'{n}={s}' for n, s in variants.items())}")
    only = set(args.only.split(","))
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="gluteapp-startup-") as tmp:
        def folder(name: str, measure_name: str) -> str:
            path = Path(tmp) / measure_name / name
            path.mkdir(parents=True, exist_ok=True)
            return str(path)

        def launches(make: Callable[[Path | None, str], Launch], what: str) -> dict[str, Launch]:
            found = {"bare": make(None, folder("bare", what))}
            found.update({name: make(site, folder(name, what)) for name, site in sites.items()})
            return found

        if "paint" in only:
            results["first paint"] = measure("first paint", launches(
                lambda site, f: paint("bare" if site is None else "app", site, f), "paint"),
                args.runs)
        if "library" in only:
            results["library painted"] = measure("library painted", launches(
                lambda site, f: paint("bare" if site is None else "app", site, f,
                                      "complete_at"), "library"), args.runs)
        if "command" in only:
            results["command"] = measure("gluteapp command to first paint", launches(
                lambda site, f: paint("bare" if site is None else "command", site, f),
                "command"), args.runs)
        if "floor" in only:
            results["floor"] = measure_floor(next(iter(sites.values())), Path(tmp), args.runs)
        if "screenshot" in only:
            results["screenshot"] = measure("screenshot of the library view", launches(
                screenshot, "screenshot"), args.runs)
        if "screenshot_history" in only:
            results["screenshot, history"] = measure(
                "screenshot of the library view, four weeks of history in the folder",
                launches(lambda site, f: screenshot(site, with_history(site, f)),
                         "screenshot_history"), args.runs)
    return results


if __name__ == "__main__":
    main()
