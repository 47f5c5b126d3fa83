"""Child process for the start-up and memory benchmarks: `bare` or `app`, then an action.

`paint`: until the first paint of the main window. `complete`: until the library view (list,
filters, detail pane) has painted too, which a plain start builds just after the first paint;
for the bare window the two are the same. `visit`: every area, then the peak memory. An
optional third argument is the data folder to use (default: a fresh one). The kind `command`
(`paint` only) runs the real entry point, `gluteapp --data-dir DIR --skip-first-run`, which
also sets up the log file and the single-instance check before building the window.

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
                if action == "paint" or kind == "bare":
                    painted["complete"] = painted["at"]
                    QTimer.singleShot(0, app.quit)
            return False

    class LibraryPainted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "complete" not in painted:
                painted["complete"] = time.time()
                QTimer.singleShot(0, app.quit)
            return False

    data = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="gluteapp-bench-")
    if kind == "command":
        class MainWindowPainted(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if (event.type() == QEvent.Type.Paint and "at" not in painted
                        and isinstance(watched, QMainWindow)):
                    painted["at"] = time.time()
                    QTimer.singleShot(0, app.quit)
                return False

        from gluteapp.cli import main as gluteapp_main

        command_watcher = MainWindowPainted()
        app.installEventFilter(command_watcher)
        gluteapp_main(["--data-dir", data, "--skip-first-run"])
        print(json.dumps({"painted_at": painted["at"], "complete_at": painted["at"],
                          "modules": len(sys.modules), "heavy_at_first_paint": []}))
        return
    if kind == "bare":
        window = QMainWindow()
        window.resize(1280, 800)
        target = window
    else:
        from gluteapp.app import Gluteapp
        from gluteapp.core.paths import ensure_writable, resolve_paths
        from gluteapp.launch import StartupOptions

        paths = resolve_paths(Path(data))
        ensure_writable(paths)
        glute = Gluteapp(app, paths, StartupOptions(data_dir=Path(data), skip_first_run=True))
        assert glute.start() is None
        window = glute.window
        target = window
    watcher = FirstPaint()
    target.installEventFilter(watcher)
    if kind == "app" and action == "complete":
        from gluteapp.gui.library.area import LibraryArea

        area = glute.window.page("library")
        assert isinstance(area, LibraryArea)
        library_watcher = LibraryPainted()
        if area.is_built:
            area.view().installEventFilter(library_watcher)
        else:
            area.view_built.connect(lambda: area.view().installEventFilter(library_watcher))
    window.show()
    if action in ("paint", "complete"):
        app.exec()
        print(json.dumps({"painted_at": painted["at"], "complete_at": painted["complete"],
                          "modules": len(sys.modules), "heavy_at_first_paint": heavy_at_paint}))
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
