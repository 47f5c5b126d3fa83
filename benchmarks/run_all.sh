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
# reversed (benchmarks/wheels.py), in the same rounds as HEAD and BEFORE. The patches were
# made against b23a87e; should one stop applying to HEAD, run with LB=b23a87e.
L=benchmarks/leave_out
LB="${LB:-HEAD}"
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ)  HEAD $(git rev-parse --short HEAD 2>/dev/null || echo '?')  before $BEFORE"
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uptime)"
  echo "## 1. start-up from installed wheels (first paint, library painted, command, screenshot)"
  $PY benchmarks/startup.py --runs "$RUNS" --variant "before=$BEFORE" --variant after=HEAD \
      --variant "without-these-start-up-changes=$LB+$L/banner.diff+$L/scan.diff+$L/lean.diff" \
      --variant "no-banner=$LB+$L/banner.diff" --variant "no-scan=$LB+$L/scan.diff" \
      --variant "no-lean=$LB+$L/lean.diff"
  echo "## 2. timer accuracy: quiet, both cores busy, oversubscribed, GUI stalls"
  $PY benchmarks/timer_accuracy.py --seconds "${TIMER_SECONDS:-60}"
  echo "## 2b. the exercise figure animating: timer and CPU against still and no figure"
  $PY benchmarks/figure_animation.py --seconds "${TIMER_SECONDS:-60}"
  echo "## 3. cue onsets (quiet, both cores busy, GUI stalls) and cues dropped in a session"
  $PY benchmarks/cue_onsets.py --runs "${CUE_RUNS:-5}" --before "$BEFORE"
  echo "## 3b. the real player's cues while its GUI thread is mostly blocked"
  $PY benchmarks/cue_player_stalls.py --runs 3 --variant "no-look-ahead=$LB+$L/lookahead.diff" \
      --variant "before=$BEFORE"
  echo "## 4. history: ten years against four weeks, opened and clicked"
  $PY benchmarks/history_scale.py --runs "${HISTORY_RUNS:-5}" --variant "before=$BEFORE" \
      --variant after=HEAD --variant "no-decimation=$LB+$L/decimate.diff" \
      --variant "no-paging=$LB+$L/paging.diff" --variant "no-two-colour-bars=$LB+$L/bars.diff"
  echo "## 5. memory: after visiting every area, and during a session"
  $PY benchmarks/memory.py --variant "before=$BEFORE" --variant after=HEAD
  echo "# done $(date -u +%H:%MZ); $(uptime)"
} 2>&1 | grep -v -e "propagateSizeHints" -e "^qt.multimedia" -e "speechd" | tee benchmarks/latest.txt
