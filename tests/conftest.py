"""Shared test set-up; Qt-free so the core and storage tests run without PySide6."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
