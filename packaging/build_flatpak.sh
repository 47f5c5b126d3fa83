#!/usr/bin/env bash
# Build and install the Flatpak for this user: the Python module from constraints.txt first
# (packaging/flatpak_requirements.py asks pip, so the build needs the package index once), then
# flatpak-builder. Needs flatpak-builder, and the KDE SDK 6.10 and PySide BaseApp 6.10 installed
# (flatpak-builder --install-deps-from=flathub installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 packaging/flatpak_requirements.py
flatpak-builder --user --install --force-clean "$@" build-flatpak packaging/org.gluteapp.gluteapp.yml
