"""Closing the window after History was shown deletes pyqtgraph's scenes without a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# In a child process: the crash this guards against is a segmentation fault, which would end
# the whole test run instead of failing one test.
SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from gluteapp.app import Gluteapp
from gluteapp.core.paths import ensure_writable, resolve_paths
from gluteapp.gui.audio import AudioService, VisualBackend
from gluteapp.launch import StartupOptions
from gluteapp.storage.export import fill_demo_history

qt = QApplication([])
data = Path(sys.argv[1])
fill_demo_history(data, 0.5)
paths = resolve_paths(data)
ensure_writable(paths)
app = Gluteapp(qt, paths, StartupOptions(data_dir=data, view="history", skip_first_run=True),
               audio=AudioService(VisualBackend("no sound in this test")))
assert app.start() is None
app.window.resize(1280, 800)
app.window.show()
for _ in range(5):
    qt.processEvents()
app.shutdown()
if app.reminders is not None:
    app.reminders.shutdown()
assert app.window.close()
qt.processEvents()
for widget in QApplication.topLevelWidgets():
    widget.close()
    widget.deleteLater()
qt.processEvents()
QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
print("deleted")
"""


def test_the_window_goes_away_cleanly_after_history_was_shown(tmp_path: Path) -> None:
    ran = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
                         capture_output=True, text=True, timeout=120,
                         env={**_env(), "QT_QPA_PLATFORM": "offscreen"})
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert ran.stdout.strip().splitlines()[-1] == "deleted"


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
