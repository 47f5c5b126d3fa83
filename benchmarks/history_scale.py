"""How the History view scales: ten years of daily sessions against four weeks, and set commits.

    .venv/bin/python benchmarks/history_scale.py [--runs 5] [--variant NAME=SPEC ...]

Each variant (default: before=331241a and after=HEAD) is an installed wheel (benchmarks/
wheels.py), run in a child process of its own on real SQLite files in a temporary folder,
offscreen; four weeks and ten years of daily sessions are measured in turn, run after run:

- open: build the view at a range (it reads the range and feeds every chart), show it at
  1280x800 and render it; the median of N runs, and the ratio of ten years to four weeks;
- click "All": the view open at its default range (3 months), the "All" button clicked and the
  view rendered again;
- one set: the median time of HistoryStore.record_set (committed and synced, as in a session);
- "All"'s weekly read three times in a row straight after the import: the first sums every
  week where the weeks are kept summed, the others read them.

`--click-rounds R` measures only the click on "All", with the variants' processes taking turns
(R rounds of `--runs` clicks of each size, four weeks and ten years in turn): run one after the
other, the variants met a machine that was up to 50 % slower from one to the next. The two
histories are made once (by the first variant) and each process clicks in copies of them.
Printed per variant: the median wall and CPU time of each size, and the median of each pair's
ratio (ten years over the four weeks clicked just before); the time each view took to be
built, shown at 3 months and rendered before its click; then, in ten years at "All": a tab
switched to (Exercises and Overview, each fed once before) and the view hidden and shown again
(another area picked, then History), each to its last paint. Last, the pieces a click is made
of (`PARTS`: reading the weeks, the range's numbers, feeding and painting the charts), timed in
a pass of their own in the same processes: where the whole click's spread hides a gain of a few
milliseconds, the piece that changed shows it.

Also printed: the CPU time of each (the process's), which a busy machine stretches less than
the wall time, and the load average. No thresholds: the tests time nothing.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FOUR_WEEKS_YEARS = 28 / 365.25
RANGES = ("4w", "3m", "1y", "all")


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(action: Callable[[], None]) -> tuple[float, float]:
    """Wall and CPU seconds of `action`."""
    wall, cpu = time.perf_counter(), cpu_s()
    action()
    return time.perf_counter() - wall, cpu_s() - cpu


def click_all(view: Any) -> tuple[float, float]:
    """Wall and CPU seconds of a click on "All" in an open History, to its paint and a grab."""
    from PySide6.QtWidgets import QApplication, QPushButton

    button = view.findChild(QPushButton, "range_all")
    assert button is not None

    def click() -> None:
        button.click()
        QApplication.processEvents()
        view.grab()

    return timed(click)


def shown_view(service: Any, library: Any, today: date, history_range: Any) -> Any:
    """A History view at `history_range`, shown at 1280x800 and rendered once."""
    from PySide6.QtWidgets import QApplication

    from gluteapp.gui.history.view import HistoryView

    view = HistoryView(service, library, 2, today=lambda: today, history_range=history_range)
    view.resize(1280, 800)
    view.show()
    QApplication.processEvents()
    view.grab()
    return view


def closed(view: Any) -> None:
    """Close `view` and let Qt delete it before the next is made."""
    from PySide6.QtWidgets import QApplication

    view.close()
    view.deleteLater()
    QApplication.processEvents()


def settled() -> None:
    """Run the event loop until the paints asked for are done (a chart's scene that asks for
    another paint does so from the first one: a posted update, then its paint)."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


def switches(view: Any) -> tuple[list[tuple[float, float]], tuple[float, float]]:
    """Wall and CPU seconds of the tabs switched to (Exercises, Overview, twice, once each fed)
    and of the view hidden and shown again (another area picked, then History), each to its
    last paint."""
    tabs = view._tabs
    tabs.setCurrentIndex(1)  # the exercise's charts are fed when first shown: not timed
    settled()
    tabs.setCurrentIndex(0)
    settled()
    took = []
    for index in (1, 0, 1, 0):
        took.append(timed(lambda index=index: (tabs.setCurrentIndex(index), settled())))
    view.hide()
    settled()
    return took, timed(lambda: (view.show(), settled()))


