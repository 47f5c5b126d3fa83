"""Render the README and docs screenshots from the real program, offscreen, with a fake clock.

Usage: python tools/screenshots.py [OUT_DIR]   (default docs/screenshots)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from gluteapp.app import Gluteapp, StartupOptions
from gluteapp.core.paths import ensure_writable, resolve_paths
from gluteapp.core.routines import find_routine
from gluteapp.storage.export import fill_demo_history


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        paths = resolve_paths(Path(folder))
        ensure_writable(paths)
        fill_demo_history(paths.data_dir, 0.5)  # six months for the history screenshots
        app = Gluteapp(qt_app, paths, StartupOptions(data_dir=Path(folder),
                                                     screenshot=out / "unused.png",
                                                     skip_first_run=True))
        assert app.start() is None and app.window is not None
        window = app.window
        window.show()

        def shot(name: str, size: tuple[int, int]) -> None:
            window.resize(*size)
            settle(qt_app)
            path = out / f"{name}-{size[0]}x{size[1]}.png"
            window.grab().save(str(path))
            print(path)

        window.show_area("library")
        shot("library", (1280, 800))
        shot("library", (800, 600))
        window.show_area("sessions")
        shot("sessions", (1280, 800))

        scenes = [
            ("player-hold", "side-plank-demo", 6.3),  # into the first hold
            ("player-tempo", "tempo-demo", 6.0 + 2.5),  # a rep's 'Up' part
            ("player-switch", "side-plank-demo", 5 + 20 + 1.2),  # switch sides
            ("player-rest", "side-plank-demo", 5 + 20 + 5 + 20 + 3.4),  # rest between sets
        ]
        demo = Path(folder) / "routines"
        (demo / "side-plank-demo.toml").write_text(
            'name = "Side plank practice"\nprepare_s = 5\n\n[[steps]]\nexercise = "side-plank"\n'
            "sets = 2\nhold_s = 20\nrest_s = 45\n\n[[steps]]\nexercise = \"glute-bridge\"\n"
            "sets = 2\nhold_s = 20\n", encoding="utf-8")
        (demo / "tempo-demo.toml").write_text(
            'name = "Single-leg squat practice"\nprepare_s = 6\n\n[[steps]]\n'
            'exercise = "single-leg-squat"\nsets = 3\nreps = 10\ntempo = "2-0-2"\n',
            encoding="utf-8")
        for name, routine_id, at in scenes:
            clock = FakeClock()
            routine = find_routine(routine_id, app.library, paths.routines)
            player = app.start_routine(routine)
            player.runner.clock = clock
            player.runner.start()
            clock.now += at
            player.runner.evaluate()
            player.runner.stop()
            shot(name, (1280, 800))
            # What full screen shows (the offscreen platform has no 1920x1080 screen).
            window.set_focus_mode(True)
            shot(name, (1920, 1080))
            window.set_focus_mode(False)
            app.end_current_session()
        window.show_area("history")
        shot("history", (1280, 800))
        shot("history", (800, 600))
        app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
