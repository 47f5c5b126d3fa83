#!/usr/bin/env bash
# Run every benchmark, each printing its figure next to a baseline measured in the same run.
# After `bash tools/setup.sh`:   bash benchmarks/run_all.sh
# Figures go to the terminal and to benchmarks/latest.txt; copy them into RESULTS.md.
#
# Gluteapp is measured as a person runs it: wheels built from commits and installed with their
# bytecode (benchmarks/wheels.py), HEAD ("after") against BEFORE ("before", the commit before
# the work being measured; override with BEFORE=<commit>). Uncommitted edits are not measured.
# The machine's load average is printed with every figure; on a shared machine, run again any
# figure that a busy neighbour may have spoiled.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
PY=.venv/bin/python
BEFORE="${BEFORE:-331241a}"
RUNS="${RUNS:-15}"
# Each change's gain is measured by leaving it out: HEAD with benchmarks/leave_out/NAME.diff
# reversed (benchmarks/wheels.py), in the same rounds as HEAD and BEFORE. The fifth run's
# changes are left out by settle, line_cache and list_tab, the sixth run's by no_activation and
# axis_labels, the seventh's by calendar_drawing, trend_thinning, day_counts and
# same_style_spots (history), the eighth's by structs (start-up and history), day_pairs,
# zone_seconds and calendar_cells, the ninth's by scan_first and lazy_toml (start-up) and
# figure_math (the figure: benchmarks/figure_animation.py), the tenth's by lying_figure (the
# player's figure under the countdown: figure_animation.py --exercise frog-pump); the fourth
# run's week_sums and paint_less (made again for the seventh) still apply to HEAD. day_counts and calendar_drawing
# are left out of 3bad222, the seventh run's end, and structs of dfd6798, the eighth's, where
# they were measured: a later run changed the lines around them.
# tests/e2e/test_benchmark_leave_outs.py checks that every leave-out here applies to HEAD or
# to its commit. The earlier runs' leave-outs (made against b23a87e, LB, or an earlier
# run's HEAD) are still here; RESULTS.md gives what they measured.
# LAST is the end of the fourth run's work (the fifth run's start). TIMER_LEAVE_OUTS=1 also
# runs the second run's timer leave-outs (2c, 12 minutes).
L=benchmarks/leave_out
LB="${LB:-b23a87e}"
LAST="${LAST:-c2a74f4}"
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ)  HEAD $(git rev-parse --short HEAD 2>/dev/null || echo '?')  before $BEFORE"
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uptime)"
  echo "## 1. start-up from installed wheels (first paint, library painted, command, screenshot)"
  $PY benchmarks/startup.py --runs "$RUNS" --variant "before=$BEFORE" --variant after=HEAD \
      --variant "last=$LAST" --variant "dataclasses=dfd6798+$L/structs.diff" \
      --variant "no-scan-first=HEAD+$L/scan_first.diff" \
      --variant "no-lazy-toml=HEAD+$L/lazy_toml.diff"
  echo "## 2. timer accuracy: quiet, both cores busy, oversubscribed, GUI stalls"
  $PY benchmarks/timer_accuracy.py --seconds "${TIMER_SECONDS:-60}"
  if [ "${TIMER_LEAVE_OUTS:-0}" = 1 ]; then
  echo "## 2c. both cores busy, HEAD against HEAD without each of the second run's timer changes"
  # The timer benchmark runs the player of the tree it is in: each variant is a copy of HEAD
  # with one change reversed, the rounds interleaved.
  TREES=$(mktemp -d)
  for leave in ring_track held_figure; do
    mkdir "$TREES/$leave"
    git archive HEAD | tar -x -C "$TREES/$leave"
    patch -s -R -p1 -d "$TREES/$leave" -i "$PWD/$L/$leave.diff"
  done
  for round in $(seq "${TIMER_ROUNDS:-2}"); do
    for tree in . "$TREES/ring_track" "$TREES/held_figure"; do
      echo "# round $round: ${tree#"$TREES/"} (. is HEAD)"
      $PY "$tree/benchmarks/timer_accuracy.py" --only busy2 --seconds "${TIMER_SECONDS:-60}"
    done
  done
  rm -rf "$TREES"
  fi
  echo "## 2b. the exercise figure animating: timer and CPU against still and no figure"
  $PY benchmarks/figure_animation.py --seconds "${TIMER_SECONDS:-60}"
  echo "## 2d. the figure animating, from wheels: HEAD, and HEAD without the ninth run's pose math"
  for spec in HEAD "HEAD+$L/figure_math.diff"; do
    echo "# $spec"
    PYTHONPATH="$($PY benchmarks/wheels.py "$spec" | tail -1)" \
      $PY benchmarks/figure_animation.py --seconds "${TIMER_SECONDS:-60}"
  done
  echo "## 2e. a lying figure animating (frog pumps), from wheels: HEAD, and HEAD with it"
  echo "##     beside the countdown as before the tenth run (lying_figure)"
  for spec in HEAD "HEAD+$L/lying_figure.diff"; do
    echo "# $spec"
    PYTHONPATH="$($PY benchmarks/wheels.py "$spec" | tail -1)" \
      $PY benchmarks/figure_animation.py --seconds "${TIMER_SECONDS:-60}" --exercise frog-pump
  done
  echo "## 3. cue onsets (quiet, both cores busy, GUI stalls) and cues dropped in a session"
  $PY benchmarks/cue_onsets.py --runs "${CUE_RUNS:-5}" --before "$BEFORE"
  echo "## 3b. the real player's cues while its GUI thread is mostly blocked"
  $PY benchmarks/cue_player_stalls.py --runs 3 --variant "no-look-ahead=$LB+$L/lookahead.diff" \
      --variant "before=$BEFORE"
  echo "## 4. history: ten years against four weeks, opened and clicked"
  $PY benchmarks/history_scale.py --runs "${HISTORY_RUNS:-5}" --variant "before=$BEFORE" \
      --variant after=HEAD --variant "last=$LAST" \
      --variant "no-week-sums=HEAD+$L/week_sums.diff" \
      --variant "no-paint-less=HEAD+$L/paint_less.diff" \
      --variant "no-settle=HEAD+$L/settle.diff" \
      --variant "no-line-cache=HEAD+$L/line_cache.diff" \
      --variant "no-list-tab=HEAD+$L/list_tab.diff"
  echo "## 4b. clicking \"All\", tabs and History shown again, the variants taking turns"
  $PY benchmarks/history_scale.py --click-rounds "${CLICK_ROUNDS:-6}" --runs 5 \
      --variant "last=$LAST" --variant after=HEAD \
      --variant "no-settle=HEAD+$L/settle.diff" \
      --variant "no-line-cache=HEAD+$L/line_cache.diff" \
      --variant "no-list-tab=HEAD+$L/list_tab.diff" \
      --variant "no-activation=HEAD+$L/no_activation.diff" \
      --variant "no-axis-labels=HEAD+$L/axis_labels.diff" \
      --variant "no-calendar-drawing=3bad222+$L/calendar_drawing.diff" \
      --variant "no-trend-thinning=HEAD+$L/trend_thinning.diff" \
      --variant "no-day-counts=3bad222+$L/day_counts.diff" \
      --variant "no-same-style-spots=HEAD+$L/same_style_spots.diff" \
      --variant "dataclasses=dfd6798+$L/structs.diff" \
      --variant "no-day-pairs=HEAD+$L/day_pairs.diff" \
      --variant "no-zone-seconds=HEAD+$L/zone_seconds.diff" \
      --variant "no-calendar-cells=HEAD+$L/calendar_cells.diff"
  echo "## 5. memory: after visiting every area, and during a session"
  $PY benchmarks/memory.py --variant "before=$BEFORE" --variant after=HEAD
  echo "# done $(date -u +%H:%MZ); $(uptime)"
} 2>&1 | grep -v -e "propagateSizeHints" -e "^qt.multimedia" -e "speechd" | tee benchmarks/latest.txt
