#!/usr/bin/env bash
# Set up everything Gluteapp needs on a fresh Debian or Ubuntu machine: system packages,
# the virtual environment in .venv, and the app itself (editable, resources compiled).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3 python3-venv python3-dev
  # Qt: QtMultimedia talks to PulseAudio; real windows need X libraries and a virtual screen.
  libpulse0 libpulse-mainloop-glib0 libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1
  libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libxcb-xfixes0 fonts-dejavu-core xvfb xauth dbus-daemon
  # A window manager, for the test that the main window fits a small screen with its frame.
  openbox
  # Audio tests: a private PulseAudio with a null sink, recorded with parec, measured with sox.
  pulseaudio pulseaudio-utils sox espeak-ng gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-pulseaudio gstreamer1.0-tools gstreamer1.0-plugins-base-apps
  # Packaging checks (the desktop entry, the metainfo, the Flatpak manifest) and reports.
  desktop-file-utils appstream flatpak-builder poppler-utils
  # The benchmarks undo one change at a time with patch (benchmarks/wheels.py).
  patch
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade "pip>=24"
# The tested versions (constraints.txt), within the ranges pyproject.toml allows.
.venv/bin/python -m pip install -q -c constraints.txt -e ".[dev]"
echo "setup: done. Start the app with .venv/bin/gluteapp"
