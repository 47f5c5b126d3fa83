"""Child process for the start-up and memory benchmarks: `bare` or `app`, then an action.

The bare window is a QMainWindow with a label (so it too draws text). `paint`: until the
first paint of the main window. `complete`: until the library view (list, filters, detail
pane) has painted too, which a plain start builds just after the first paint; for the bare
window the two are the same. `grab` (bare only): the window grabbed into a PNG, the baseline of
`gluteapp --screenshot`. `visit`: every area, then the peak memory. `session` (app): a
routine played for SESSION_S seconds with its cues on the audio thread (visual cues: no sound
server is needed), then the peak memory; the bare window idles as long. An optional third
argument is the data folder to use (default: a fresh one). The kind `command` (`paint` only)
runs the real entry point, `gluteapp --data-dir DIR --skip-first-run`, which also sets up the
log file and the single-instance check before building the window.

The kind `floor` is the bare window with what no window like ours can do without made
first: the PySide6 types named in the JSON file GLUTEAPP_BENCH_FLOOR names (those the app had
made by its first paint, or by its library's; the `app` kind lists them in its output), and
msgspec imported if the file says so. Its time is the least any window that needs those
types could take.

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
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# What must not be loaded before the first paint.
HEAVY = {"pyqtgraph", "numpy", "sqlite_utils", "pluggy", "click"}
# PySide6 makes a type (a class, the `Qt` namespace, with their enums) when first asked for it.
QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg")
SESSION_S = float(os.environ.get("GLUTEAPP_BENCH_SESSION_S", "20"))


def main() -> None:
    kind, action = sys.argv[1], sys.argv[2]
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    data = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="gluteapp-bench-")
    if kind == "command":
        run_command(app, data)
        return
    if kind == "floor":
        make_floor_types()
        kind = "bare"
    window, glute = make_window(app, kind, action, data)
    if window is None:
        return
    if action in ("paint", "complete"):
        print(json.dumps(until_painted(app, window, glute, kind, action)))
        return
    window.show()
    if action == "session":
        play_a_session(app, glute)
    else:
        visit(app, glute)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_rss_kib": peak_kib, "modules": len(sys.modules)}))


def qt_types() -> list[str]:
    """The PySide6 types made so far: a lazy type is in its module's namespace once made."""
    return sorted(f"{name}.{key}" for name in QT_MODULES if name in sys.modules
                  for key in vars(sys.modules[name]) if key.startswith("Q"))


def make_floor_types() -> None:
    """Make the types GLUTEAPP_BENCH_FLOOR lists, and import msgspec if it says so."""
    import importlib

    floor = json.loads(Path(os.environ["GLUTEAPP_BENCH_FLOOR"]).read_text())
    for name in floor["types"]:
        module, _, key = name.rpartition(".")
        getattr(importlib.import_module(module), key)
    if floor.get("msgspec"):
        import msgspec  # noqa: F401


def run_command(app: Any, data: str) -> None:
    """The real entry point, timed to its main window's first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    painted: dict[str, float] = {}

    class MainWindowPainted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (event.type() == QEvent.Type.Paint and "at" not in painted
                    and isinstance(watched, QMainWindow)):
                painted["at"] = time.time()
                painted["cpu"] = cpu_s()
                QTimer.singleShot(0, app.quit)
            return False

    from gluteapp.cli import main as gluteapp_main

    command_watcher = MainWindowPainted()
    app.installEventFilter(command_watcher)
    gluteapp_main(["--data-dir", data, "--skip-first-run"])
    print(json.dumps({"painted_at": painted["at"], "complete_at": painted["at"],
                      "cpu_painted_s": painted["cpu"], "cpu_complete_s": painted["cpu"],
                      "modules": len(sys.modules), "heavy_at_first_paint": []}))


def make_window(app: Any, kind: str, action: str, data: str) -> tuple[Any, Any]:
    """The bare window with its label, or Gluteapp started; (None, None) once grabbed."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    if kind == "bare":
        window = QMainWindow()
        window.setCentralWidget(QLabel("Gluteapp"))
        window.resize(1280, 800)
        if action == "grab":
            window.grab().save(str(Path(data) / "bare.png"), "PNG")
            print(json.dumps({"done_at": time.time()}))
            return None, None
        return window, None
    from gluteapp.app import Gluteapp
    from gluteapp.core.paths import ensure_writable, resolve_paths
    from gluteapp.launch import StartupOptions

    paths = resolve_paths(Path(data))
    ensure_writable(paths)
    glute = Gluteapp(app, paths, StartupOptions(data_dir=Path(data), skip_first_run=True))
    assert glute.start() is None
    return glute.window, glute


def until_painted(app: Any, window: Any, glute: Any, kind: str, action: str) -> dict[str, Any]:
    """Show the window and wait for its first paint (and the library view's, if `complete`)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    painted: dict[str, float] = {}
    heavy_at_paint: list[str] = []
    types: dict[str, list[str]] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "at" not in painted:
                painted["at"] = time.time()
                painted["cpu_at"] = cpu_s()
                types["at_paint"] = qt_types()
                loaded = {name.split(".")[0] for name in sys.modules}
                heavy_at_paint.extend(sorted(loaded & HEAVY))
                if "PySide6.QtMultimedia" in sys.modules:
                    heavy_at_paint.append("PySide6.QtMultimedia")
                if action == "paint" or kind == "bare":
                    painted["complete"] = painted["at"]
                    painted["cpu_complete"] = painted["cpu_at"]
                    QTimer.singleShot(0, app.quit)
            return False

    class LibraryPainted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "complete" not in painted:
                painted["complete"] = time.time()
                painted["cpu_complete"] = cpu_s()
                types["at_complete"] = qt_types()
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    library_watcher = LibraryPainted()
    if kind == "app" and action == "complete":
        from gluteapp.gui.library.area import LibraryArea

        area = glute.window.page("library")
        assert isinstance(area, LibraryArea)
        if area.is_built:
            area.view().installEventFilter(library_watcher)
        else:
            area.view_built.connect(lambda: area.view().installEventFilter(library_watcher))
    window.show()
    app.exec()
    return {"painted_at": painted["at"], "complete_at": painted["complete"],
            "cpu_painted_s": painted["cpu_at"], "cpu_complete_s": painted["cpu_complete"],
            "modules": len(sys.modules), "heavy_at_first_paint": heavy_at_paint,
            "qt_types_at_paint": types["at_paint"],
            "qt_types_at_complete": types.get("at_complete", types["at_paint"])}


def visit(app: Any, glute: Any) -> None:
    """Open every area and let each paint (the bare window: as many turns of the loop)."""
    if glute is None:
        for _ in range(30):
            app.processEvents()
        return
    for key in glute.window.area_keys():
        glute.window.show_area(key)
        for _ in range(10):
            app.processEvents()
    glute.shutdown()


def cpu_s() -> float:
    """CPU seconds this process used so far (its own threads): what a busy machine slows least."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def play_a_session(app: Any, glute: Any) -> None:
    """Play a built-in routine for SESSION_S seconds, cues and all; idle as long if bare."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    if glute is not None:
        from gluteapp.app import Gluteapp

        assert isinstance(glute, Gluteapp)
        # The app's own audio thread, with visual cues: no sound server is needed.
        os.environ["GLUTEAPP_AUDIO_BACKEND"] = "visual"
        assert glute.controller.open_routine("glute-amnesia-wake-up", autostart=True) is None
    QTimer.singleShot(round(SESSION_S * 1000), loop.quit)
    loop.exec()


if __name__ == "__main__":
    main()
