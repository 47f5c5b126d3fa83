#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle into dist/gluteapp and smoke-test it: --version, and
# an offscreen screenshot on a fresh data folder, both run from outside the checkout.
# tools/test.sh runs it through tests/e2e/test_packaging.py (GLUTEAPP_BUNDLE_TEST=1).
# Prints the build time and the bundle size. Needs .venv (tools/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PYINSTALLER_VERSION=6.22.3
DIST=${DIST:-$ROOT/dist}
SCREENSHOT=${SCREENSHOT:-$DIST/gluteapp-screenshot.png}

# tools/setup.sh installs it with the dev extra; this only fills the gap in an older .venv.
if [ "$(.venv/bin/pyinstaller --version 2>/dev/null)" != "$PYINSTALLER_VERSION" ]; then
  .venv/bin/python -m pip install -q -c constraints.txt "pyinstaller==$PYINSTALLER_VERSION"
fi
.venv/bin/python hatch_build.py >/dev/null  # the resources module, fresh from resources.qrc
# The bundle carries the tested versions of constraints.txt, not whatever .venv drifted to.
.venv/bin/python - <<'PY'
import sys
from importlib.metadata import PackageNotFoundError, version
section, wrong = "", []
for line in open("constraints.txt", encoding="utf-8"):
    line = line.strip()
    if line.startswith("# ---"):
        section = line
    elif line and not line.startswith("#") and "run time" in section:
        name, pin = line.split("==")
        try:
            found = version(name)
        except PackageNotFoundError:
            found = "missing"
        if found != pin:
            wrong.append(f"{name} {found} (constraints.txt: {pin})")
if wrong:
    sys.exit("bundle: .venv differs from constraints.txt; run tools/setup.sh: " + ", ".join(wrong))
PY

started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" packaging/gluteapp.spec
build_s=$(( $(date +%s) - started ))
# PyInstaller leaves top-level symlinks to the libraries the spec dropped; remove them.
find "$DIST/gluteapp" -xtype l -delete
size=$(du -sh "$DIST/gluteapp" | cut -f1)
echo "bundle: built in ${build_s} s, $size in $DIST/gluteapp"

app="$DIST/gluteapp/gluteapp"
if command -v ldd >/dev/null; then
  # Every Qt library and plugin must find the Qt libraries it links to inside the bundle
  # (the spec drops some plugins and their libraries).
  internal="$DIST/gluteapp/_internal"
  missing=$(find "$internal/PySide6" -name '*.so*' -type f -print0 \
    | LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" xargs -0 -n 50 ldd 2>/dev/null \
    | grep -E 'libQt6[^ ]* => not found' | sort -u || true)
  if [ -n "$missing" ]; then
    echo "bundle: Qt libraries missing from the bundle:" >&2
    echo "$missing" >&2
    exit 1
  fi
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"  # nothing may come from the checkout
"$app" --version
# A data folder never used before: the screenshot must not wait for the first-run questions.
QT_QPA_PLATFORM=offscreen "$app" --screenshot "$SCREENSHOT" --data-dir "$scratch/data"
test -s "$SCREENSHOT"
echo "bundle: OK ($SCREENSHOT)"
