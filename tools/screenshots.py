"""Render the README and docs screenshots from the real program, offscreen, with a fake clock.

Usage: python tools/screenshots.py [OUT_DIR]   (default docs/screenshots)

Two sets: the README's (light theme, English) at several sizes with every player phase, and the
main views (and today's dose plan) in each theme and language at 1280x800, named
VIEW-VARIANT.png (library-dark.png, player-de.png, ...).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from gluteapp.app import Gluteapp
from gluteapp.core.paths import ensure_writable, resolve_paths
from gluteapp.core.routines import find_routine
from gluteapp.gui.main_window import MainWindow
from gluteapp.gui.player.view import PlayerView
from gluteapp.gui.settings import FIRST_RUN_DONE, LANGUAGE, THEME, Settings
from gluteapp.launch import StartupOptions
from gluteapp.storage.export import fill_demo_history

#: variant name -> (theme, language)
VARIANTS = {"light": ("light", "en"), "dark": ("dark", "en"), "de": ("light", "de")}
MAIN_SIZE = (1280, 800)
Shot = Callable[..., None]

SIDE_PLANK_DEMO = """\
name = "Side plank practice"
prepare_s = 5

[[steps]]
exercise = "side-plank"
sets = 2
hold_s = 20
rest_s = 45

[[steps]]
exercise = "glute-bridge"
sets = 2
hold_s = 20
"""
TEMPO_DEMO = """\
name = "Single-leg squat practice"
prepare_s = 6

[[steps]]
exercise = "single-leg-squat"
sets = 3
reps = 10
tempo = "2-0-2"
"""
# (name, routine, seconds after pressing Start): the player in each kind of phase.
SCENES = [
    ("player-hold", "side-plank-demo", 6.3),  # into the first hold
    ("player-tempo", "tempo-demo", 6.0 + 2.5),  # a rep's 'Up' part
    ("player-switch", "side-plank-demo", 5 + 20 + 1.2),  # switch sides
    ("player-rest", "side-plank-demo", 5 + 20 + 5 + 20 + 3.4),  # rest between sets
]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


@contextmanager
def started(qt_app: QApplication, theme: str, language: str) -> Iterator[Gluteapp]:
    """The real app on a fresh data folder with six months of demo history and two demo routines."""
    with tempfile.TemporaryDirectory() as folder:
        paths = resolve_paths(Path(folder))
        ensure_writable(paths)
        fill_demo_history(paths.data_dir, 0.5)
        settings = Settings(paths.settings)
        settings.set(THEME, theme)
        settings.set(LANGUAGE, language)
        settings.set(FIRST_RUN_DONE, True)
        del settings
        paths.routines.mkdir(parents=True, exist_ok=True)
        (paths.routines / "side-plank-demo.toml").write_text(SIDE_PLANK_DEMO, encoding="utf-8")
        (paths.routines / "tempo-demo.toml").write_text(TEMPO_DEMO, encoding="utf-8")
        # A screenshot path makes the app headless: no first run, reminders or daily backups.
        app = Gluteapp(qt_app, paths, StartupOptions(data_dir=Path(folder),
                                                     screenshot=Path(folder) / "unused.png"))
        problem = app.start()
        assert problem is None, problem
        assert app.window is not None
        app.window.show()
        try:
            yield app
        finally:
            app.shutdown()
            app.window.close()
            app.window.deleteLater()
            # Outside exec() deferred deletes wait for this: the next variant's theme change
            # must not reach this window's views, whose history is closed.
            qt_app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            settle(qt_app)


def play_at(app: Gluteapp, routine_id: str, at_s: float) -> PlayerView:
    """The player of a routine, `at_s` seconds after Start, frozen there."""
    routine = find_routine(routine_id, app.library, app.paths.routines)
    assert app.window is not None
    app.window.show_area("sessions")
    # Straight to the player, past any plan of today's doses the app may show first.
    player = app.controller.play_routine(routine)
    assert isinstance(player, PlayerView), type(player)
    clock = FakeClock()
    player.runner.clock = clock
    player.runner.start()
    clock.now += at_s
    player.runner.evaluate()
    player.runner.stop()
    return player


def saver(qt_app: QApplication, window: MainWindow, out: Path) -> Shot:
    def shot(name: str, size: tuple[int, int], widget: QWidget | None = None) -> None:
        window.resize(*size)
        settle(qt_app)
        path = out / f"{name}.png"
        (widget or window).grab().save(str(path))
        print(path)

    return shot


def readme_set(qt_app: QApplication, out: Path) -> None:
    with started(qt_app, "light", "en") as app:
        assert app.window is not None
        window = app.window
        shot = saver(qt_app, window, out)
        window.show_area("library")
        shot("library-1280x800", (1280, 800))
        shot("library-800x600", (800, 600))
        window.show_area("sessions")
        shot("sessions-1280x800", (1280, 800))
        # Before the player scenes, whose sessions would join the history.
        window.show_area("history")
        shot("history-1280x800", (1280, 800))
        shot("history-800x600", (800, 600))
        for name, routine_id, at_s in SCENES:
            play_at(app, routine_id, at_s)
            shot(f"{name}-1280x800", (1280, 800))
            # What full screen shows (the offscreen platform has no 1920x1080 screen).
            window.set_focus_mode(True)
            shot(f"{name}-1920x1080", (1920, 1080))
            window.set_focus_mode(False)
            app.controller.leave()


def variant_set(qt_app: QApplication, out: Path, variant: str) -> None:
    theme, language = VARIANTS[variant]
    with started(qt_app, theme, language) as app:
        assert app.window is not None
        window = app.window
        shot = saver(qt_app, window, out)
        for area in ("library", "sessions", "plan", "history"):
            window.show_area(area)
            shot(f"{area}-{variant}", MAIN_SIZE)
        # Today's doses for the next medius routine, from the demo history.
        window.show_area("sessions")
        medius = find_routine("gluteus-medius-a", app.library, app.paths.routines)
        app.controller.start_routine(medius)
        shot(f"dose-plan-{variant}", MAIN_SIZE)
        app.controller.leave()
        play_at(app, "side-plank-demo", SCENES[0][2])
        shot(f"player-{variant}", MAIN_SIZE)
        app.controller.leave()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    readme_set(qt_app, out)
    for variant in VARIANTS:
        variant_set(qt_app, out, variant)
    return 0


if __name__ == "__main__":
    sys.exit(main())
