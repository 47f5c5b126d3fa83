"""Render the README and docs screenshots from the real program, offscreen, with a fake clock.

Usage: python tools/screenshots.py [OUT_DIR] [--player-only | --variant=de]
(default docs/screenshots)

Three sets: the README's (light theme, English) at several sizes; the player in every kind of
phase (a hold, a tempo rep, a switch, the rest before an exercise with its steps, paused) at
800x600 and 1280x800 in the window and 1920x1080 full screen, in English and German, named
player-PHASE-SIZE[-de].png, with the heights of its big words written to
player-text-heights.md; and the main views (and today's dose plan) in each theme and language
at 1280x800, named VIEW-VARIANT.png (library-dark.png, player-de.png, ...), with the library's
Learn tab, the History's Exercises and Sessions tabs, Settings and the first run's two pages
(learn-de.png, history-sessions-de.png, settings-de.png, first-run-questions-de.png, ...).
The player is shown as `gluteapp --screenshot FILE --routine ID --at SECONDS [--paused]` shows
it (`SessionController.preview`).
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
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QScrollArea, QTabWidget, QWidget

from gluteapp.app import Gluteapp
from gluteapp.core.paths import ensure_writable, resolve_paths
from gluteapp.core.routines import find_routine
from gluteapp.gui.main_window import MainWindow
from gluteapp.gui.player.fit_label import FitLabel
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
# (name, routine, seconds after pressing Start, paused): the player in each kind of phase.
SCENES = [
    ("player-hold", "side-plank-demo", 6.3, False),  # into the first hold
    ("player-tempo", "tempo-demo", 6.0 + 2.5, False),  # a rep's 'Up' part
    ("player-switch", "side-plank-demo", 5 + 20 + 1.2, False),  # switch sides
    # The rest before the glute bridge, its steps on show: both plank sets, the set rest.
    ("player-rest", "side-plank-demo", 5 + (20 + 5 + 20) + 45 + (20 + 5 + 20) + 3.4, False),
    ("player-paused", "side-plank-demo", 5 + 20 + 5 + 4.0, True),  # paused in a hold
]
#: (label, size, full screen)
PLAYER_SIZES = [("800x600", (800, 600), False), ("1280x800", (1280, 800), False),
                ("1920x1080", (1920, 1080), True)]


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


def play_at(app: Gluteapp, routine_id: str, at_s: float, paused: bool = False) -> PlayerView:
    """The player of a routine, `at_s` seconds after Start, frozen there (as --at shows it)."""
    assert app.window is not None
    app.window.show_area("sessions")
    # Straight to the player, past any plan of today's doses the app may show first.
    problem = app.controller.preview(routine_id, at_s, paused)
    assert problem is None, problem
    player = app.controller.player
    assert isinstance(player, PlayerView), type(player)
    return player


def cap_height(label: FitLabel) -> int:
    """The height of the capital letters `label` draws, in pixels."""
    return QFontMetrics(label.used_font()).capHeight() if label.isVisible() else 0


def text_heights(player: PlayerView) -> str:
    """Phase, exercise, side, next, steps: the capital letters' height as drawn, in px."""
    cells = [cap_height(label) for label in (player.phase_label, player.exercise_label,
                                             player.side_label, player.next_label,
                                             player.steps_label)]
    number = player.ring.digit_height()
    return " | ".join(str(c) if c else "–" for c in [number, *cells])


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
        for name, routine_id, at_s, paused in SCENES[:1]:
            play_at(app, routine_id, at_s, paused)
            shot(f"{name}-1280x800", (1280, 800))
            app.controller.leave()


def player_set(qt_app: QApplication, out: Path, language: str) -> list[str]:
    """Every phase at every size in `language`; the rows of the text-height table."""
    suffix = "" if language == "en" else f"-{language}"
    rows = []
    with started(qt_app, "light", language) as app:
        assert app.window is not None
        window = app.window
        for name, routine_id, at_s, paused in SCENES:
            for label, size, full_screen in PLAYER_SIZES:
                player = play_at(app, routine_id, at_s, paused)
                path = out / f"{name}-{label}{suffix}.png"
                if full_screen:
                    # The player's own window with nothing but the session, at the size of a
                    # 1920x1080 screen (the offscreen platform's screen is smaller).
                    player.toggle_fullscreen()
                    player.showNormal()
                    player.resize(*size)
                    settle(qt_app)
                    player.grab().save(str(path))
                    rows.append(f"| {path.name} | {text_heights(player)} |")
                    player.toggle_fullscreen()
                else:
                    window.resize(*size)
                    settle(qt_app)
                    window.grab().save(str(path))
                    rows.append(f"| {path.name} | {text_heights(player)} |")
                print(path)
                app.controller.leave()
    return rows


