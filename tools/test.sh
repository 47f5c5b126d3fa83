#!/usr/bin/env bash
# Every check CI runs: lint, types, the import contract, the core and storage tests with no Qt
# installed, then the whole test suite (offscreen Qt, real SQLite, a private PulseAudio).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

echo "== ruff"
.venv/bin/ruff check .
echo "== mypy (strict for core and storage)"
.venv/bin/mypy
echo "== import contract"
.venv/bin/lint-imports

echo "== core and storage tests without PySide6"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv-core/bin/python ]; then
  "$PYTHON" -m venv .venv-core
fi
.venv-core/bin/python -m pip install -q --upgrade "pip>=24"
.venv-core/bin/python -m pip install -q msgspec==0.22.0 platformdirs==4.14.7 sqlite-utils==4.2.1 \
  pytest==9.2.0 hypothesis==6.170.15
if .venv-core/bin/python -c "import PySide6" 2>/dev/null; then
  echo "PySide6 must not be importable in .venv-core" >&2
  exit 1
fi
PYTHONPATH="$PWD" .venv-core/bin/python -m pytest -q -p no:cacheprovider \
  -W "ignore::pytest.PytestConfigWarning" tests/core tests/storage

echo "== full test suite, with the PyInstaller bundle built and run"
# GLUTEAPP_BUNDLE_TEST=1: tests/e2e/test_packaging.py builds dist/gluteapp with
# packaging/build_bundle.sh, runs its --version and an offscreen screenshot, and checks its
# contents; GLUTEAPP_BUNDLE_TEST=0 bash tools/test.sh skips that minute.
export GLUTEAPP_BUNDLE_TEST="${GLUTEAPP_BUNDLE_TEST:-1}"
# No test collected is a failure (exit code 5), never a pass.
.venv/bin/python -m pytest -q "$@"
