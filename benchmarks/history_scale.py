"""How the History view scales: ten years of daily sessions against four weeks, and set commits.

Run with `.venv/bin/python benchmarks/history_scale.py [--runs N]`. Everything is measured in
this one run, on real SQLite files in a temporary folder, offscreen:

- load and draw: build the view over the store (it reads its range and feeds every chart), show
  it at 1280x800 and render it, for each range; the median of N runs, and the ratio of ten years
  of daily sessions to four weeks of data;
- one set: the median time of HistoryStore.record_set (committed and synced, as in a session).

No thresholds: this prints figures; the tests do not time anything.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from gluteapp.core.assets import builtin_library
from gluteapp.core.records import CompletedSet, FeltIn, Side
from gluteapp.core.stats import HistoryRange
from gluteapp.storage import HistoryStore, open_history
from gluteapp.storage.export import fill_demo_history

FOUR_WEEKS_YEARS = 28 / 365.25


def load_and_draw_s(store: HistoryStore, history_range: HistoryRange, today: date) -> float:
    """Seconds from nothing to a drawn view: read, aggregate, feed the charts, paint."""
    from gluteapp.gui.history.view import HistoryView
    from gluteapp.gui.history_service import HistoryService

    started = time.perf_counter()
    view = HistoryView(
        HistoryService(store),
        builtin_library(),
        2,
        today=lambda: today,
        history_range=history_range,
    )
    view.resize(1280, 800)
    view.show()
    QApplication.processEvents()
    view.grab()
    elapsed = time.perf_counter() - started
    view.close()
    view.deleteLater()
    QApplication.processEvents()
    return elapsed


def record_set_s(data_dir: Path, count: int) -> list[float]:
    """Seconds per record_set on a real file, the way the player commits each set."""
    times: list[float] = []
    with open_history(data_dir, daily_backup=False) as store:
        began = datetime.now(UTC)
        session_id = store.start_session("bench", "Benchmark", began)
        for number in range(1, count + 1):
            at = began + timedelta(seconds=30 * number)
            done = CompletedSet(
                "side-plank",
                number,
                Side.LEFT if number % 2 else Side.RIGHT,
                at,
                at + timedelta(seconds=20),
                target_hold_s=20,
                achieved_hold_s=19.5,
                pain=1,
                felt_in=FeltIn.GLUTES,
            )
            started = time.perf_counter()
            store.record_set(session_id, done)
            times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (median taken)")
    parser.add_argument("--sets", type=int, default=60, help="record_set calls to time")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="gluteapp-bench-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        big_sessions = fill_demo_history(root / "ten-years", 10, seed=1, daily=True, until=today)
        fill_s = time.perf_counter() - started
        small_sessions = fill_demo_history(
            root / "four-weeks", FOUR_WEEKS_YEARS, seed=1, daily=True, until=today
        )
        with open_history(root / "ten-years", daily_backup=False) as store:
            big_sets = sum(len(s.sets) for s in store.list_sessions())
        print(
            f"ten years daily: {big_sessions} sessions, {big_sets} sets "
            f"(bulk insert {fill_s:.2f} s); four weeks: {small_sessions} sessions"
        )

        big = open_history(root / "ten-years", daily_backup=False)
        small = open_history(root / "four-weeks", daily_backup=False)
        try:
            load_and_draw_s(small, HistoryRange.THREE_MONTHS, today)  # warm imports and caches
            print(f"\nload and draw at 1280x800, median of {args.runs} runs:")
            print(f"{'range':<10} {'4 weeks of data':>16} {'10 years daily':>16} {'ratio':>7}")
            for history_range in HistoryRange:
                small_s: list[float] = []
                big_s: list[float] = []
                for _ in range(args.runs):  # interleaved, so drift hits both alike
                    small_s.append(load_and_draw_s(small, history_range, today))
                    big_s.append(load_and_draw_s(big, history_range, today))
                small_median = statistics.median(small_s)
                big_median = statistics.median(big_s)
                print(
                    f"{history_range.value:<10} {small_median * 1000:>13.1f} ms "
                    f"{big_median * 1000:>13.1f} ms {big_median / small_median:>6.2f}x"
                )
        finally:
            big.close(backup=False)
            small.close(backup=False)

        times = record_set_s(root / "commit", args.sets)
        print(
            f"\nrecord_set on a real file (WAL, synchronous=FULL), {args.sets} sets: "
            f"median {statistics.median(times) * 1000:.2f} ms, "
            f"90th percentile {statistics.quantiles(times, n=10)[-1] * 1000:.2f} ms"
        )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