def first_reads(service: Any, today: date) -> list[float] | None:
    """Seconds of the first three reads of "All"'s weeks and totals in a history just filled:
    the first sums every week where the weeks are kept summed (storage.week_sums). None for a
    variant older than the weekly reads."""
    from gluteapp.core.stats import HistoryRange

    try:
        from gluteapp.core.history_digest import range_window
    except ImportError:
        return None
    if not hasattr(service, "week_digests"):
        return None
    _, until = range_window(HistoryRange.ALL, today, None)
    reads = []
    for _ in range(3):
        began = time.perf_counter()
        service.week_digests(None, until)
        service.exercise_totals(None, until)
        reads.append(time.perf_counter() - began)
    return reads


def child(runs: int, sets: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gluteapp.core.assets import builtin_library
    from gluteapp.core.records import CompletedSet, FeltIn, Side
    from gluteapp.core.stats import HistoryRange
    from gluteapp.gui.history.view import HistoryView
    from gluteapp.gui.history_service import HistoryService
    from gluteapp.storage import open_history
    from gluteapp.storage.export import fill_demo_history

    app = QApplication.instance() or QApplication(sys.argv[:1])
    today = date.today()
    library = builtin_library()
    result: dict[str, Any] = {"open": {}, "click_all": {}}
    with tempfile.TemporaryDirectory(prefix="gluteapp-bench-") as tmp:
        root = Path(tmp)
        began = time.perf_counter()
        big_n = fill_demo_history(root / "ten-years", 10, seed=1, daily=True, until=today)
        result["fill_s"] = time.perf_counter() - began
        fill_demo_history(root / "four-weeks", FOUR_WEEKS_YEARS, seed=1, daily=True,
                          until=today)
        stores = {"small": open_history(root / "four-weeks", daily_backup=False),
                  "big": open_history(root / "ten-years", daily_backup=False)}
        services = {name: HistoryService(store) for name, store in stores.items()}
        result["sessions"] = big_n
        result["all_reads"] = first_reads(services["big"], today)

        def make(name: str, history_range: str) -> HistoryView:
            return shown_view(services[name], library, today, HistoryRange(history_range))

        closed(make("small", "3m"))  # warm imports and caches
        closed(make("big", "3m"))
        for history_range in RANGES:
            found: dict[str, list[tuple[float, float]]] = {"small": [], "big": []}
            for _ in range(runs):  # interleaved, so drift hits both alike
                for name in found:
                    views: list[HistoryView] = []

                    def build(name: str = name, views: list[HistoryView] = views,
                              history_range: str = history_range) -> None:
                        views.append(make(name, history_range))

                    found[name].append(timed(build))
                    closed(views[0])
            result["open"][history_range] = found
        clicked: dict[str, list[tuple[float, float]]] = {"small": [], "big": []}
        for _ in range(runs):
            for name in clicked:
                view = make(name, "3m")
                clicked[name].append(click_all(view))
                closed(view)
        result["click_all"] = clicked
        for store in stores.values():
            store.close(backup=False)
        times: list[float] = []
        with open_history(root / "commit", daily_backup=False) as store:
            start = datetime.now(UTC)
            session_id = store.start_session("bench", "Benchmark", start)
            for number in range(1, sets + 1):
                at = start + timedelta(seconds=30 * number)
                done = CompletedSet("side-plank", number, Side.LEFT if number % 2 else Side.RIGHT,
                                    at, at + timedelta(seconds=20), target_hold_s=20,
                                    achieved_hold_s=19.5, pain=1, felt_in=FeltIn.GLUTES)
                began = time.perf_counter()
                store.record_set(session_id, done)
                times.append(time.perf_counter() - began)
        result["record_set"] = times
    del app
    return result


#: What a click on "All" is made of, timed where a variant has it: (module, class or None, name).
PARTS = (
    ("gluteapp.gui.history.view", "HistoryView", "_load"),
    ("gluteapp.gui.history.view", None, "week_range_stats"),
    ("gluteapp.gui.history.charts", "TrendChart", "show_series"),
    ("gluteapp.gui.history.charts", "WeeklyChart", "show_weeks"),
    ("gluteapp.gui.history.charts", "ActivityCalendar", "set_days"),
    ("gluteapp.gui.history.charts", "ActivityCalendar", "paintEvent"),
    ("pyqtgraph", "PlotCurveItem", "paint"),
    ("pyqtgraph", "ScatterPlotItem", "paint"),
)


def timing_parts() -> dict[str, float]:
    """Wrap each of PARTS to add its seconds to the dict returned (by "Class.name")."""
    spent: dict[str, float] = {}
    for module_name, owner_name, attribute in PARTS:
        module = importlib.import_module(module_name)
        owner = getattr(module, owner_name, None) if owner_name else module
        original = getattr(owner, attribute, None) if owner is not None else None
        if original is None:
            continue
        label = f"{owner_name}.{attribute}" if owner_name else attribute

        def part(*args: Any, _original: Any = original, _label: str = label,
                 **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_label] = spent.get(_label, 0.0) + time.perf_counter() - began

        setattr(owner, attribute, part)
    return spent


def make_histories(folder: Path) -> dict[str, Any]:
    from gluteapp.storage.export import fill_demo_history

    today = date.today()
    fill_demo_history(folder / "ten-years", 10, seed=1, daily=True, until=today)
    fill_demo_history(folder / "four-weeks", FOUR_WEEKS_YEARS, seed=1, daily=True, until=today)
    return {"made": str(folder)}


def click_child(histories: Path, runs: int) -> dict[str, Any]:
    """`runs` clicks on "All" in each history, taken in turn, in copies of `histories`."""
    import shutil

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gluteapp.core.assets import builtin_library
    from gluteapp.core.stats import HistoryRange
    from gluteapp.gui.history.view import HistoryView
    from gluteapp.gui.history_service import HistoryService
    from gluteapp.storage import open_history

    app = QApplication.instance() or QApplication(sys.argv[:1])
    today = date.today()
    library = builtin_library()
    clicked: dict[str, list[Any]] = {"small": [], "big": [], "tab": [], "shown": [],
                                     "open_small": [], "open_big": [], "parts_small": [],
                                     "parts_big": []}
    with tempfile.TemporaryDirectory(prefix="gluteapp-bench-") as tmp:
        folders = {"small": "four-weeks", "big": "ten-years"}
        stores = {}
        for name, folder in folders.items():
            shutil.copytree(histories / folder, Path(tmp) / folder)
            stores[name] = open_history(Path(tmp) / folder, daily_backup=False)
        services = {name: HistoryService(store) for name, store in stores.items()}

        def make(name: str) -> HistoryView:
            return shown_view(services[name], library, today, HistoryRange.THREE_MONTHS)

        for warm in (True, *([False] * runs)):
            for name in ("small", "big"):
                views: list[HistoryView] = []
                opened = timed(lambda name=name, views=views: views.append(make(name)))
                view = views[0]
                if not warm:
                    clicked[f"open_{name}"].append(opened)
                took = click_all(view)  # the first round warms imports and the weeks kept
                if not warm:
                    clicked[name].append(took)
                if name == "big" and hasattr(view, "_tabs"):  # ten years, "All" on screen
                    tabs, shown = switches(view)
                    if not warm:
                        clicked["tab"].extend(tabs)
                        clicked["shown"].append(shown)
                closed(view)
        spent = timing_parts()  # a pass of its own: the clicks above ran unwrapped
        for _ in range(runs):
            for name in ("small", "big"):
                view = make(name)
                spent.clear()
                click_all(view)
                clicked[f"parts_{name}"].append(dict(spent))
                closed(view)
        for store in stores.values():
            store.close(backup=False)
    del app
    return clicked


def click_rounds(variants: dict[str, str], rounds: int, runs: int) -> None:
    from wheels import install

    sites = {name: install(spec) for name, spec in variants.items()}
    found: dict[str, dict[str, list[Any]]] = {
        name: {"small": [], "big": [], "tab": [], "shown": [], "open_small": [], "open_big": [],
               "parts_small": [], "parts_big": []}
        for name in variants}

    def run(site: Path, *args: str) -> Any:
        env = dict(os.environ, PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen")
        out = subprocess.run([sys.executable, str(HERE / "history_scale.py"), *args], env=env,
                             cwd=tempfile.gettempdir(), capture_output=True, text=True,
                             check=True, timeout=3600).stdout
        return json.loads(out.strip().splitlines()[-1])

    with tempfile.TemporaryDirectory(prefix="gluteapp-bench-histories-") as histories:
        run(next(iter(sites.values())), "--make-histories", histories)
        loads = [os.getloadavg()[0]]
        for _ in range(rounds):
            for name, site in sites.items():
                clicked = run(site, "--click-child", histories, "--runs", str(runs))
                for measure, times in clicked.items():
                    found[name].setdefault(measure, []).extend(times)
            loads.append(os.getloadavg()[0])
    print(f"\nclick \"All\", {rounds} rounds of {runs} clicks per variant and size, the variants "
          f"in turn; load {min(loads):.2f}-{max(loads):.2f}")
    print(f"  {'variant':<16} {'4 weeks':>16} {'10 years':>16} {'ratio':>13} {'pairs':>7}")
    for name, sizes in found.items():
        small, big = sizes["small"], sizes["big"]
        pairs = statistics.median(b[0] / s[0] for s, b in zip(small, big, strict=True))
        print(f"  {name:<16} {med(small, 0) * 1000:5.0f} ({med(small, 1) * 1000:4.0f}) ms"
              f" {med(big, 0) * 1000:5.0f} ({med(big, 1) * 1000:4.0f}) ms"
              f" {med(big, 0) / med(small, 0):6.2f}x ({med(big, 1) / med(small, 1):4.2f}x)"
              f" {pairs:6.2f}x")
    print("\nHistory built, shown at 3 months and rendered (as in a click round's start)")
    for name, sizes in found.items():
        if sizes["open_small"]:
            small, big = sizes["open_small"], sizes["open_big"]
            print(f"  {name:<16} four weeks {med(small, 0) * 1000:5.0f} "
                  f"({med(small, 1) * 1000:4.0f}) ms   ten years "
                  f"{med(big, 0) * 1000:5.0f} ({med(big, 1) * 1000:4.0f}) ms")
    print("\nten years at \"All\", to the last paint: a tab switched to (after each was fed "
          "once), and the view hidden and shown again (another area, then History)")
    for name, sizes in found.items():
        if sizes["tab"]:
            print(f"  {name:<16} tab {med(sizes['tab'], 0) * 1000:5.1f} "
                  f"({med(sizes['tab'], 1) * 1000:4.1f}) ms   shown again "
                  f"{med(sizes['shown'], 0) * 1000:5.1f} ({med(sizes['shown'], 1) * 1000:4.1f}) ms")
    print("\nthe pieces of a click on \"All\" (a pass of their own, wall ms, medians of the "
          "clicks): four weeks / ten years")
    labels = sorted({label for sizes in found.values() for parts in sizes["parts_big"]
                     for label in parts})
    print(f"  {'piece':<32}" + "".join(f" {name[:16]:>16}" for name in found))
    for label in labels:
        cells = []
        for sizes in found.values():
            small = [parts.get(label, 0.0) for parts in sizes["parts_small"]]
            big = [parts.get(label, 0.0) for parts in sizes["parts_big"]]
            cells.append(f"{statistics.median(small) * 1000:6.2f} /"
                         f"{statistics.median(big) * 1000:6.2f}" if big else "-")
        print(f"  {label:<32}" + "".join(f" {cell:>16}" for cell in cells))


def med(pairs: list[list[float]], which: int) -> float:
    return statistics.median(pair[which] for pair in pairs)


def report(name: str, found: dict[str, Any]) -> None:
    print(f"\n{name}: ten years daily = {found['sessions']} sessions "
          f"(demo import {found['fill_s']:.1f} s); median of the runs, wall (CPU)")
    print(f"  {'open at':<12} {'4 weeks of data':>20} {'10 years daily':>20} {'ratio':>13}")
    for history_range, pairs in found["open"].items():
        small, big = pairs["small"], pairs["big"]
        print(f"  {history_range:<12} {med(small, 0) * 1000:8.0f} ({med(small, 1) * 1000:5.0f})"
              f" ms {med(big, 0) * 1000:8.0f} ({med(big, 1) * 1000:5.0f}) ms"
              f" {med(big, 0) / med(small, 0):6.2f}x ({med(big, 1) / med(small, 1):4.2f}x)")
    small, big = found["click_all"]["small"], found["click_all"]["big"]
    print(f"  {'click All':<12} {med(small, 0) * 1000:8.0f} ({med(small, 1) * 1000:5.0f})"
          f" ms {med(big, 0) * 1000:8.0f} ({med(big, 1) * 1000:5.0f}) ms"
          f" {med(big, 0) / med(small, 0):6.2f}x ({med(big, 1) / med(small, 1):4.2f}x)")
    reads = found.get("all_reads")
    if reads:
        print("  the weeks and totals of \"All\", ten years, read straight after the import: "
              + ", ".join(f"{read * 1000:.1f}" for read in reads) + " ms")
    times = found["record_set"]
    print(f"  record_set on a real file (WAL, synchronous=FULL), {len(times)} sets: median "
          f"{statistics.median(times) * 1000:.2f} ms, 90th percentile "
          f"{statistics.quantiles(times, n=10)[-1] * 1000:.2f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median taken)")
    parser.add_argument("--sets", type=int, default=60, help="record_set calls to time")
    parser.add_argument("--variant", action="append", default=[])
    parser.add_argument("--click-rounds", type=int, default=0,
                        help="only the click on All, the variants taking turns, R rounds")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--make-histories", help=argparse.SUPPRESS)
    parser.add_argument("--click-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.runs, args.sets)))
        return 0
    if args.make_histories:
        print(json.dumps(make_histories(Path(args.make_histories))))
        return 0
    if args.click_child:
        print(json.dumps(click_child(Path(args.click_child), args.runs)))
        return 0
    sys.path.insert(0, str(HERE))
    from wheels import install

    variants = dict(v.split("=", 1) for v in args.variant) or {"before": "331241a",
                                                               "after": "HEAD"}
    if args.click_rounds:
        click_rounds(variants, args.click_rounds, args.runs)
        return 0
    for name, spec in variants.items():
        load = os.getloadavg()[0]
        env = dict(os.environ, PYTHONPATH=str(install(spec)), QT_QPA_PLATFORM="offscreen")
        out = subprocess.run([sys.executable, str(HERE / "history_scale.py"), "--child",
                              "--runs", str(args.runs), "--sets", str(args.sets)], env=env,
                             cwd=tempfile.gettempdir(), capture_output=True, text=True,
                             check=True, timeout=3600).stdout
        report(f"{name} ({spec}; load {load:.2f} before, {os.getloadavg()[0]:.2f} after)",
               json.loads(out.strip().splitlines()[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
