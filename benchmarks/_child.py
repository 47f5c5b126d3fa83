"""Child process for the start-up and memory benchmarks: `bare` or `app`, then `paint` or `visit`.

Prints one JSON line and exits. Run by benchmarks/startup.py and benchmarks/memory.py.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# What must not be loaded before the first paint.
HEAVY = {"pyqtgraph", "numpy", "sqlite_utils", "pluggy", "click"}


def main() -> None:
    kind, action = sys.argv[1], sys.argv[2]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    painted: dict[str, float] = {}
    heavy_at_paint: list[str] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "at" not in painted:
                painted["at"] = time.time()
                loaded = {name.split(".")[0] for name in sys.modules}
                heavy_at_paint.extend(sorted(loaded & HEAVY))
                if "PySide6.QtMultimedia" in sys.modules:
                    heavy_at_paint.append("PySide6.QtMultimedia")
                QTimer.singleShot(0, app.quit)
            return False

    data = tempfile.mkdtemp(prefix="gluteapp-bench-")
    if kind == "bare":
        window = QMainWindow()
        window.resize(1280, 800)
        target = window
    else:
        from gluteapp.app import Gluteapp, StartupOptions
        from gluteapp.core.paths import ensure_writable, resolve_paths

        paths = resolve_paths(Path(data))
        ensure_writable(paths)
        glute = Gluteapp(app, paths, StartupOptions(data_dir=Path(data), skip_first_run=True))
        assert glute.start() is None and glute.window is not None
        window = glute.window
        target = window
    watcher = FirstPaint()
    target.installEventFilter(watcher)
    window.show()
    if action == "paint":
        app.exec()
        print(json.dumps({"painted_at": painted["at"], "modules": len(sys.modules),
                          "heavy_at_first_paint": heavy_at_paint}))
        return
    # visit: open every area, let each paint, then report the peak resident memory.
    if kind == "app":
        for key in glute.window.area_keys():
            glute.window.show_area(key)
            for _ in range(10):
                app.processEvents()
        glute.shutdown()
    else:
        for _ in range(30):
            app.processEvents()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_rss_kib": peak_kib, "modules": len(sys.modules)}))


if __name__ == "__main__":
    main()