HEIGHTS_HEAD = """# The player's big words, as drawn

Capital-letter heights in pixels (QFontMetrics.capHeight of the font each label drew with; the
countdown's digits measured the same way), written by tools/screenshots.py. At 1280x800 the
issue asks for at least ~80 px for the phase word, ~50 px for the exercise and the side, ~40 px
for what comes next; "–" where a line is not shown (the side of a two-sided exercise, what
comes next while the steps are on show).

| screenshot | countdown | phase | exercise | side | next | steps |
|---|---|---|---|---|---|---|
"""


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
        dialogs_and_pages(qt_app, app, out, variant)


def dialogs_and_pages(qt_app: QApplication, app: Gluteapp, out: Path, variant: str) -> None:
    """The library's Learn tab, the History's other tabs, Settings and both pages of the first
    run, as a person sees them."""
    from gluteapp.gui.first_run import FirstRunDialog
    from gluteapp.gui.library.area import LibraryArea
    from gluteapp.gui.settings_dialog import SettingsDialog

    assert app.window is not None
    app.window.show_area("library")
    area = app.window.page("library")
    assert isinstance(area, LibraryArea)
    view = area.view()
    view.tabs.setCurrentIndex(view.LEARN_TAB)
    saver(qt_app, app.window, out)(f"learn-{variant}", MAIN_SIZE)
    view.tabs.setCurrentIndex(view.EXERCISES_TAB)
    # The History's other two tabs: an exercise's charts, and the sessions one by one.
    app.window.show_area("history")
    tabs = app.window.page("history").findChild(QTabWidget, "history_tabs")
    if tabs is not None:
        for index, name in ((1, "history-exercises"), (2, "history-sessions")):
            tabs.setCurrentIndex(index)
            saver(qt_app, app.window, out)(f"{name}-{variant}", MAIN_SIZE)
        tabs.setCurrentIndex(0)
    for name, dialog in (("settings", SettingsDialog(app.settings, app.window)),
                         ("first-run", FirstRunDialog(app.settings, app.window))):
        dialog.show()
        settle(qt_app)
        # The offscreen screen is 800 px wide; the window is shown at 1280x800, so the screen
        # is at least that wide, and a dialog takes the width its content asks, up to it.
        scroll = dialog.findChild(QScrollArea)
        content = scroll.widget() if scroll is not None else None
        asked = content.sizeHint().width() + 24 if content is not None else 0
        wanted = min(max(dialog.sizeHint().width(), asked), MAIN_SIZE[0] - 40)
        if wanted > dialog.width():
            dialog.resize(wanted, dialog.height())
            settle(qt_app)
        dialog.grab().save(str(out / f"{name}-{variant}.png"))
        print(out / f"{name}-{variant}.png")
        if isinstance(dialog, FirstRunDialog):
            dialog.accept_button.click()  # on to the questions
            settle(qt_app)
            dialog.grab().save(str(out / f"first-run-questions-{variant}.png"))
            print(out / f"first-run-questions-{variant}.png")
        dialog.hide()
        dialog.deleteLater()
        settle(qt_app)


def player_variant(qt_app: QApplication, out: Path, variant: str) -> None:
    """The player in a hold at 1280x800, in one theme and language (player-dark.png, ...)."""
    theme, language = VARIANTS[variant]
    with started(qt_app, theme, language) as app:
        assert app.window is not None
        play_at(app, "side-plank-demo", SCENES[0][2])
        saver(qt_app, app.window, out)(f"player-{variant}", MAIN_SIZE)
        app.controller.leave()


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    only = [a.removeprefix("--variant=") for a in sys.argv[1:] if a.startswith("--variant=")]
    if only:  # one variant's views, dialogs and pages, e.g. --variant=de after a translation
        for variant in only:
            variant_set(qt_app, out, variant)
        return 0
    rows = [row for language in ("en", "de") for row in player_set(qt_app, out, language)]
    (out / "player-text-heights.md").write_text(HEIGHTS_HEAD + "\n".join(rows) + "\n",
                                                encoding="utf-8")
    if "--player-only" in sys.argv:
        for variant in VARIANTS:
            player_variant(qt_app, out, variant)
        return 0
    readme_set(qt_app, out)
    for variant in VARIANTS:
        variant_set(qt_app, out, variant)
    return 0


if __name__ == "__main__":
    sys.exit(main())
