#!/usr/bin/env bash
# Run every benchmark, each printing its figure next to a baseline measured in the same run.
# After `bash tools/setup.sh`:   bash benchmarks/run_all.sh
# Figures go to the terminal and to benchmarks/latest.txt; copy them into RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
PY=.venv/bin/python
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ)  commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "## 1. start-up";        $PY benchmarks/startup.py 9
  echo "## 2. timer accuracy";  $PY benchmarks/timer_accuracy.py --seconds "${TIMER_SECONDS:-60}"
  echo "## 3. cue onsets";      $PY benchmarks/cue_onsets.py
  echo "## 4. history";         $PY benchmarks/history_scale.py
  echo "## 5. memory";          $PY benchmarks/memory.py
} 2>&1 | grep -v "propagateSizeHints" | tee benchmarks/latest.txt
